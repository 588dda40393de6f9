// The mails about bookings, read from the database when their job runs, so that they say how things are
// when they leave: confirmed, moved up, cancelled (by whom, why), the session cancelled, the waitlist
// expired, the reminder (the only mail naming the guests, to the referent who booked for them), the draw's
// result or a draw not held, and the attendance asked the day after.
import "server-only";
import { createTranslator } from "use-intl/core";
import { sharedCaches } from "@/lib/i18n/shared-caches";
import { drawFactsForBooking } from "@/lib/booking/applications";
import { drawSentence } from "@/lib/booking/draw-words";
import { formatBookingNumber } from "@/lib/booking/number";
import { getPrisma } from "@/lib/db/client";
import { bookingForMail, type BookingForMail } from "@/lib/mail/booking-facts";
import { appUrl } from "@/lib/http/app-url";
import { formatSessionDate } from "@/lib/format/dates";
import messages from "@/messages/fr";
import type { MailContent } from "@/lib/mail/template";
import { frame, t, type MailBody } from "./frame";

const drawWords = createTranslator({ locale: "fr", messages, namespace: "draw", ...sharedCaches("fr") });

/** The booking's words for its mails; `booking` as read when the mail leaves (booking-facts.ts). */
function bookingFacts(booking: BookingForMail) {
  const venue = booking.session.event.venue;
  return {
    ...booking,
    event: booking.session.event.title,
    number: formatBookingNumber(booking.number),
    venue: venue.name,
    date: formatSessionDate(booking.session.startsAt),
    address: `${venue.name}, ${venue.addressLine}, ${venue.postalCode} ${venue.city}`,
    page: appUrl(`/partenaire/reservations/${booking.id}`),
    invitation: appUrl(`/api/bookings/${booking.id}/invitation`),
  };
}

/** An application's draw did not take place (issue 26): the session was cancelled, or its bookings closed first. */
export async function drawNotHeldMail(sessionId: string, recipientName: string | null): Promise<MailBody | null> {
  const draw = /^[0-9a-f-]{36}$/i.test(sessionId)
    ? await getPrisma().sessionDraw.findUnique({
        where: { sessionId },
        select: { notHeld: true, session: { select: { startsAt: true, cancelNote: true, event: { select: { title: true } } } } },
      })
    : null;
  if (!draw?.notHeld) return null;
  const facts = { event: draw.session.event.title, date: formatSessionDate(draw.session.startsAt) };
  const paragraphs = [t(`DRAW_NOT_HELD.${draw.notHeld}`, facts)];
  if (draw.notHeld === "SESSION_CANCELLED" && draw.session.cancelNote) paragraphs.push(t("SESSION_CANCELLED.reason", { reason: draw.session.cancelNote }));
  const offer = appUrl("/offre");
  return {
    ...frame(recipientName, { subject: t("DRAW_NOT_HELD.subject", facts), paragraphs, action: { label: t("DRAW_NOT_HELD.action"), url: offer } }),
    url: offer,
  };
}

/**
 * The mails about a booking, to whoever made it: what happened to it, the reminder, the draw's result, the
 * attendance asked. `loaded`: the booking already read by the mail's sending (which attaches its calendar
 * file from the same reading); read here otherwise.
 */
export async function bookingMail(
  kind: string,
  props: Record<string, unknown>,
  recipientName: string | null,
  loaded?: BookingForMail | null,
): Promise<MailBody | null> {
  const found = loaded === undefined ? await bookingForMail(String(props.bookingId ?? "")) : loaded;
  if (!found) return null;
  // Written with the booking, its confirmation (or its draw's result) leaves after it: not if the booking
  // was cancelled meanwhile.
  if (kind === "BOOKING_CONFIRMED" && found.status !== "CONFIRMED") return null;
  if (kind === "DRAW_RESULT" && found.status === "CANCELLED") return null;
  const booking = bookingFacts(found);
  const facts = { number: booking.number, event: booking.event, places: booking.places, date: booking.date, address: booking.address };
  const content = (body: Pick<MailContent, "subject" | "paragraphs" | "action" | "notes">, url = booking.page) => ({ ...frame(recipientName, body), url });
  switch (kind) {
    case "BOOKING_CONFIRMED":
    case "BOOKING_PROMOTED":
      return content({
        subject: t(`${kind}.subject`, facts),
        paragraphs: [t(`${kind}.lead`, facts), booking.date, booking.address],
        action: { label: t(`${kind}.action`), url: booking.invitation },
      });
    case "BOOKING_CANCELLED": {
      // Who cancelled, by name: the venue, or the association.
      const by = booking.cancelReason === "VENUE" ? t("BOOKING_CANCELLED.byVENUE", { venue: booking.venue }) : t("BOOKING_CANCELLED.byASSOCIATION");
      const paragraphs = [t("BOOKING_CANCELLED.lead", { ...facts, by }), booking.date];
      if (booking.cancelNote) paragraphs.push(t("BOOKING_CANCELLED.reason", { reason: booking.cancelNote }));
      return content({
        subject: t("BOOKING_CANCELLED.subject", { ...facts, by }),
        paragraphs,
        action: { label: t("BOOKING_CANCELLED.action"), url: booking.page },
      });
    }
    case "SESSION_CANCELLED": {
      const paragraphs = [t("SESSION_CANCELLED.lead", facts), booking.date];
      if (booking.session.cancelNote) paragraphs.push(t("SESSION_CANCELLED.reason", { reason: booking.session.cancelNote }));
      return content({ subject: t("SESSION_CANCELLED.subject", facts), paragraphs, action: { label: t("SESSION_CANCELLED.action"), url: appUrl("/offre") } });
    }
    case "SESSION_MOVED":
      // The new time, as the booking stands when the mail leaves (issue 33.1: moved in the venue's agenda).
      return content({
        subject: t("SESSION_MOVED.subject", facts),
        paragraphs: [t("SESSION_MOVED.lead", facts), booking.date, booking.address],
        action: { label: t("SESSION_MOVED.action"), url: booking.page },
        notes: [t("SESSION_MOVED.absent")],
      });
    case "WAITLIST_EXPIRED":
      return content({
        subject: t("WAITLIST_EXPIRED.subject", facts),
        paragraphs: [t("WAITLIST_EXPIRED.lead", facts)],
        action: { label: t("WAITLIST_EXPIRED.action"), url: appUrl("/offre") },
      });
    case "OUTING_REMINDER": {
      const names = booking.guests.map((guest) => `${guest.firstName} ${guest.lastName}`).join(", ");
      return content({
        subject: t("OUTING_REMINDER.subject", facts),
        paragraphs: [t("OUTING_REMINDER.lead", facts), t("OUTING_REMINDER.guests", { names }), t("OUTING_REMINDER.where", facts)],
        action: { label: t("OUTING_REMINDER.action"), url: booking.invitation },
        notes: [t("OUTING_REMINDER.absent")],
      });
    }
    case "DRAW_RESULT": {
      const draw = await drawFactsForBooking(booking.id);
      if (!draw) return null;
      const sentence = drawSentence((key, values) => (drawWords as unknown as (key: string, values?: Record<string, string | number>) => string)(key, values), {
        ...draw,
        date: formatSessionDate(draw.drawnAt),
      });
      const won = draw.placesWon > 0;
      return content({
        subject: t("DRAW_RESULT.subject", facts),
        paragraphs: [sentence, booking.date, booking.address],
        action: { label: t(won ? "DRAW_RESULT.actionWon" : "DRAW_RESULT.actionWaiting"), url: won ? booking.invitation : booking.page },
      });
    }
    case "ATTENDANCE_REQUEST":
      return content({
        subject: t("ATTENDANCE_REQUEST.subject", facts),
        paragraphs: [t("ATTENDANCE_REQUEST.lead", facts)],
        action: { label: t("ATTENDANCE_REQUEST.action"), url: appUrl("/partenaire/reservations?onglet=passees") },
      });
    default:
      return null;
  }
}

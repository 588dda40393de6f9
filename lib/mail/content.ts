// What each kind of mail says, read from the database when its job runs (so that it says how things are
// when it leaves), in the words of the message catalog. Guests' names appear only in the reminder, which
// goes to the referent who booked for them. A mail to an address typed in a public form (an activity's
// registration, a partnership request) carries none of that form's words.
import "server-only";
import { createTranslator } from "use-intl/core";
import { drawFactsForBooking } from "@/lib/booking/applications";
import { drawSentence } from "@/lib/booking/draw-words";
import { formatBookingNumber } from "@/lib/booking/number";
import { getPrisma } from "@/lib/db/client";
import { formatDay, formatSessionDate } from "@/lib/format/dates";
import messages from "@/messages/fr";
import type { MailContent } from "./template";

export const MAIL_KINDS = [
  "ACCOUNT_INVITATION",
  "PASSWORD_RESET",
  "BOOKING_CONFIRMED",
  "BOOKING_PROMOTED",
  "BOOKING_CANCELLED",
  "SESSION_CANCELLED",
  "WAITLIST_EXPIRED",
  "OUTING_REMINDER",
  "ATTENDANCE_REQUEST",
  "DIGEST",
  "PARTNERSHIP_REQUEST",
  "PARTNERSHIP_ACK",
  "MEMBERSHIP_INVITATION",
  "MEMBERSHIP_REMINDER",
  "CONVENTION_ENDING",
  "ACTIVITY_REGISTERED",
  "ACTIVITY_WAITLISTED",
  "ACTIVITY_PROMOTED",
  "ACTIVITY_CANCELLED",
  "DRAW_RESULT",
  "DRAW_NOT_HELD",
  "SMS_BUDGET_SPENT",
  "LATE_PLACES",
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/**
 * Kinds a user may receive at once, in a daily digest or not at all; the others always go at once:
 * cancellations (of a booking, of a session), account mails (invitation, new password), the digest itself,
 * and the mails to people without an account (activities, the acknowledgement of a partnership request).
 */
export const OPTIONAL_KINDS = [
  "BOOKING_CONFIRMED",
  "BOOKING_PROMOTED",
  "WAITLIST_EXPIRED",
  "OUTING_REMINDER",
  "ATTENDANCE_REQUEST",
  "DRAW_RESULT",
  "MEMBERSHIP_INVITATION",
  "MEMBERSHIP_REMINDER",
  "PARTNERSHIP_REQUEST",
  "CONVENTION_ENDING",
] as const satisfies readonly MailKind[];
export type OptionalKind = (typeof OPTIONAL_KINDS)[number];
export const isOptional = (kind: string): kind is OptionalKind => (OPTIONAL_KINDS as readonly string[]).includes(kind);

/**
 * The kinds that can wait each role receives, for its choices (/mon-compte): a structure's referents get
 * the mails about their bookings and the membership campaign, the association the partnership requests
 * and the conventions ending; a venue's managers get none of them.
 */
export const OPTIONAL_KINDS_BY_ROLE: Record<"ADMIN" | "PARTNER" | "VENUE", readonly OptionalKind[]> = {
  PARTNER: ["BOOKING_CONFIRMED", "BOOKING_PROMOTED", "WAITLIST_EXPIRED", "OUTING_REMINDER", "ATTENDANCE_REQUEST", "DRAW_RESULT", "MEMBERSHIP_INVITATION", "MEMBERSHIP_REMINDER"],
  ADMIN: ["PARTNERSHIP_REQUEST", "CONVENTION_ENDING"],
  VENUE: [],
};

const t = createTranslator({ locale: "fr", messages, namespace: "mail" });
const drawWords = createTranslator({ locale: "fr", messages, namespace: "draw" });
const smsWords = createTranslator({ locale: "fr", messages, namespace: "sms" });

/** The public address of the app, for links in mails. */
export function appUrl(path: string): string {
  const base = process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return new URL(path, base).toString();
}

/** `why`: for a mail to an address with no account, why it came (and no link to an account's choices). */
function frame(name: string | null, body: Pick<MailContent, "subject" | "paragraphs" | "action" | "notes" | "items">, why?: string): MailContent {
  return {
    ...body,
    greeting: name ? t("hello", { name }) : t("helloPlain"),
    signature: t("signature"),
    footer: why ? { about: t("footer"), why } : { about: t("footer"), why: t("footerWhy"), choice: { label: t("footerChoice"), url: appUrl("/mon-compte") } },
  };
}

/** The mails about a structure: to the association (a request, a convention ending) or to the structure (membership). */
async function partnerMail(kind: string, props: Record<string, unknown>, recipientName: string | null): Promise<(MailContent & { url: string }) | null> {
  const partner = await getPrisma().partner.findUnique({
    where: { id: String(props.partnerId ?? "") },
    select: { id: true, name: true, city: true, sector: true, conventions: { orderBy: { validUntil: "desc" }, take: 1, select: { validUntil: true } } },
  });
  if (!partner) return null;
  const adminPage = appUrl(`/admin/structures/${partner.id}`);
  const season = Number(props.season ?? 0);
  const facts = { structure: partner.name, city: partner.city ?? "", season: `${season}-${season + 1}`, until: partner.conventions[0] ? formatDay(partner.conventions[0].validUntil) : "" };
  switch (kind) {
    case "PARTNERSHIP_REQUEST":
      return { ...frame(recipientName, { subject: t("PARTNERSHIP_REQUEST.subject", facts), paragraphs: [t("PARTNERSHIP_REQUEST.lead", facts)], action: { label: t("PARTNERSHIP_REQUEST.action"), url: adminPage } }), url: adminPage };
    case "CONVENTION_ENDING":
      return { ...frame(recipientName, { subject: t("CONVENTION_ENDING.subject", facts), paragraphs: [t("CONVENTION_ENDING.lead", facts)], action: { label: t("CONVENTION_ENDING.action"), url: adminPage } }), url: adminPage };
    default: {
      const home = appUrl("/partenaire");
      const which = kind === "MEMBERSHIP_REMINDER" ? "MEMBERSHIP_REMINDER" : "MEMBERSHIP_INVITATION";
      return { ...frame(recipientName, { subject: t(`${which}.subject`, facts), paragraphs: [t(`${which}.lead`, facts), t("MEMBERSHIP_INVITATION.never")], action: { label: t("MEMBERSHIP_INVITATION.action"), url: home } }), url: home };
    }
  }
}

async function bookingFacts(bookingId: string) {
  const booking = await getPrisma().booking.findUnique({
    where: { id: bookingId },
    select: {
      id: true,
      number: true,
      places: true,
      cancelReason: true,
      cancelNote: true,
      session: { select: { startsAt: true, cancelNote: true, event: { select: { title: true, venue: { select: { name: true, addressLine: true, postalCode: true, city: true } } } } } },
      // A guest withdrawn from the booking is no longer invited: the mails name only the others.
      guests: { where: { cancelledAt: null }, orderBy: { position: "asc" }, select: { firstName: true, lastName: true } },
    },
  });
  if (!booking) return null;
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
async function drawNotHeldMail(sessionId: string, recipientName: string | null): Promise<(MailContent & { url: string }) | null> {
  const draw = /^[0-9a-f-]{36}$/i.test(sessionId)
    ? await getPrisma().sessionDraw.findUnique({ where: { sessionId }, select: { notHeld: true, session: { select: { startsAt: true, cancelNote: true, event: { select: { title: true } } } } } })
    : null;
  if (!draw?.notHeld) return null;
  const facts = { event: draw.session.event.title, date: formatSessionDate(draw.session.startsAt) };
  const paragraphs = [t(`DRAW_NOT_HELD.${draw.notHeld}`, facts)];
  if (draw.notHeld === "SESSION_CANCELLED" && draw.session.cancelNote) paragraphs.push(t("SESSION_CANCELLED.reason", { reason: draw.session.cancelNote }));
  const offer = appUrl("/offre");
  return { ...frame(recipientName, { subject: t("DRAW_NOT_HELD.subject", facts), paragraphs, action: { label: t("DRAW_NOT_HELD.action"), url: offer } }), url: offer };
}

/** Late places released (issue 33.2): the places left and the closing time as they are when the mail leaves. */
async function latePlacesMail(sessionId: string, recipientName: string | null): Promise<(MailContent & { url: string }) | null> {
  const session = /^[0-9a-f-]{36}$/i.test(sessionId)
    ? await getPrisma().session.findUnique({
        where: { id: sessionId },
        select: { startsAt: true, status: true, latePlaces: true, lateConfirmedPlaces: true, lateMarginMinutes: true, event: { select: { id: true, title: true, venue: { select: { name: true } } } } },
      })
    : null;
  if (!session || session.status === "CANCELLED") return null;
  const left = session.latePlaces - session.lateConfirmedPlaces;
  const closes = new Date(session.startsAt.getTime() - session.lateMarginMinutes * 60_000);
  const facts = { event: session.event.title, venue: session.event.venue.name, places: session.latePlaces, closes: formatSessionDate(closes), left: String(left) };
  const page = appUrl(`/offre/${session.event.id}/reserver/${sessionId}?tard=1`);
  return {
    ...frame(recipientName, {
      subject: t("LATE_PLACES.subject", facts),
      paragraphs: [t("LATE_PLACES.lead", facts), formatSessionDate(session.startsAt), left > 0 ? t("LATE_PLACES.closes", facts) : t("LATE_PLACES.gone")],
      action: { label: t("LATE_PLACES.action"), url: page },
      notes: [t("LATE_PLACES.why")],
    }),
    url: page,
  };
}

/**
 * The mails to a person registered for one of the association's activities (lib/activities). The address
 * was typed in a public form and nobody confirmed it: the mail says the association's words (the
 * activity, its date and place, the number) and none of the form's, not even the name (issue 27.6).
 */
async function activityMail(kind: "ACTIVITY_REGISTERED" | "ACTIVITY_WAITLISTED" | "ACTIVITY_PROMOTED" | "ACTIVITY_CANCELLED", registrationId: string): Promise<(MailContent & { url: string }) | null> {
  const registration = /^[0-9a-f-]{36}$/i.test(registrationId)
    ? await getPrisma().activityRegistration.findUnique({ where: { id: registrationId }, select: { number: true, status: true, activity: { select: { title: true, startsAt: true, place: true } } } })
    : null;
  // Said only while still true: a registration cancelled since is not confirmed by a late mail.
  if (!registration || (kind !== "ACTIVITY_CANCELLED" && registration.status === "CANCELLED")) return null;
  const facts = { title: registration.activity.title, number: formatBookingNumber(registration.number) };
  const page = appUrl("/activites");
  return {
    ...frame(null, {
      subject: t(`${kind}.subject`, facts),
      paragraphs: [t(`${kind}.lead`, facts), formatSessionDate(registration.activity.startsAt), registration.activity.place],
      action: { label: t(`${kind}.action`), url: page },
      notes: kind === "ACTIVITY_CANCELLED" ? [] : [t("ACTIVITY.cancel", facts)],
    }, t("ACTIVITY.why")),
    url: page,
  };
}

export interface MailSource {
  kind: string;
  props: Record<string, unknown>;
  recipientName: string | null;
}

/** The content of a mail, or null when what it is about no longer exists (nothing to send). */
export async function mailContent({ kind, props, recipientName }: MailSource): Promise<(MailContent & { url: string }) | null> {
  const string = (key: string) => String(props[key] ?? "");
  switch (kind) {
    case "ACCOUNT_INVITATION":
    case "PASSWORD_RESET": {
      // The link is a secret: its place ({link}) is filled only when the mail leaves (seal.ts).
      const lead = kind === "ACCOUNT_INVITATION" ? t("ACCOUNT_INVITATION.lead", { inviter: string("inviter") }) : t("PASSWORD_RESET.lead");
      return {
        ...frame(string("name") || recipientName, { subject: t(`${kind}.subject`), paragraphs: [lead], action: { label: t(`${kind}.action`), url: "{link}" }, notes: [t(`${kind}.note`)] }),
        url: appUrl("/connexion"),
      };
    }
    case "PARTNERSHIP_ACK":
      // To an address typed in a public form, confirmed by nobody: the association's words only, never the
      // requester's (a name, a structure), which would let anyone mail anyone under its name (issue 27.6).
      return {
        ...frame(null, { subject: t("PARTNERSHIP_ACK.subject"), paragraphs: [t("PARTNERSHIP_ACK.lead"), t("PARTNERSHIP_ACK.next")], action: { label: t("PARTNERSHIP_ACK.action"), url: appUrl("/faq") } }, t("PARTNERSHIP_ACK.why")),
        url: appUrl("/faq"),
      };
    case "PARTNERSHIP_REQUEST":
    case "CONVENTION_ENDING":
    case "MEMBERSHIP_INVITATION":
    case "MEMBERSHIP_REMINDER":
      return partnerMail(kind, props, recipientName);
    case "ACTIVITY_REGISTERED":
    case "ACTIVITY_WAITLISTED":
    case "ACTIVITY_PROMOTED":
    case "ACTIVITY_CANCELLED":
      return activityMail(kind, string("registrationId"));
    case "DRAW_NOT_HELD":
      return drawNotHeldMail(string("sessionId"), recipientName);
    case "LATE_PLACES":
      return latePlacesMail(string("sessionId"), recipientName);
    case "SMS_BUDGET_SPENT": {
      // The month's text messages are spent (lib/sms/deliver.ts): the outbox shows those waiting.
      const outbox = appUrl("/admin/courriels");
      return {
        ...frame(recipientName, { subject: smsWords("budgetMail.subject"), paragraphs: [smsWords("budgetMail.body", { budget: string("budget") })], action: { label: smsWords("outbox.title"), url: outbox } }),
        url: outbox,
      };
    }
    case "DIGEST": {
      const items = (props.items as { label: string; url: string }[] | undefined) ?? [];
      // The association's digest (partnership requests, conventions ending) leads to its own space.
      const home = appUrl(props.forAdmin ? "/admin" : "/partenaire/reservations");
      return {
        ...frame(recipientName, { subject: t("DIGEST.subject", { count: items.length }), paragraphs: [t("DIGEST.lead")], items, action: { label: t(props.forAdmin ? "DIGEST.actionAdmin" : "DIGEST.action"), url: home } }),
        url: home,
      };
    }
  }
  const booking = await bookingFacts(string("bookingId"));
  if (!booking) return null;
  const facts = { number: booking.number, event: booking.event, places: booking.places, date: booking.date, address: booking.address };
  const content = (body: Pick<MailContent, "subject" | "paragraphs" | "action" | "notes">, url = booking.page) => ({ ...frame(recipientName, body), url });
  switch (kind) {
    case "BOOKING_CONFIRMED":
    case "BOOKING_PROMOTED":
      return content({ subject: t(`${kind}.subject`, facts), paragraphs: [t(`${kind}.lead`, facts), booking.date, booking.address], action: { label: t(`${kind}.action`), url: booking.invitation } });
    case "BOOKING_CANCELLED": {
      // Who cancelled, by name: the venue, or the association.
      const by = booking.cancelReason === "VENUE" ? t("BOOKING_CANCELLED.byVENUE", { venue: booking.venue }) : t("BOOKING_CANCELLED.byASSOCIATION");
      const paragraphs = [t("BOOKING_CANCELLED.lead", { ...facts, by }), booking.date];
      if (booking.cancelNote) paragraphs.push(t("BOOKING_CANCELLED.reason", { reason: booking.cancelNote }));
      return content({ subject: t("BOOKING_CANCELLED.subject", { ...facts, by }), paragraphs, action: { label: t("BOOKING_CANCELLED.action"), url: booking.page } });
    }
    case "SESSION_CANCELLED": {
      const paragraphs = [t("SESSION_CANCELLED.lead", facts), booking.date];
      if (booking.session.cancelNote) paragraphs.push(t("SESSION_CANCELLED.reason", { reason: booking.session.cancelNote }));
      return content({ subject: t("SESSION_CANCELLED.subject", facts), paragraphs, action: { label: t("SESSION_CANCELLED.action"), url: appUrl("/offre") } });
    }
    case "WAITLIST_EXPIRED":
      return content({ subject: t("WAITLIST_EXPIRED.subject", facts), paragraphs: [t("WAITLIST_EXPIRED.lead", facts)], action: { label: t("WAITLIST_EXPIRED.action"), url: appUrl("/offre") } });
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
      const sentence = drawSentence((key, values) => (drawWords as unknown as (key: string, values?: Record<string, string | number>) => string)(key, values), { ...draw, date: formatSessionDate(draw.drawnAt) });
      const won = draw.placesWon > 0;
      return content({
        subject: t("DRAW_RESULT.subject", facts),
        paragraphs: [sentence, booking.date, booking.address],
        action: { label: t(won ? "DRAW_RESULT.actionWon" : "DRAW_RESULT.actionWaiting"), url: won ? booking.invitation : booking.page },
      });
    }
    case "ATTENDANCE_REQUEST":
      return content({ subject: t("ATTENDANCE_REQUEST.subject", facts), paragraphs: [t("ATTENDANCE_REQUEST.lead", facts)], action: { label: t("ATTENDANCE_REQUEST.action"), url: appUrl("/partenaire/reservations?onglet=passees") } });
    default:
      return null;
  }
}

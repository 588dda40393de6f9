// The event of one booking (issue 30.2): "Ajouter à mon agenda" on the booking's page, and the file
// attached to the mails of a confirmation and of a cancellation. One VEVENT with a stable UID (the
// booking's id); a change of the session's time or place gives the same UID with a higher SEQUENCE
// (ical.ts bookingSequence); a cancelled booking gives METHOD:CANCEL. Whoever may see the booking may
// take its event (lib/auth/permissions canSeeBooking); the guests appear by first name only.
import "server-only";
import { z } from "zod";
import { ICalEventStatus } from "ical-generator";
import type { Actor } from "@/lib/auth/actor";
import { canSeeBooking } from "@/lib/auth/permissions";
import { formatBookingNumber } from "@/lib/booking/number";
import { getPrisma } from "@/lib/db/client";
import { AccessDeniedError, NotFoundError } from "@/lib/errors";
import { appUrl } from "@/lib/http/app-url";
import { bookingSequence, calendarWords as t, firstNames, ICalCalendarMethod, location, newCalendar, organizer, parisDateTime, uid } from "./ical";

export interface BookingCalendar {
  /** PUBLISH for a booking that holds, CANCEL for a cancelled one. */
  method: "PUBLISH" | "CANCEL";
  filename: string;
  content: string;
}

const bookingId = z.uuid();

async function loadBooking(id: string) {
  return getPrisma().booking.findUnique({
    where: { id },
    select: {
      id: true,
      number: true,
      status: true,
      partnerId: true,
      partner: { select: { name: true } },
      session: {
        select: {
          startsAt: true,
          endsAt: true,
          calendarSequence: true,
          event: {
            select: { title: true, durationMinutes: true, venueId: true, venue: { select: { name: true, addressLine: true, postalCode: true, city: true } } },
          },
        },
      },
      // A guest withdrawn from the booking is no longer going (lib/booking/withdraw-guest.ts).
      guests: { where: { cancelledAt: null }, orderBy: { position: "asc" }, select: { firstName: true } },
    },
  });
}

/** What the event is written from: the booking as the page reads it, or as a mail about it does (lib/mail/booking-facts.ts). */
export interface CalendarBooking {
  id: string;
  number: string;
  status: "CONFIRMED" | "WAITLISTED" | "CANCELLED";
  partner: { name: string };
  session: {
    startsAt: Date;
    endsAt: Date | null;
    calendarSequence: number;
    event: { title: string; durationMinutes: number | null; venue: { name: string; addressLine: string; postalCode: string; city: string } };
  };
  guests: { firstName: string }[];
}

/** The end of a session: its own, else its event's duration; none when neither is known (RFC 5545 allows it). */
export function sessionEnd(session: { startsAt: Date; endsAt: Date | null }, durationMinutes: number | null): Date | null {
  if (session.endsAt) return session.endsAt;
  return durationMinutes ? new Date(session.startsAt.getTime() + durationMinutes * 60_000) : null;
}

function write(booking: CalendarBooking): BookingCalendar {
  const cancelled = booking.status === "CANCELLED";
  const number = formatBookingNumber(booking.number);
  const { session } = booking;
  const method = cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH;
  const calendar = newCalendar(t("bookingName", { number }), method);
  const page = appUrl(`/partenaire/reservations/${booking.id}`);
  const end = sessionEnd(session, session.event.durationMinutes);
  calendar.createEvent({
    id: uid("booking", booking.id),
    sequence: bookingSequence(session.calendarSequence, booking.status),
    start: parisDateTime(session.startsAt),
    ...(end ? { end: parisDateTime(end) } : {}),
    timezone: "Europe/Paris",
    summary: session.event.title,
    location: location(session.event.venue),
    description: [
      cancelled ? t("cancelled") : null,
      t("number", { number }),
      booking.guests.length ? t("guests", { count: booking.guests.length, names: firstNames(booking.guests) }) : null,
      t("structure", { structure: booking.partner.name }),
      t("page", { url: page }),
    ]
      .filter(Boolean)
      .join("\n"),
    url: page,
    organizer: organizer(),
    status: cancelled ? ICalEventStatus.CANCELLED : booking.status === "WAITLISTED" ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
  });
  return { method, filename: `reservation-${booking.number}.ics`, content: calendar.toString() };
}

/** The booking's event for whoever may see the booking; anyone else learns nothing of it (NotFoundError). */
export async function bookingCalendar(actor: Actor, id: string): Promise<BookingCalendar> {
  if (actor.kind === "anonymous") throw new AccessDeniedError();
  if (actor.kind === "visitor" || !bookingId.safeParse(id).success) throw new NotFoundError("réservation");
  const booking = await loadBooking(id);
  if (!booking || !canSeeBooking(actor, { partnerId: booking.partnerId, venueId: booking.session.event.venueId })) throw new NotFoundError("réservation");
  return write(booking);
}

/**
 * The file attached to a mail about a booking (lib/mail/deliver.ts), from the booking as it stands when the
 * mail leaves (read by the mail, lib/mail/booking-facts.ts): the mails go to the structure's own referents,
 * who may see it. Null for a booking on a waitlist (nothing to put in an agenda yet) or gone.
 */
export function bookingCalendarForMail(booking: CalendarBooking | null): BookingCalendar | null {
  if (!booking || booking.status === "WAITLISTED") return null;
  return write(booking);
}

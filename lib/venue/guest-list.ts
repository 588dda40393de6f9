// A session's guest list for the ticket office: each guest's name, the booking number, the partner
// structure and its phone (to warn of a problem), the status and what to prepare; then the waitlist in
// order. The venue sees the names on its lists and nothing else about the people.
import "server-only";
import { z } from "zod";
import { cancelBooking } from "@/lib/booking";
import { parse } from "@/lib/booking/schemas";
import type { Actor } from "@/lib/auth/actor";
import { formatBookingNumber } from "@/lib/booking/number";
import { toCsv } from "@/lib/csv";
import { getPrisma } from "@/lib/db/client";
import { formatSessionDate } from "@/lib/invitation/format";
import { parisDate } from "@/lib/time";
import { ensureVenueStaff, managedSession } from "./access";

export interface GuestRow {
  bookingId: string;
  number: string;
  position: number;
  firstName: string;
  lastName: string;
  kind: string;
  needs: string[];
  partnerName: string;
  partnerPhone: string | null;
  checkedInAt: Date | null;
}

export interface GuestList {
  session: { id: string; startsAt: Date; capacity: number; confirmedPlaces: number; status: string; closedAt: Date | null; eventId: string; eventTitle: string };
  guests: GuestRow[];
  waitlist: { bookingId: string; number: string; places: number; partnerName: string; names: string; requestedAt: Date }[];
}

export async function getGuestList(actor: Actor, sessionId: string): Promise<GuestList> {
  const session = await managedSession(actor, sessionId);
  const bookings = await getPrisma().booking.findMany({
    where: { sessionId, status: { in: ["CONFIRMED", "WAITLISTED"] } },
    orderBy: { requestSeq: "asc" },
    select: {
      id: true,
      number: true,
      status: true,
      places: true,
      requestedAt: true,
      partner: { select: { name: true, phone: true } },
      guests: { orderBy: { position: "asc" }, select: { position: true, firstName: true, lastName: true, kind: true, needs: true, checkedInAt: true } },
    },
  });
  const confirmed = bookings.filter((b) => b.status === "CONFIRMED");
  const guests = confirmed
    .flatMap((booking) =>
      booking.guests.map((guest) => ({
        bookingId: booking.id,
        number: booking.number,
        ...guest,
        partnerName: booking.partner.name,
        partnerPhone: booking.partner.phone,
      })),
    )
    .sort((a, b) => a.lastName.localeCompare(b.lastName, "fr") || a.firstName.localeCompare(b.firstName, "fr"));
  return {
    session: {
      id: session.id,
      startsAt: session.startsAt,
      capacity: session.capacity,
      confirmedPlaces: session.confirmedPlaces,
      status: session.status,
      closedAt: session.closedAt,
      eventId: session.event.id,
      eventTitle: session.event.title,
    },
    guests,
    waitlist: bookings
      .filter((b) => b.status === "WAITLISTED")
      .map((b) => ({
        bookingId: b.id,
        number: b.number,
        places: b.places,
        partnerName: b.partner.name,
        names: b.guests.map((g) => `${g.firstName} ${g.lastName}`).join(", "),
        requestedAt: b.requestedAt,
      })),
  };
}

const NEEDS: Record<string, string> = {
  WHEELCHAIR_SPACE: "place fauteuil",
  HEARING_LOOP: "boucle magnétique",
  SIGN_LANGUAGE: "langue des signes",
  AUDIO_DESCRIPTION: "audiodescription",
  ASSISTANCE_DOG: "chien d'assistance",
  SEAT_NEAR_EXIT: "place près d'une sortie",
};
export const describeNeeds = (needs: string[]) => needs.map((need) => NEEDS[need] ?? need).join(", ");

/** The list as CSV for a spreadsheet: semicolons and a byte-order mark, as French Excel expects. */
export async function guestListCsv(actor: Actor, sessionId: string): Promise<{ filename: string; csv: string }> {
  const list = await getGuestList(actor, sessionId);
  const rows = list.guests.map((guest) => [
    guest.lastName,
    guest.firstName,
    formatBookingNumber(guest.number),
    guest.partnerName,
    guest.partnerPhone ?? "",
    describeNeeds(guest.needs),
    guest.checkedInAt ? "arrivé" : "",
  ]);
  const csv = toCsv(["Nom", "Prénom", "Réservation", "Structure", "Téléphone de la structure", "À prévoir", "Présence"], rows);
  return { filename: `invites-${parisDate(list.session.startsAt)}.csv`, csv };
}

export function sessionLabel(list: GuestList): string {
  return `${list.session.eventTitle} — ${formatSessionDate(list.session.startsAt)}`;
}

/** A person phoned the venue: the venue cancels, saying why (required), and the partner is told. */
export async function cancelGuestBooking(actor: Actor, input: unknown) {
  ensureVenueStaff(actor);
  const { bookingId, note } = parse(z.object({ bookingId: z.uuid("validation.invalid"), note: z.string().trim().min(1, "validation.reasonRequired").max(500, "validation.tooLong") }), input);
  return cancelBooking(actor, { bookingId, note });
}

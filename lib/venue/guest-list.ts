// A session's guest list for the ticket office: each guest's name, the booking number, the partner
// structure and its phone (to warn of a problem), the status and what to prepare; then the waitlist in
// order. The venue sees the names on its lists and nothing else about the people.
import "server-only";
import { z } from "zod";
import { cancelBooking } from "@/lib/booking/cancel";
import { parse } from "@/lib/validation";
import type { Actor } from "@/lib/auth/actor";
import { formatBookingNumber } from "@/lib/booking/number";
import { bookingClosesAt } from "@/lib/booking/rules";
import { canWithdrawGuest } from "@/lib/booking/withdraw-guest";
import { toCsv } from "@/lib/csv";
import { getPrisma } from "@/lib/db/client";
import { formatSessionDate } from "@/lib/format/dates";
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
  /** What "other" (OTHER) means for this guest, in the partner's words. */
  needsNote: string | null;
  partnerName: string;
  partnerPhone: string | null;
  checkedInAt: Date | null;
  /** Booked on the session's late places ("Des places ce soir", lib/booking/late-places.ts). */
  late: boolean;
  /** A companion the venue may withdraw alone when the person phones (lib/booking/withdraw-guest.ts). */
  canWithdraw: boolean;
}

export interface GuestList {
  session: {
    id: string;
    startsAt: Date;
    capacity: number;
    confirmedPlaces: number;
    /** Late places released and booked, apart from capacity. */
    latePlaces: number;
    lateConfirmedPlaces: number;
    status: string;
    /** When the venue closed bookings by hand, if it did. */
    closedAt: Date | null;
    /** When bookings close on their own: the closing time, or the session's start (rule 6). */
    closesAt: Date;
    eventId: string;
    eventTitle: string;
  };
  guests: GuestRow[];
  waitlist: { bookingId: string; number: string; places: number; partnerName: string; names: string; requestedAt: Date }[];
  /** Guests a door's device let in offline on a snapshot that did not know their invitation was cancelled (issue 32.3). */
  letInOnOldList: { number: string; firstName: string; lastName: string; markedAt: Date; snapshotAt: Date }[];
}

export async function getGuestList(actor: Actor, sessionId: string, { now = new Date() } = {}): Promise<GuestList> {
  const session = await managedSession(actor, sessionId);
  const bookings = await getPrisma().booking.findMany({
    where: { sessionId, status: { in: ["CONFIRMED", "WAITLISTED"] } },
    orderBy: { requestSeq: "asc" },
    select: {
      id: true,
      number: true,
      status: true,
      places: true,
      late: true,
      requestedAt: true,
      partner: { select: { name: true, phone: true } },
      guests: {
        where: { cancelledAt: null },
        orderBy: { position: "asc" },
        select: { position: true, firstName: true, lastName: true, kind: true, needs: true, needsNote: true, checkedInAt: true },
      },
    },
  });
  const confirmed = bookings.filter((b) => b.status === "CONFIRMED");
  const letIn = await getPrisma().doorMark.findMany({
    where: { outcome: "CANCELLED", guest: { booking: { sessionId } } },
    orderBy: [{ markedAt: "asc" }, { id: "asc" }],
    select: { markedAt: true, snapshotAt: true, guest: { select: { firstName: true, lastName: true, booking: { select: { number: true } } } } },
  });
  const guests = confirmed
    .flatMap((booking) =>
      booking.guests.map((guest) => ({
        bookingId: booking.id,
        number: booking.number,
        late: booking.late,
        ...guest,
        partnerName: booking.partner.name,
        partnerPhone: booking.partner.phone,
        // Only the guests still on the booking are read: none of them is withdrawn.
        canWithdraw: canWithdrawGuest(
          { status: booking.status, startsAt: session.startsAt, guests: booking.guests.map(() => ({ cancelledAt: null })) },
          { position: guest.position, cancelledAt: null, checkedInAt: guest.checkedInAt },
          now,
        ),
      })),
    )
    .sort((a, b) => a.lastName.localeCompare(b.lastName, "fr") || a.firstName.localeCompare(b.firstName, "fr"));
  return {
    session: {
      id: session.id,
      startsAt: session.startsAt,
      capacity: session.capacity,
      confirmedPlaces: session.confirmedPlaces,
      latePlaces: session.latePlaces,
      lateConfirmedPlaces: session.lateConfirmedPlaces,
      status: session.status,
      closedAt: session.closedAt,
      closesAt: bookingClosesAt(session),
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
    letInOnOldList: letIn.map(({ markedAt, snapshotAt, guest }) => ({
      number: guest.booking.number,
      firstName: guest.firstName,
      lastName: guest.lastName,
      markedAt,
      snapshotAt,
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
  EASY_READING: "documents en FALC (facile à lire)",
};
/** What to prepare for a guest, in a few words; "other" is the partner's own note (required with it). */
export const describeNeeds = (needs: readonly string[], note?: string | null) =>
  needs.map((need) => (need === "OTHER" ? note || "autre besoin (non précisé)" : (NEEDS[need] ?? need))).join(", ");

/** The list as CSV for a spreadsheet: semicolons and a byte-order mark, as French Excel expects. */
export async function guestListCsv(actor: Actor, sessionId: string): Promise<{ filename: string; csv: string }> {
  const list = await getGuestList(actor, sessionId);
  const rows = list.guests.map((guest) => [
    guest.lastName,
    guest.firstName,
    formatBookingNumber(guest.number),
    guest.partnerName,
    guest.partnerPhone ?? "",
    describeNeeds(guest.needs, guest.needsNote),
    // Left empty to tick by hand on a printout; "oui" for a guest already marked arrived.
    guest.checkedInAt ? "oui" : "",
  ]);
  const csv = toCsv(["Nom", "Prénom", "Réservation", "Structure", "Téléphone de la structure", "À prévoir", "Arrivé"], rows);
  return { filename: `invites-${parisDate(list.session.startsAt)}.csv`, csv };
}

export function sessionLabel(list: GuestList): string {
  return `${list.session.eventTitle} — ${formatSessionDate(list.session.startsAt)}`;
}

/** A person phoned the venue: the venue cancels, saying why (required), and the partner is told. */
export async function cancelGuestBooking(actor: Actor, input: unknown) {
  ensureVenueStaff(actor);
  const { bookingId, note } = parse(
    z.object({ bookingId: z.uuid("validation.invalid"), note: z.string().trim().min(1, "validation.reasonRequired").max(500, "validation.tooLong") }),
    input,
  );
  return cancelBooking(actor, { bookingId, note });
}

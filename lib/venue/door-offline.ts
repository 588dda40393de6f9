// Issue 32.3 — the door's answer on a device without a network, from its snapshot (door-snapshot.ts) and
// the arrivals it marked itself: one screen, one of valid, already in, cancelled, another session (when the
// door checks one session of the day), another venue or day, forged, unknown. A new code's signature is checked with the public keys (lib/invitation/verify.ts); a
// typed number or an old code (CPT1, whose key stays on the server) checks by its number against the
// list, as the online door does. A genuine code that the list does not know (booked after the snapshot)
// is let in, without names: it cannot have been cancelled before the snapshot, and the server decides
// when the mark is sent. Runs in the browser: no server code here.
import { normalizeBookingNumber } from "@/lib/booking/number-format";
import { verifyInvitationCode, type PublicKeys } from "@/lib/invitation/verify";

/** The snapshot as the device keeps it: lib/venue/door-snapshot.ts's DoorSnapshot, dates as ISO text. */
export interface StoredSnapshot {
  venueId: string;
  venueName: string;
  day: string;
  takenAt: string;
  expiresAt: string;
  keys: PublicKeys;
  sessions: { id: string; startsAt: string; endsAt: string | null; eventTitle: string }[];
  bookings: {
    number: string;
    sessionId: string;
    partnerName: string;
    guests: { position: number; firstName: string; lastName: string; needs: string[]; needsNote: string | null; arrivedAt: string | null }[];
  }[];
  revoked: { number: string; position: number | null; reason: "CANCELLED" | "WAITLISTED" | "WITHDRAWN"; at: string | null }[];
}

/** Arrivals the device knows of beyond its snapshot: "K7QM3RTX.0" → when, and whether another device said so. */
export type KnownArrivals = Record<string, { at: string; otherDevice: boolean }>;

export type OfflineGuest = StoredSnapshot["bookings"][number]["guests"][number];

export type OfflineAnswer =
  | {
      result: "VALID" | "ALREADY_IN";
      number: string;
      /** The scanned guest; null for a typed number (the whole group). */
      position: number | null;
      eventTitle: string;
      startsAt: string;
      partnerName: string;
      guests: OfflineGuest[];
      arrivedAt?: string;
      otherDevice?: boolean;
    }
  | { result: "NOT_ON_LIST"; number: string; position: number }
  | { result: "CANCELLED"; number: string; withdrawn: boolean; at: string | null; waitlisted: boolean }
  | { result: "OTHER_SESSION"; number: string; eventTitle: string; startsAt: string }
  | { result: "OTHER_VENUE" }
  | { result: "OTHER_DAY"; day: string }
  | { result: "FORGED" | "UNKNOWN" };

export const arrivalKey = (number: string, position: number) => `${number}.${position}`;

/** `sessionId`: the session the door checks, when the staff chose one; every session of the day otherwise. */
export async function checkOffline(
  snapshot: StoredSnapshot,
  text: string,
  { arrivals = {} as KnownArrivals, sessionId = null as string | null } = {},
): Promise<OfflineAnswer> {
  const typed = text.trim();
  let number: string;
  let position: number | null = null;
  let signed = false;
  if (/^CPT\d\./i.test(typed)) {
    const read = await verifyInvitationCode(typed, { keys: snapshot.keys, venueIds: [snapshot.venueId], day: snapshot.day });
    if (!read.valid) {
      if (read.reason === "OTHER_VENUE") return { result: "OTHER_VENUE" };
      if (read.reason === "OTHER_DAY") return { result: "OTHER_DAY", day: read.day };
      return { result: "FORGED" };
    }
    ({ number, position, signed } = read);
  } else {
    number = normalizeBookingNumber(typed);
  }
  const revoked = snapshot.revoked.find((r) => r.number === number && (r.position === null || r.position === position));
  if (revoked) return { result: "CANCELLED", number, withdrawn: revoked.reason === "WITHDRAWN", waitlisted: revoked.reason === "WAITLISTED", at: revoked.at };
  const booking = snapshot.bookings.find((b) => b.number === number);
  if (!booking) return signed && position !== null ? { result: "NOT_ON_LIST", number, position } : { result: "UNKNOWN" };
  const session = snapshot.sessions.find((s) => s.id === booking.sessionId);
  // Two shows of the day at one venue: a guest of the evening who comes to the matinée is told, not let in.
  if (sessionId && booking.sessionId !== sessionId) {
    return { result: "OTHER_SESSION", number, eventTitle: session?.eventTitle ?? "", startsAt: session?.startsAt ?? "" };
  }
  const guests = booking.guests.map((guest) => {
    const known = arrivals[arrivalKey(number, guest.position)];
    return known && !guest.arrivedAt ? { ...guest, arrivedAt: known.at } : guest;
  });
  const facts = { number, position, eventTitle: session?.eventTitle ?? "", startsAt: session?.startsAt ?? "", partnerName: booking.partnerName, guests };
  // A scanned page is one guest: in when that guest is. A typed number is the whole group.
  const scanned = position !== null ? guests.find((g) => g.position === position) : undefined;
  if (position !== null && !scanned) return { result: "UNKNOWN" };
  const inAlready = scanned ? scanned.arrivedAt : guests.every((g) => g.arrivedAt) ? guests[0]?.arrivedAt : null;
  if (!inAlready) return { result: "VALID", ...facts };
  const known = scanned ? arrivals[arrivalKey(number, scanned.position)] : undefined;
  return { result: "ALREADY_IN", ...facts, arrivedAt: inAlready, otherDevice: known?.otherDevice ?? false };
}

// Building blocks for the booking tests: a session on a venue with an optional quota rule, partners with
// their acting user, and booking requests for N named guests.
import type { Actor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/client";
import type { BookingRequestInput } from "@/lib/booking/schemas";
import type { QuotaPeriod } from "@/lib/generated/prisma/enums";
import { partnerActor } from "./actors";
import { createEvent, createPartner, createSession, createVenue } from "./index";

export interface Stage {
  venueId: string;
  sessionId: string;
}

/** A venue (with a quota rule if given), a published event and one open session. */
export async function stage({
  capacity = 10,
  quota,
  startsInDays = 10,
  startsAt,
}: {
  capacity?: number;
  quota?: { period: QuotaPeriod; maxPlaces: number; liftDaysBefore?: number | null };
  startsInDays?: number;
  startsAt?: Date;
} = {}): Promise<Stage> {
  const venue = await createVenue();
  if (quota) await getPrisma().quotaRule.create({ data: { venueId: venue.id, liftDaysBefore: null, ...quota } });
  const event = await createEvent({ venueId: venue.id });
  const session = await createSession({ eventId: event.id, capacity, startsAt: startsAt ?? new Date(Date.now() + startsInDays * 86_400_000) });
  return { venueId: venue.id, sessionId: session.id };
}

export async function anotherSession(venueId: string, { capacity = 10, startsAt }: { capacity?: number; startsAt: Date }) {
  const event = await createEvent({ venueId });
  return (await createSession({ eventId: event.id, capacity, startsAt })).id;
}

export interface TestPartner {
  id: string;
  actor: Actor;
}

export async function partners(count: number): Promise<TestPartner[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const partner = await createPartner();
      return { id: partner.id, actor: await partnerActor(partner.id) };
    }),
  );
}

let families = 0;
/** A family name of letters only, new at each call: each request books other people (rule: one place per person). */
export function newFamilyName(): string {
  let n = families++;
  let letters = "";
  do {
    letters = String.fromCharCode(97 + (n % 26)) + letters;
    n = Math.floor(n / 26);
  } while (n > 0);
  return `Diallo-${letters}`;
}

/** A request for `places` guests: the main person and companions, of a family not booked before. */
export function request(sessionId: string, partnerId: string, places: number, ifShort?: "SPLIT" | "WAITLIST" | "NOTHING"): BookingRequestInput {
  const lastName = newFamilyName();
  return {
    sessionId,
    partnerId,
    ifShort,
    guests: Array.from({ length: places }, (_, index) => ({
      firstName: index === 0 ? "Awa" : `Accompagnant ${String.fromCharCode(96 + index)}`,
      lastName,
      kind: index === 0 ? "MAIN" : "FAMILY_OR_FRIEND",
    })),
  };
}

export async function sessionCounters(sessionId: string) {
  return getPrisma().session.findUniqueOrThrow({
    where: { id: sessionId },
    select: { capacity: true, confirmedPlaces: true, waitlistedPlaces: true, waitlistedBookings: true },
  });
}

/** Statuses of a session's bookings in order of request. */
export async function bookingsInOrder(sessionId: string) {
  return getPrisma().booking.findMany({
    where: { sessionId },
    orderBy: { requestSeq: "asc" },
    select: { id: true, partnerId: true, places: true, status: true, number: true, requestSeq: true },
  });
}

// Rules 1 and 2: a request for N guests is confirmed when the session has N places left and the
// partner's quota with the venue allows N more; otherwise the partner's choice applies (waitlist the
// group, take what is available and waitlist the rest as a linked booking, or book nothing).
import { randomUUID } from "node:crypto";
import { actorKind, actorUserId, type Actor } from "@/lib/auth/actor";
import { canBookFor, ensure } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { NotFoundError, RuleViolation } from "@/lib/errors";
import { newBookingNumber } from "./number";
import { allocate, applicableQuota, bookingWindow, quotaLeft, shortReason, type Allocation } from "./rules";
import { bookingRequestSchema, parse, type BookingRequest } from "./schemas";
import { lockSession, quotaExceptions, quotaUsage, type LockedSession } from "./state";
import { withVenueLock, type Tx } from "./transaction";

export interface BookedPart {
  id: string;
  number: string;
  places: number;
  status: "CONFIRMED" | "WAITLISTED";
  /** Rank on the session's waitlist (1 is next), for a waitlisted booking. */
  position?: number;
}

/** What happened, and why, in terms the partner can be told. */
export type BookingRequestResult = {
  /** Places left on the session and in the partner's quota (null: no quota) before this request. */
  placesLeft: number;
  quotaLeft: number | null;
} & (
  | { outcome: "CONFIRMED"; confirmed: BookedPart }
  | { outcome: "WAITLISTED"; reason: "NO_PLACES" | "QUOTA_REACHED"; waitlisted: BookedPart }
  | { outcome: "SPLIT"; reason: "NO_PLACES" | "QUOTA_REACHED"; confirmed: BookedPart; waitlisted: BookedPart }
  | { outcome: "NOT_BOOKED"; reason: "NO_PLACES" | "QUOTA_REACHED" }
);

export async function requestBooking(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<BookingRequestResult> {
  const request = parse(bookingRequestSchema, input);
  ensure(canBookFor(actor, request.partnerId), "Vous ne pouvez réserver que pour votre structure.");
  const venueId = await checkRequest(request);

  return withVenueLock(venueId, async (tx) => {
    const session = await lockSession(tx, request.sessionId);
    if (!session) throw new NotFoundError("séance");
    const window = bookingWindow(session, now);
    if (window !== "OPEN") throw new RuleViolation(`BOOKINGS_${window}`, windowMessages[window]);

    const placesLeft = session.capacity - session.confirmedPlaces;
    const quota = await partnerQuota(tx, session, request.partnerId, now);
    const requested = request.guests.length;
    const allocation = allocate(requested, placesLeft, quota.left, request.ifShort);
    const reason = shortReason(requested, placesLeft, quota.left);
    const facts = { placesLeft, quotaLeft: quota.max === null ? null : quota.left };

    switch (allocation.kind) {
      case "NOTHING":
        return { outcome: "NOT_BOOKED", reason, ...facts };
      case "CONFIRM":
        return { outcome: "CONFIRMED", confirmed: await insert(tx, actor, request, session, request.guests, "CONFIRMED", null), ...facts };
      case "WAITLIST":
        return { outcome: "WAITLISTED", reason, waitlisted: await insert(tx, actor, request, session, request.guests, "WAITLISTED", null), ...facts };
      case "SPLIT": {
        const [first, rest] = splitGuests(request, allocation);
        const confirmed = await insert(tx, actor, request, session, first, "CONFIRMED", null);
        const waitlisted = await insert(tx, actor, request, session, rest, "WAITLISTED", confirmed.id);
        return { outcome: "SPLIT", reason, confirmed, waitlisted, ...facts };
      }
    }
  });
}

const windowMessages = {
  NOT_YET_OPEN: "Les réservations ne sont pas encore ouvertes pour cette séance.",
  CLOSED: "Les réservations sont closes pour cette séance.",
  CANCELLED: "Cette séance est annulée.",
} as const;

/** Checks that need no lock, done before taking one: the partner may book, the people are its own. */
async function checkRequest(request: BookingRequest): Promise<string> {
  const personIds = request.guests.flatMap((guest) => (guest.personId ? [guest.personId] : []));
  const rows = await getPrisma().$queryRaw<{ venueId: string; conventionSignedAt: Date | null; people: number }[]>`
    SELECT e."venueId", p."conventionSignedAt",
           (SELECT count(*)::int FROM "Person" x
             WHERE x."id" = ANY(${personIds}::uuid[]) AND x."partnerId" = p."id" AND x."archivedAt" IS NULL) AS "people"
    FROM "Session" s JOIN "Event" e ON e."id" = s."eventId", "Partner" p
    WHERE s."id" = ${request.sessionId}::uuid AND p."id" = ${request.partnerId}::uuid`;
  const row = rows[0];
  if (!row) throw new NotFoundError("séance");
  // The convention is the one condition of the partnership (membership never is).
  if (!row.conventionSignedAt) {
    throw new RuleViolation("CONVENTION_NOT_SIGNED", "La structure pourra réserver une fois sa convention signée.");
  }
  if (row.people !== new Set(personIds).size) throw new NotFoundError("personne accompagnée");
  return row.venueId;
}

async function partnerQuota(tx: Tx, session: LockedSession, partnerId: string, now: Date) {
  if (!session.rule) return { max: null, left: Infinity };
  const exceptions = await quotaExceptions(tx, session.venueId, [partnerId]);
  const max = applicableQuota(session.rule, exceptions.get(partnerId) ?? null, session.startsAt, now);
  if (max === null) return { max, left: Infinity };
  const used = (await quotaUsage(tx, session, [partnerId])).get(partnerId) ?? 0;
  return { max, left: quotaLeft(max, used) };
}

/** The main guest goes with the confirmed part; the waitlisted part keeps the rest in order. */
function splitGuests(request: BookingRequest, allocation: Extract<Allocation, { kind: "SPLIT" }>) {
  return [request.guests.slice(0, allocation.confirm), request.guests.slice(allocation.confirm)] as const;
}

type Guest = BookingRequest["guests"][number];

/** One statement writes the booking, its guests and its audit entry; retried on the rare number clash. */
async function insert(
  tx: Tx,
  actor: Actor,
  request: BookingRequest,
  session: LockedSession,
  guests: readonly Guest[],
  status: "CONFIRMED" | "WAITLISTED",
  splitFromId: string | null,
): Promise<BookedPart> {
  const id = randomUUID();
  // The waitlisted part of a split goes on numbering the group's guests: the main guest (position 0)
  // stays with the confirmed part.
  const firstPosition = splitFromId ? request.guests.length - guests.length : 0;
  const after = JSON.stringify({ status, places: guests.length, sessionId: session.id, partnerId: request.partnerId, splitFromId });
  for (let attempt = 0; attempt < 5; attempt++) {
    const number = newBookingNumber();
    const inserted = await tx.$queryRaw<{ requestSeq: bigint }[]>`
      WITH booking AS (
        INSERT INTO "Booking" ("id", "number", "sessionId", "partnerId", "createdById", "status", "places", "splitFromId",
                               "requestedAt", "confirmedAt", "createdAt", "updatedAt")
        VALUES (${id}::uuid, ${number}, ${session.id}::uuid, ${request.partnerId}::uuid, ${actorUserId(actor)}::uuid,
                ${status}::"BookingStatus", ${guests.length}, ${splitFromId}::uuid, clock_timestamp(),
                CASE WHEN ${status} = 'CONFIRMED' THEN clock_timestamp() END, clock_timestamp(), clock_timestamp())
        ON CONFLICT ("number") DO NOTHING
        RETURNING "id", "requestSeq"
      ), guests AS (
        INSERT INTO "BookingGuest" ("id", "bookingId", "position", "kind", "personId", "firstName", "lastName", "needs")
        SELECT gen_random_uuid(), booking."id", g.position, g.kind::"GuestKind", g.person_id, g.first_name, g.last_name,
               string_to_array(g.needs, ',')::"AccessNeed"[]
        FROM booking, unnest(${guests.map((_, index) => firstPosition + index)}::int[], ${guests.map((guest) => guest.kind)}::text[],
                             ${guests.map((guest) => guest.personId ?? null)}::uuid[],
                             ${guests.map((guest) => guest.firstName)}::text[], ${guests.map((guest) => guest.lastName)}::text[],
                             ${guests.map((guest) => guest.needs.join(","))}::text[])
             AS g(position, kind, person_id, first_name, last_name, needs)
      ), logged AS (
        INSERT INTO "AuditLog" ("actorUserId", "actorKind", "action", "entityType", "entityId", "after")
        SELECT ${actorUserId(actor)}::uuid, ${actorKind(actor)}, ${status === "CONFIRMED" ? "booking.confirmed" : "booking.waitlisted"},
               'Booking', booking."id"::text, ${after}::jsonb
        FROM booking
      )
      SELECT "requestSeq" FROM booking`;
    if (!inserted.length) continue; // that number exists: draw another
    const part: BookedPart = { id, number, places: guests.length, status };
    if (status === "WAITLISTED") part.position = await waitlistPosition(tx, session.id, inserted[0]!.requestSeq);
    if (status === "CONFIRMED") session.confirmedPlaces += guests.length;
    else session.waitlistedPlaces += guests.length;
    return part;
  }
  throw new Error("Impossible de tirer un numéro de réservation libre.");
}

async function waitlistPosition(tx: Tx, sessionId: string, requestSeq: bigint): Promise<number> {
  return tx.booking.count({ where: { sessionId, status: "WAITLISTED", requestSeq: { lte: requestSeq } } });
}

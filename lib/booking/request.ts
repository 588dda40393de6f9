// Rules 1 and 2: a request for N guests is confirmed when the session has N places left and the
// partner's quota with the venue allows N more; otherwise the partner's choice applies (waitlist the
// group, take what is available and waitlist the rest as a linked booking, or book nothing).
import { randomUUID } from "node:crypto";
import { actorKind, actorUserId, type Actor } from "@/lib/auth/actor";
import { canBookFor, ensure } from "@/lib/auth/permissions";
import { getPool } from "@/lib/db/client";
import { NotFoundError, RuleViolation } from "@/lib/errors";
import { newBookingNumber } from "./number";
import { allocate, applicableQuota, bookingWindow, quotaLeft, shortReason } from "./rules";
import { bookingRequestSchema, parse, type BookingRequest } from "./schemas";
import { type Sql } from "./sql";
import { lockSessionForRequest, quotaUsage, venueOfSession, type LockedSession, type RequestFacts } from "./state";
import { withVenueLockOnPool } from "./transaction";

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
  const venueId = await venueOfSession(pgPoolSql, request.sessionId);
  if (!venueId) throw new NotFoundError("séance");
  const personIds = [...new Set(request.guests.flatMap((guest) => (guest.personId ? [guest.personId] : [])))];

  return withVenueLockOnPool(venueId, async (sql) => {
    const session = await lockSessionForRequest(sql, request.sessionId, request.partnerId, personIds);
    if (!session) throw new NotFoundError("séance");
    if (!session.partnerFound) throw new NotFoundError("structure");
    // The convention is the one condition of the partnership (membership never is).
    if (!session.conventionSigned) {
      throw new RuleViolation("CONVENTION_NOT_SIGNED", "La structure pourra réserver une fois sa convention signée.");
    }
    if (session.ownPeople !== personIds.length) throw new NotFoundError("personne accompagnée");
    const window = bookingWindow(session, now);
    if (window !== "OPEN") throw new RuleViolation(`BOOKINGS_${window}`, windowMessages[window]);

    const placesLeft = session.capacity - session.confirmedPlaces;
    const quota = await partnerQuota(sql, session, request.partnerId, now);
    const requested = request.guests.length;
    const allocation = allocate(requested, placesLeft, quota.left, request.ifShort);
    const reason = shortReason(requested, placesLeft, quota.left);
    const facts = { placesLeft, quotaLeft: quota.max === null ? null : quota.left };
    const write = (guests: readonly Guest[], status: "CONFIRMED" | "WAITLISTED", splitFromId: string | null = null) =>
      insert(sql, actor, request, session, guests, status, splitFromId);

    switch (allocation.kind) {
      case "NOTHING":
        return { outcome: "NOT_BOOKED", reason, ...facts };
      case "CONFIRM":
        return { outcome: "CONFIRMED", confirmed: await write(request.guests, "CONFIRMED"), ...facts };
      case "WAITLIST":
        return { outcome: "WAITLISTED", reason, waitlisted: await write(request.guests, "WAITLISTED"), ...facts };
      case "SPLIT": {
        const confirmed = await write(request.guests.slice(0, allocation.confirm), "CONFIRMED");
        const waitlisted = await write(request.guests.slice(allocation.confirm), "WAITLISTED", confirmed.id);
        return { outcome: "SPLIT", reason, confirmed, waitlisted, ...facts };
      }
    }
  });
}

/** Reads outside any transaction, on the shared pool. */
const pgPoolSql: Sql = {
  query: async <T>(text: string, values: unknown[] = []) => (await getPool().query(text, values)).rows as T[],
};

const windowMessages = {
  NOT_YET_OPEN: "Les réservations ne sont pas encore ouvertes pour cette séance.",
  CLOSED: "Les réservations sont closes pour cette séance.",
  CANCELLED: "Cette séance est annulée.",
} as const;

async function partnerQuota(sql: Sql, session: LockedSession & RequestFacts, partnerId: string, now: Date) {
  const max = applicableQuota(session.rule, session.exception, session.startsAt, now);
  if (max === null) return { max, left: Infinity };
  const used = session.rule?.period === "SESSION" ? session.partnerPlacesOnSession : ((await quotaUsage(sql, session, [partnerId])).get(partnerId) ?? 0);
  return { max, left: quotaLeft(max, used) };
}

type Guest = BookingRequest["guests"][number];

/** One statement writes the booking, its guests and its audit entry; retried on the rare number clash. */
async function insert(
  sql: Sql,
  actor: Actor,
  request: BookingRequest,
  session: LockedSession & RequestFacts,
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
    const inserted = await sql.query<{ id: string }>(
      INSERT_BOOKING,
      [
      id,
      number,
      session.id,
      request.partnerId,
      actorUserId(actor),
      status,
      guests.length,
      splitFromId,
      guests.map((_, index) => firstPosition + index),
      guests.map((guest) => guest.kind),
      guests.map((guest) => guest.personId ?? null),
      guests.map((guest) => guest.firstName),
      guests.map((guest) => guest.lastName),
      guests.map((guest) => guest.needs.join(",")),
      actorKind(actor),
      status === "CONFIRMED" ? "booking.confirmed" : "booking.waitlisted",
      after,
      ],
      "booking-insert",
    );
    if (!inserted.length) continue; // that number exists already: draw another
    const part: BookedPart = { id, number, places: guests.length, status };
    if (status === "CONFIRMED") {
      session.confirmedPlaces += guests.length;
    } else {
      // The session is locked: this booking is the last in line.
      session.waitingBookings += 1;
      part.position = session.waitingBookings;
    }
    return part;
  }
  throw new Error("Impossible de tirer un numéro de réservation libre.");
}

const INSERT_BOOKING = `
  WITH booking AS (
    INSERT INTO "Booking" ("id", "number", "sessionId", "partnerId", "createdById", "status", "places", "splitFromId",
                           "requestedAt", "confirmedAt", "createdAt", "updatedAt")
    VALUES ($1::uuid, $2, $3::uuid, $4::uuid, $5::uuid, $6::"BookingStatus", $7, $8::uuid, clock_timestamp(),
            CASE WHEN $6 = 'CONFIRMED' THEN clock_timestamp() END, clock_timestamp(), clock_timestamp())
    ON CONFLICT ("number") DO NOTHING
    RETURNING "id"
  ), guests AS (
    INSERT INTO "BookingGuest" ("id", "bookingId", "position", "kind", "personId", "firstName", "lastName", "needs")
    SELECT gen_random_uuid(), booking."id", g.position, g.kind::"GuestKind", g.person_id, g.first_name, g.last_name,
           string_to_array(g.needs, ',')::"AccessNeed"[]
    FROM booking, unnest($9::int[], $10::text[], $11::uuid[], $12::text[], $13::text[], $14::text[])
         AS g(position, kind, person_id, first_name, last_name, needs)
  ), logged AS (
    INSERT INTO "AuditLog" ("actorUserId", "actorKind", "action", "entityType", "entityId", "after")
    SELECT $5::uuid, $15, $16, 'Booking', booking."id"::text, $17::jsonb FROM booking
  )
  SELECT "id"::text AS "id" FROM booking`;

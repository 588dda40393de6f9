// Rules 1 and 2: a request for N guests is confirmed when the session has N places left and the
// partner's quota with the venue allows N more; otherwise the partner's choice applies (waitlist the
// group, take what is available and waitlist the rest as a linked booking, or book nothing).
//
// Before deciding, under the venue's lock: the same form sent again (its idempotency key, with the same
// content) gets the first answer back; a person who already holds a place on the session is refused a
// second one; a quota that has lifted itself, or an exception that has ended, first moves the waitlist
// up, so that no newcomer overtakes it. People typed in on the spot join the structure's list in the same transaction,
// and only if something is booked.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { actorKind, actorUserId, systemActor, type Actor } from "@/lib/auth/actor";
import { canBookFor, ensure } from "@/lib/auth/permissions";
import { getPool } from "@/lib/db/client";
import { poolSql, type Sql } from "@/lib/db/sql";
import { referentMailsSql } from "@/lib/mail";
import { BusyError, NotFoundError, RuleViolation } from "@/lib/errors";
import { metrics } from "@/lib/observability/metrics";
import { lateAllocation } from "./late-places";
import { formatBookingNumber, newBookingNumber } from "./number";
import { promoteWaitlist } from "./promotion";
import { allocate, applicableQuota, bookingWindow, quotaLeft, quotaLiftsAt, shortReason } from "./rules";
import { bookingRequestSchema, type BookingRequest } from "./schemas";
import { parse } from "@/lib/validation";
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
  /** True when this is the answer to the same form sent before: nothing new was booked. */
  repeated?: boolean;
} & (
  | { outcome: "CONFIRMED"; confirmed: BookedPart }
  | { outcome: "WAITLISTED"; reason: "NO_PLACES" | "QUOTA_REACHED"; waitlisted: BookedPart }
  | { outcome: "SPLIT"; reason: "NO_PLACES" | "QUOTA_REACHED"; confirmed: BookedPart; waitlisted: BookedPart }
  | { outcome: "NOT_BOOKED"; reason: "NO_PLACES" | "QUOTA_REACHED" }
);

type Session = LockedSession & RequestFacts;

/** `late`: a booking of the session's late places (late-places.ts): its own window, no quota, no waitlist. */
export async function requestBooking(actor: Actor, input: unknown, options: { now?: Date; late?: boolean } = {}): Promise<BookingRequestResult> {
  // Each request is counted by its outcome for /api/metrics (issue 31.3): a refusal and a "try again" too.
  try {
    const result = await book(actor, input, options);
    metrics().bookings.inc({ outcome: result.outcome });
    return result;
  } catch (error) {
    metrics().bookings.inc({ outcome: error instanceof BusyError ? "BUSY" : "REFUSED" });
    throw error;
  }
}

async function book(actor: Actor, input: unknown, { now = new Date(), late = false }: { now?: Date; late?: boolean } = {}): Promise<BookingRequestResult> {
  const request = parse(bookingRequestSchema, input);
  ensure(canBookFor(actor, request.partnerId), "Vous ne pouvez réserver que pour votre structure.");
  const venueId = await venueOfSession(poolSql(getPool()), request.sessionId);
  if (!venueId) throw new NotFoundError("séance");
  const listed = request.guests.flatMap((guest) => (guest.personId ? [guest.personId] : []));
  const personIds = [...new Set(listed)];
  // One entry of the list named twice is one person twice, whatever names were typed with it (issue 26.7).
  if (personIds.length !== listed.length) throw new RuleViolation("SAME_PERSON_TWICE", "La même personne figure deux fois dans la demande.");

  return withVenueLockOnPool(venueId, async (sql) => {
    const session = await lockSessionForRequest(sql, {
      sessionId: request.sessionId,
      partnerId: request.partnerId,
      personIds,
      firstNames: request.guests.map((guest) => guest.firstName),
      lastNames: request.guests.map((guest) => guest.lastName),
      guestPersonIds: request.guests.map((guest) => guest.personId ?? null),
      idempotencyKey: request.idempotencyKey ?? null,
      now,
    });
    if (!session) throw new NotFoundError("séance");
    if (!session.partnerFound) throw new NotFoundError("structure");
    // A convention valid on the session's date is the one condition of the partnership (membership never is).
    if (!session.conventionValid) {
      throw new RuleViolation("CONVENTION_NOT_VALID", "La structure n'a pas de convention valable à la date de cette séance.");
    }
    if (session.ownPeople !== personIds.length) throw new NotFoundError("personne accompagnée");
    if (session.repeatOf) return firstAnswer(sql, session, session.repeatOf, request, now);
    if (session.nameRepeated) throw new RuleViolation("SAME_PERSON_TWICE", "La même personne figure deux fois dans la demande.");
    if (session.duplicateOf) {
      const [bookingId, number] = session.duplicateOf.split(" ") as [string, string];
      throw new RuleViolation("ALREADY_BOOKED", `Une personne de la demande a déjà une place pour cette séance (réservation ${formatBookingNumber(number)}).`, {
        bookingId,
        number: formatBookingNumber(number),
      });
    }
    if (late) return bookLate(sql, actor, request, session, now);
    const window = bookingWindow(session, now);
    if (window !== "OPEN") throw new RuleViolation(`BOOKINGS_${window}`, windowMessages[window]);
    // Until its draw has run, a scarce session takes applications, not bookings (applications.ts).
    if (session.drawPending) throw new RuleViolation("DRAW_PENDING", "Cette séance se réserve par candidature puis tirage : déposez une candidature.");

    // A rule that lifted itself, or a structure's tighter exception that ended, since the last promotion:
    // the waitlist moves first (rule 3), even if the job of that moment has not run yet.
    const liftsAt = quotaLiftsAt(session.rule, session.startsAt);
    const loosened = (liftsAt && now >= liftsAt) || session.exceptionEnded;
    if (loosened && session.waitlistedBookings > 0 && session.capacity > session.confirmedPlaces) {
      await promoteWaitlist(sql, session, systemActor, now);
    }

    const placesLeft = session.capacity - session.confirmedPlaces;
    const quota = await partnerQuota(sql, session, request.partnerId, now);
    const requested = request.guests.length;
    const allocation = allocate(requested, placesLeft, quota.left, request.ifShort);
    const reason = shortReason(requested, placesLeft, quota.left);
    const facts = { placesLeft, quotaLeft: quota.max === null ? null : quota.left };
    if (allocation.kind === "NOTHING") return { outcome: "NOT_BOOKED", reason, ...facts };

    const guests = await withNewPeople(sql, actor, request, now);
    const write = (part: readonly Guest[], status: "CONFIRMED" | "WAITLISTED", splitFromId: string | null = null, key = request.idempotencyKey ?? null) =>
      insert(sql, actor, request, session, part, status, splitFromId, key, now);
    switch (allocation.kind) {
      case "CONFIRM":
        return { outcome: "CONFIRMED", confirmed: await write(guests, "CONFIRMED"), ...facts };
      case "WAITLIST":
        return { outcome: "WAITLISTED", reason, waitlisted: await write(guests, "WAITLISTED"), ...facts };
      case "SPLIT": {
        const confirmed = await write(guests.slice(0, allocation.confirm), "CONFIRMED");
        // The key stays on the first part; the second is found through splitFromId.
        const waitlisted = await write(guests.slice(allocation.confirm), "WAITLISTED", confirmed.id, null);
        return { outcome: "SPLIT", reason, confirmed, waitlisted, ...facts };
      }
    }
  });
}

/** Late places go to the first confirmed request that fits them, whole: what does not fit is refused, never waitlisted. */
async function bookLate(sql: Sql, actor: Actor, request: BookingRequest, session: Session, now: Date): Promise<BookingRequestResult> {
  const placesLeft = lateAllocation(session, request.guests.length, now);
  const guests = await withNewPeople(sql, actor, request, now);
  const confirmed = await insert(sql, actor, request, session, guests, "CONFIRMED", null, request.idempotencyKey ?? null, now, true);
  return { outcome: "CONFIRMED", confirmed, placesLeft, quotaLeft: null };
}

/**
 * The bookings of a draw (applications.ts): an application served (its first `places` guests,
 * confirmed) or waiting (all its guests, waitlisted in draw order), written like a request's, under the
 * venue's lock the draw holds. People typed in when applying join the structure's list now.
 */
export async function bookDrawnApplication(
  sql: Sql,
  actor: Actor,
  session: LockedSession,
  application: { partnerId: string; sessionId: string; guests: BookingRequest["guests"] },
  status: "CONFIRMED" | "WAITLISTED",
  places: number,
  now: Date,
): Promise<BookedPart> {
  const request = { ...application, ifShort: "WAITLIST" as const, idempotencyKey: undefined };
  const guests = await withNewPeople(sql, actor, request, now);
  // A winner's mail is the draw's result (lib/mail/content: its rank and its places), written with the booking.
  return insert(sql, actor, request, session as Session, status === "CONFIRMED" ? guests.slice(0, places) : guests, status, null, null, now, false, true);
}

const windowMessages = {
  NOT_YET_OPEN: "Les réservations ne sont pas encore ouvertes pour cette séance.",
  CLOSED: "Les réservations sont closes pour cette séance.",
  CANCELLED: "Cette séance est annulée.",
} as const;

async function partnerQuota(sql: Sql, session: Session, partnerId: string, now: Date) {
  const max = applicableQuota(session.rule, session.exception, session.startsAt, now);
  if (max === null) return { max, left: Infinity };
  const used = session.rule?.period === "SESSION" ? session.partnerPlacesOnSession : ((await quotaUsage(sql, session, [partnerId])).get(partnerId) ?? 0);
  return { max, left: quotaLeft(max, used) };
}

type Guest = BookingRequest["guests"][number];

/** People typed in on the spot join the structure's list now, inside the booking's transaction. */
async function withNewPeople(sql: Sql, actor: Actor, request: BookingRequest, now: Date): Promise<Guest[]> {
  const guests = request.guests.map((guest) => (guest.newPerson ? { ...guest, personId: randomUUID() } : guest));
  const created = guests.filter((guest, index) => request.guests[index]!.newPerson);
  if (!created.length) return guests;
  await sql.query(
    `WITH people AS (
       INSERT INTO "Person" ("id", "partnerId", "firstName", "lastName", "createdAt", "updatedAt")
       SELECT p.id, $2::uuid, p.first_name, p.last_name, $5, $5 FROM unnest($1::uuid[], $3::text[], $4::text[]) AS p(id, first_name, last_name)
       RETURNING "id"
     )
     INSERT INTO "AuditLog" ("at", "actorUserId", "actorKind", "action", "entityType", "entityId")
     SELECT $5, $6::uuid, $7, 'person.created', 'Person', people."id"::text FROM people`,
    [
      created.map((g) => g.personId),
      request.partnerId,
      created.map((g) => g.firstName),
      created.map((g) => g.lastName),
      now,
      actorUserId(actor),
      actorKind(actor),
    ],
  );
  return guests;
}

/** The answer given the first time this form was sent: its booking (and the rest of a split) as they are now. */
async function firstAnswer(sql: Sql, session: Session, bookingId: string, request: BookingRequest, now: Date): Promise<BookingRequestResult> {
  const [first] = await sql.query<{
    sessionId: string;
    fingerprint: string | null;
    parts: { id: string; number: string; places: number; status: string; position: number | null }[];
  }>(
    `SELECT b."sessionId"::text AS "sessionId", b."idempotencyFingerprint" AS "fingerprint",
            json_agg(json_build_object('id', p."id", 'number', p."number", 'places', p."places", 'status', p."status",
              'position', CASE WHEN p."status" = 'WAITLISTED' THEN
                (SELECT count(*) FROM "Booking" w WHERE w."sessionId" = p."sessionId" AND w."status" = 'WAITLISTED' AND w."requestSeq" <= p."requestSeq") END)
              ORDER BY p."requestSeq") AS "parts"
     FROM "Booking" b JOIN "Booking" p ON p."id" = b."id" OR p."splitFromId" = b."id"
     WHERE b."id" = $1::uuid GROUP BY b."sessionId", b."idempotencyFingerprint"`,
    [bookingId],
  );
  if (!first || first.sessionId !== request.sessionId) {
    throw new RuleViolation("IDEMPOTENCY_KEY_REUSED", "Ce formulaire a déjà servi pour une autre séance : rechargez la page.");
  }
  // The same key with other guests, counts or choices is another request, never the first one's success
  // (issue 26.8; the IETF Idempotency-Key draft answers such a mismatch with 422). Bookings made before
  // the fingerprint was kept have none: they are answered as before.
  if (first.fingerprint !== null && first.fingerprint !== requestFingerprint(request)) {
    throw new RuleViolation("IDEMPOTENCY_KEY_CHANGED", "Ce formulaire a déjà été envoyé avec d'autres personnes : rechargez la page.");
  }
  const parts = first.parts.map((part) => ({ ...part, position: part.position ?? undefined }));
  const live = parts.filter((part): part is typeof part & { status: "CONFIRMED" | "WAITLISTED" } => part.status !== "CANCELLED");
  const confirmed = live.find((part) => part.status === "CONFIRMED");
  const waitlisted = live.find((part) => part.status === "WAITLISTED");
  const quota = await partnerQuota(sql, session, request.partnerId, now);
  const facts = { placesLeft: session.capacity - session.confirmedPlaces, quotaLeft: quota.max === null ? null : quota.left, repeated: true };
  const reason = shortReason(request.guests.length, facts.placesLeft, quota.left);
  if (confirmed && waitlisted) return { outcome: "SPLIT", reason, confirmed, waitlisted, ...facts };
  if (confirmed) return { outcome: "CONFIRMED", confirmed, ...facts };
  if (waitlisted) return { outcome: "WAITLISTED", reason, waitlisted, ...facts };
  throw new RuleViolation("ALREADY_CANCELLED", "Cette réservation a été annulée depuis.", { bookingId });
}

/**
 * What a form asked for, kept with its idempotency key: the session, the choice for when places run
 * short, and each guest as sent (kind, list entry or new person, names, needs), in order.
 */
function requestFingerprint(request: BookingRequest): string {
  const guests = request.guests.map((guest) => [
    guest.kind,
    guest.personId ?? null,
    guest.newPerson,
    guest.firstName,
    guest.lastName,
    [...guest.needs].sort(),
    guest.needsNote ?? null,
  ]);
  return createHash("sha256")
    .update(JSON.stringify([request.sessionId, request.partnerId, request.ifShort, guests]))
    .digest("hex");
}

/** One statement writes the booking, its guests and its audit entry; retried on the rare number clash. */
async function insert(
  sql: Sql,
  actor: Actor,
  request: BookingRequest,
  session: Session,
  guests: readonly Guest[],
  status: "CONFIRMED" | "WAITLISTED",
  splitFromId: string | null,
  idempotencyKey: string | null,
  now: Date,
  late = false,
  drawn = false,
): Promise<BookedPart> {
  const id = randomUUID();
  // The waitlisted part of a split goes on numbering the group's guests: the main guest (position 0)
  // stays with the confirmed part.
  const firstPosition = splitFromId ? request.guests.length - guests.length : 0;
  const after = JSON.stringify({ status, places: guests.length, sessionId: session.id, partnerId: request.partnerId, splitFromId, ...(late ? { late } : {}) });
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
        idempotencyKey,
        now,
        guests.map((guest) => guest.needsNote ?? null),
        idempotencyKey ? requestFingerprint(request) : null,
        late,
        drawn ? "DRAW_RESULT" : "BOOKING_CONFIRMED",
        drawn ? "draw-result:" : "booking-confirmed:",
      ],
      "booking-insert",
    );
    if (!inserted.length) continue; // that number exists already: draw another
    const part: BookedPart = { id, number, places: guests.length, status };
    if (late) {
      session.lateConfirmedPlaces += guests.length;
    } else if (status === "CONFIRMED") {
      session.confirmedPlaces += guests.length;
    } else {
      // The session is locked: this booking is the last in line.
      session.waitlistedBookings += 1;
      session.waitlistedPlaces += guests.length;
      part.position = session.waitlistedBookings;
    }
    return part;
  }
  throw new Error("Impossible de tirer un numéro de réservation libre.");
}

const INSERT_BOOKING = `
  WITH booking AS (
    INSERT INTO "Booking" ("id", "number", "sessionId", "partnerId", "createdById", "status", "places", "splitFromId",
                           "idempotencyKey", "idempotencyFingerprint", "requestedAt", "confirmedAt", "createdAt", "updatedAt", "late")
    VALUES ($1::uuid, $2, $3::uuid, $4::uuid, $5::uuid, $6::"BookingStatus", $7, $8::uuid, $18::uuid, $21, $19,
            CASE WHEN $6 = 'CONFIRMED' THEN $19::timestamptz END, $19, $19, $22::boolean)
    ON CONFLICT ("number") DO NOTHING
    RETURNING "id"
  ), guests AS (
    INSERT INTO "BookingGuest" ("id", "bookingId", "position", "kind", "personId", "firstName", "lastName", "needs", "needsNote")
    -- A person of the structure's list is named as the list names them, not as typed beside the entry.
    SELECT gen_random_uuid(), booking."id", g.position, g.kind::"GuestKind", g.person_id,
           coalesce(h."firstName", g.first_name), coalesce(h."lastName", g.last_name),
           string_to_array(g.needs, ',')::"AccessNeed"[], g.needs_note
    FROM booking CROSS JOIN unnest($9::int[], $10::text[], $11::uuid[], $12::text[], $13::text[], $14::text[], $20::text[])
         AS g(position, kind, person_id, first_name, last_name, needs, needs_note)
    LEFT JOIN "Person" h ON h."id" = g.person_id AND h."partnerId" = $4::uuid
  ), logged AS (
    INSERT INTO "AuditLog" ("at", "actorUserId", "actorKind", "action", "entityType", "entityId", "after")
    SELECT $19, $5::uuid, $15, $16, 'Booking', booking."id"::text, $17::jsonb FROM booking
  ), confirmed AS (
    -- The confirmation mail (a draw's result for a winner of a draw) and its sending job, in this
    -- statement: no booking, no mail; no job between the two (issue 35.1). Whether it still is
    -- confirmed is read when it leaves (lib/mail/content).
    SELECT $4::uuid AS partner_id, $5::uuid AS created_by, $23::text AS kind,
           jsonb_build_object('bookingId', booking."id") AS props, $24::text || booking."id" AS source
    FROM booking WHERE $6 = 'CONFIRMED'
  ), ${referentMailsSql("confirmed")}
  SELECT "id"::text AS "id", (SELECT count(*) FROM queued) AS "mailed" FROM booking`;

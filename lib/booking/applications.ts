// Scarce sessions (issue 17, docs/decisions/013-fair-draw.md): "Candidatures puis tirage". The venue (or
// the association) sets an application window on a session not yet booked (sessions.ts); during it each structure
// files one application of 1 to 6 places with the fewest it would accept, and may change or withdraw
// it until the close, arriving early giving no advantage. At the close a job (run-draw) draws once,
// whatever the number of servers: under the venue's lock, with the seed drawn when the window was set
// (its fingerprint shown from then on), weighted √m / (1 + k) toward the structures least served this
// season (draw.ts); applications are served in draw order within the places and the venue's quota, the
// others wait in that order (their bookings are written in draw order, so lib/booking's waitlist serves
// them so); once the waitlist is exhausted the session is first come, first served again.
//
// Second round (issue 26, decision 013): a draw books only within the session's booking window; one that
// can no longer book (bookings closed, the session cancelled) is settled without ranks, its applicants
// told and their guests' names dropped (endDrawNotHeld).
import "server-only";
import { z } from "zod";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { canBookFor, canManageSession, ensure, isAdmin } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit";
import { getPool, getPrisma } from "@/lib/db/client";
import { poolSql, prismaSql, type Sql } from "@/lib/db/sql";
import { NotFoundError, RuleViolation } from "@/lib/errors";
import { enqueue, type JobSpec } from "@/lib/db/queue";
import { seasonOf, seasonRange } from "@/lib/time";
import { drawOrder, drawWeight, serveInDrawOrder } from "./draw";
import type { DrawFacts } from "./draw-words";
import type { DrawNotHeld } from "@/lib/generated/prisma/enums";
import { notifyPartners } from "./notify";
import { bookDrawnApplication } from "./request";
import { applicableQuota, bookingWindow, quotaLeft } from "./rules";
import { bookingRequestSchema, type BookingRequest } from "./schemas";
import { parse } from "@/lib/validation";
import { lockSession, lockSessionForRequest, quotaExceptions, quotaUsage, venueOfSession, type LockedSession } from "./state";
import { withVenueLock, withVenueLockOnPool } from "./transaction";

export const DRAW_MAX_PLACES = 6;

export const applicationSchema = bookingRequestSchema
  .extend({
    minPlaces: z.coerce.number("validation.integer").int("validation.integer").min(1, "validation.atLeastOne").max(DRAW_MAX_PLACES, "validation.tooLarge"),
  })
  .refine((request) => request.guests.length <= DRAW_MAX_PLACES, { path: ["guests"], message: "draw.errors.tooManyGuests" })
  .refine((request) => request.minPlaces <= request.guests.length, { path: ["minPlaces"], message: "draw.errors.minAboveGuests" });

type DrawRow = { opensAt: Date; closesAt: Date; drawnAt: Date | null; seed: string };

async function lockDraw(sql: Sql, sessionId: string): Promise<DrawRow | null> {
  const [row] = await sql.query<DrawRow>(`SELECT "opensAt", "closesAt", "drawnAt", "seed" FROM "SessionDraw" WHERE "sessionId" = $1::uuid FOR UPDATE`, [
    sessionId,
  ]);
  return row ?? null;
}

/** Where a draw's window stands: the one rule for the pages and for applying. */
function windowState(draw: Pick<DrawRow, "opensAt" | "closesAt" | "drawnAt">, now: Date): "NOT_OPEN" | "OPEN" | "CLOSED" {
  if (draw.drawnAt || now >= draw.closesAt) return "CLOSED";
  return now < draw.opensAt ? "NOT_OPEN" : "OPEN";
}

function ensureWindowOpen(draw: DrawRow | null, now: Date): asserts draw is DrawRow {
  if (!draw) throw new RuleViolation("DRAW_NONE", "Cette séance ne se réserve pas par tirage.");
  const state = windowState(draw, now);
  if (state === "CLOSED") throw new RuleViolation("DRAW_CLOSED", "Les candidatures sont closes pour cette séance.");
  if (state === "NOT_OPEN") throw new RuleViolation("DRAW_NOT_OPEN", "Les candidatures ne sont pas encore ouvertes pour cette séance.");
}

/** A structure files (or changes) its one application, during the window. */
export async function applyForDraw(
  actor: Actor,
  input: unknown,
  { now = new Date() } = {},
): Promise<{ id: string; places: number; minPlaces: number; changed: boolean }> {
  const request = parse(applicationSchema, input);
  ensure(canBookFor(actor, request.partnerId), "Vous ne pouvez candidater que pour votre structure.");
  const venueId = await venueOfSession(poolSql(getPool()), request.sessionId);
  if (!venueId) throw new NotFoundError("séance");
  const personIds = [...new Set(request.guests.flatMap((guest) => (guest.personId ? [guest.personId] : [])))];
  // On a pooled connection, as a booking request: a season files one application for every five
  // bookings, and its read of the session is the request's, prepared once per connection there.
  return withVenueLockOnPool(venueId, async (sql) => {
    const facts = await lockSessionForRequest(sql, {
      sessionId: request.sessionId,
      partnerId: request.partnerId,
      personIds,
      firstNames: request.guests.map((guest) => guest.firstName),
      lastNames: request.guests.map((guest) => guest.lastName),
      guestPersonIds: request.guests.map((guest) => guest.personId ?? null),
      idempotencyKey: null,
    });
    if (!facts) throw new NotFoundError("séance");
    if (!facts.partnerFound) throw new NotFoundError("structure");
    if (facts.status === "CANCELLED" || facts.eventStatus === "CANCELLED") throw new RuleViolation("BOOKINGS_CANCELLED", "Cette séance est annulée.");
    // Bookings closed by the venue (before issue 26 forbade it during a window) end the applications too.
    if (bookingWindow(facts, now) === "CLOSED")
      throw new RuleViolation("BOOKINGS_CLOSED", "Les réservations sont closes pour cette séance : elle ne prend plus de candidature.");
    if (!facts.conventionValid) throw new RuleViolation("CONVENTION_NOT_VALID", "La structure n'a pas de convention valable à la date de cette séance.");
    if (facts.ownPeople !== personIds.length) throw new NotFoundError("personne accompagnée");
    if (facts.nameRepeated) throw new RuleViolation("SAME_PERSON_TWICE", "La même personne figure deux fois dans la demande.");
    ensureWindowOpen(await lockDraw(sql, request.sessionId), now);
    // Filed, or changed: the session and the venue are locked, so no other request files it meanwhile.
    const [before] = await sql.query<{ id: string }>(
      `SELECT "id"::text AS "id" FROM "Application" WHERE "sessionId" = $1::uuid AND "partnerId" = $2::uuid`,
      [request.sessionId, request.partnerId],
      "application-before",
    );
    const [row] = await sql.query<{ id: string; places: number; minPlaces: number }>(
      `INSERT INTO "Application" ("id", "sessionId", "partnerId", "places", "minPlaces", "guests", "createdById", "createdAt", "updatedAt")
       VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3, $4, $5::jsonb, $6::uuid, $7, $7)
       ON CONFLICT ("sessionId", "partnerId") DO UPDATE
         SET "places" = excluded."places", "minPlaces" = excluded."minPlaces", "guests" = excluded."guests", "createdById" = excluded."createdById", "updatedAt" = $7
       RETURNING "id"::text AS "id", "places", "minPlaces"`,
      [
        request.sessionId,
        request.partnerId,
        request.guests.length,
        request.minPlaces,
        JSON.stringify(request.guests),
        actor.kind === "user" ? actor.userId : null,
        now,
      ],
      "application-save",
    );
    const saved = row!;
    await audit(
      sql,
      actor,
      {
        action: before ? "session.application_changed" : "session.application_filed",
        entityType: "Session",
        entityId: request.sessionId,
        after: { partnerId: request.partnerId, places: saved.places, minPlaces: saved.minPlaces },
      },
      now,
    );
    return { ...saved, changed: Boolean(before) };
  });
}

/** A structure withdraws its application, until the close. */
export async function withdrawApplication(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<void> {
  const { sessionId, partnerId } = parse(z.object({ sessionId: z.uuid("validation.invalid"), partnerId: z.uuid("validation.invalid") }), input);
  ensure(canBookFor(actor, partnerId), "Vous ne pouvez retirer que la candidature de votre structure.");
  const venueId = await venueOfSession(prismaSql(getPrisma()), sessionId);
  if (!venueId) throw new NotFoundError("séance");
  await withVenueLock(venueId, async (tx) => {
    const sql = prismaSql(tx);
    ensureWindowOpen(await lockDraw(sql, sessionId), now);
    const { count } = await tx.application.deleteMany({ where: { sessionId, partnerId } });
    if (!count) throw new NotFoundError("candidature");
    await audit(sql, actor, { action: "session.application_withdrawn", entityType: "Session", entityId: sessionId, after: { partnerId } }, now);
  });
}

/**
 * The structures' outings this season before this session: what the structure used or gave up itself. A
 * place confirmed and still held counts; cancelled, it counts only when the structure gave it up (cancelled
 * by itself, or by the association at its or its person's request), so that refusing a win to keep one's
 * odds does not pay, while an outing the venue, the association for another reason, or a cancelled
 * session took away does not count against it (issue 26.3).
 */
async function outingsThisSeason(sql: Sql, session: LockedSession, partnerIds: string[]): Promise<Map<string, number>> {
  const { from, to } = seasonRange(seasonOf(session.startsAt));
  const rows = await sql.query<{ partnerId: string; outings: number }>(
    `SELECT b."partnerId"::text AS "partnerId", count(DISTINCT b."sessionId")::int AS "outings"
     FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId"
     WHERE b."partnerId" = ANY($1::uuid[]) AND b."confirmedAt" IS NOT NULL AND s."startsAt" >= $2 AND s."startsAt" < $3 AND b."sessionId" <> $4::uuid
       AND (b."status" <> 'CANCELLED' OR b."cancelReason" = 'PARTNER'
            OR (b."cancelReason" = 'ASSOCIATION' AND b."cancelCode" IN ('GUEST_UNAVAILABLE', 'PARTNER_REQUEST')))
     GROUP BY 1`,
    [partnerIds, from, to, session.id],
  );
  return new Map(rows.map((row) => [row.partnerId, row.outings]));
}

export interface DrawResult {
  drawn: boolean;
  served: number;
  waiting: number;
  /** Set when this run settled the draw without drawing: the session could no longer be booked. */
  notHeld?: DrawNotHeld;
}

/**
 * A draw that will not run (its session cancelled, or its bookings closed when its time came) is settled
 * without ranks, in the transaction that decides it: each applicant is told (a notice and its mail, as a
 * cancelled booking is), and the applications' guests (names, needs, notes) are dropped, since no booking
 * will carry them. The caller holds the venue's lock. Returns how many applicants were told.
 */
export async function endDrawNotHeld(sql: Sql, actor: Actor, sessionId: string, reason: DrawNotHeld, now: Date): Promise<number> {
  const settled = await sql.query<{ sessionId: string }>(
    `UPDATE "SessionDraw" SET "drawnAt" = $2, "notHeld" = $3::"DrawNotHeld", "updatedAt" = $2 WHERE "sessionId" = $1::uuid AND "drawnAt" IS NULL RETURNING "sessionId"::text AS "sessionId"`,
    [sessionId, now, reason],
  );
  if (!settled.length) return 0;
  const applicants = await sql.query<{ partnerId: string }>(
    `UPDATE "Application" SET "guests" = '[]'::jsonb, "updatedAt" = $2 WHERE "sessionId" = $1::uuid RETURNING "partnerId"::text AS "partnerId"`,
    [sessionId, now],
  );
  // A cancelled session reads as for its bookings; a closed one has its own words (no booking was made).
  const type = reason === "SESSION_CANCELLED" ? "SESSION_CANCELLED" : "DRAW_NOT_HELD";
  await notifyPartners(
    sql,
    applicants.map((applicant) => ({ partnerId: applicant.partnerId, type, bookingId: null, sessionId })),
    now,
  );
  await audit(
    sql,
    actor,
    { action: "session.draw_not_held", entityType: "Session", entityId: sessionId, after: { reason, applications: applicants.length } },
    now,
  );
  return applicants.length;
}

/** What the draw writes on an application: its published figures, its places won and its booking. */
interface DrawnRow {
  id: string;
  outings: number;
  weight: number;
  u: number;
  rank: number;
  places: number;
  bookingId: string;
}

/** The draw's published figures on each application, its booking, and its guests' names dropped (they are the booking's now). */
async function writeDrawOnApplications(sql: Sql, rows: DrawnRow[], now: Date): Promise<void> {
  if (!rows.length) return;
  await sql.query(
    `UPDATE "Application" a
     SET "outings" = x.outings, "weight" = x.weight, "u" = x.u, "rank" = x.rank, "placesWon" = x.places_won,
         "bookingId" = x.booking_id, "guests" = '[]'::jsonb, "updatedAt" = $8
     FROM unnest($1::uuid[], $2::int[], $3::float8[], $4::float8[], $5::int[], $6::int[], $7::uuid[])
          AS x(id, outings, weight, u, rank, places_won, booking_id)
     WHERE a."id" = x.id`,
    [
      rows.map((row) => row.id),
      rows.map((row) => row.outings),
      rows.map((row) => row.weight),
      rows.map((row) => row.u),
      rows.map((row) => row.rank),
      rows.map((row) => row.places),
      rows.map((row) => row.bookingId),
      now,
    ],
  );
}

/** The close of the window: the draw, once (the job run-draw; safe to run again, on any server). */
export async function runDraw(sessionId: string, { now = new Date() } = {}): Promise<DrawResult> {
  const nothing = { drawn: false, served: 0, waiting: 0 };
  const venueId = await venueOfSession(poolSql(getPool()), sessionId);
  if (!venueId) return nothing;
  // On a pooled connection, as a request's booking: a draw sends a statement per application, and
  // Prisma's interactive transaction cost each of them its own overhead (issue 35.1).
  return withVenueLockOnPool(venueId, async (sql) => {
    const session = await lockSession(sql, sessionId);
    const draw = await lockDraw(sql, sessionId);
    if (!session || !draw || draw.drawnAt || now < draw.closesAt) return nothing;
    // Places are booked only while bookings are open: a job run late (a server down, a queue behind), or
    // a session closed or cancelled before, settles the draw without drawing, and says so to the applicants.
    const window = bookingWindow(session, now);
    if (window === "CLOSED" || window === "CANCELLED") {
      const notHeld = window === "CANCELLED" ? "SESSION_CANCELLED" : "BOOKINGS_CLOSED";
      await endDrawNotHeld(sql, systemActor, sessionId, notHeld, now);
      return { ...nothing, notHeld };
    }
    await sql.query(`UPDATE "SessionDraw" SET "drawnAt" = $2, "updatedAt" = $2 WHERE "sessionId" = $1::uuid`, [sessionId, now]);
    const applications = await sql.query<{ id: string; partnerId: string; places: number; minPlaces: number; guests: unknown }>(
      `SELECT "id"::text AS "id", "partnerId"::text AS "partnerId", "places", "minPlaces", "guests" FROM "Application" WHERE "sessionId" = $1::uuid`,
      [sessionId],
    );
    const partnerIds = applications.map((application) => application.partnerId);
    const outings = await outingsThisSeason(sql, session, partnerIds);
    const weighted = applications.map((application) => ({
      ...application,
      outings: outings.get(application.partnerId) ?? 0,
      weight: drawWeight(outings.get(application.partnerId) ?? 0, application.minPlaces),
    }));
    const ordered = drawOrder(weighted, draw.seed);
    // The venue's quota, as for a request: its rule, each structure's exception, what each holds in the period.
    const exceptions = await quotaExceptions(sql, session.venueId, partnerIds);
    const used = await quotaUsage(sql, session, partnerIds);
    const quotaOf = (partnerId: string) =>
      quotaLeft(applicableQuota(session.rule, exceptions.get(partnerId) ?? null, session.startsAt, now), used.get(partnerId) ?? 0);
    const outcome = serveInDrawOrder(ordered, session.capacity - session.confirmedPlaces, quotaOf);
    const won = new Map(outcome.served.map((served) => [served.id, served.places]));
    // Served first, then the waitlist in draw order: the bookings' order of request is the draw's. Each
    // booking is its own statement (its number, its guests, its mail); what the draw writes on the
    // applications and the jobs telling those waiting go in one statement each after them (issue 35.1:
    // each application cost three statements, one of them through Prisma).
    const byId = new Map(ordered.map((application) => [application.id, application]));
    const written: DrawnRow[] = [];
    const told: JobSpec[] = [];
    for (const id of [...outcome.served.map((served) => served.id), ...outcome.waitlist]) {
      const application = byId.get(id)!;
      const places = won.get(id) ?? 0;
      const booked = await bookDrawnApplication(
        sql,
        systemActor,
        session,
        { sessionId, partnerId: application.partnerId, guests: application.guests as unknown as BookingRequest["guests"] },
        places ? "CONFIRMED" : "WAITLISTED",
        places,
        now,
      );
      // The winners' mail is written with their booking (the draw's result); the others are told by a job.
      if (!places) told.push({ task: "mail-for-booking", payload: { bookingId: booked.id }, key: `draw-result:${booked.id}` });
      written.push({ id, outings: application.outings, weight: application.weight, u: application.u, rank: application.rank, places, bookingId: booked.id });
    }
    await enqueue(sql, told);
    await writeDrawOnApplications(sql, written, now);
    await audit(
      sql,
      systemActor,
      {
        action: "session.drawn",
        entityType: "Session",
        entityId: sessionId,
        after: { applications: applications.length, served: outcome.served.length, waiting: outcome.waitlist.length },
      },
      now,
    );
    return { drawn: true, served: outcome.served.length, waiting: outcome.waitlist.length };
  });
}

export interface DrawRecord {
  sessionId: string;
  session: { startsAt: Date; eventId: string; eventTitle: string; venueName: string };
  opensAt: Date;
  closesAt: Date;
  fingerprint: string;
  /** Published once drawn. */
  seed: string | null;
  drawnAt: Date | null;
  /** Why the draw did not take place (then drawnAt is when that was settled, and no one is ranked). */
  notHeld: DrawNotHeld | null;
  /** Where the window stands now: applications are taken while it is OPEN. */
  window: "NOT_OPEN" | "OPEN" | "CLOSED";
  /** Before the draw, how many applied (no one's names); after, every application in draw order. */
  count: number;
  rows: {
    rank: number;
    applicationId: string;
    /** The structure's name for itself, the venue and the association; null for everyone else. */
    partnerName: string | null;
    own: boolean;
    places: number;
    minPlaces: number;
    outings: number;
    weight: number;
    u: number;
    placesWon: number;
  }[];
  /** The actor's structure's own application, before or after the draw. */
  own: {
    id: string;
    places: number;
    minPlaces: number;
    rank: number | null;
    placesWon: number | null;
    bookingId: string | null;
    guests: BookingRequest["guests"];
  } | null;
}

/** The draw's public record: any signed-in actor reads it; structures' names only where they may be seen. */
export async function drawRecord(actor: Actor, sessionId: unknown, { now = new Date() } = {}): Promise<DrawRecord | null> {
  ensure(actor.kind !== "anonymous", "Connectez-vous pour voir le tirage.");
  const id = z.uuid().safeParse(sessionId);
  if (!id.success) return null;
  const draw = await getPrisma().sessionDraw.findUnique({
    where: { sessionId: id.data },
    include: {
      session: { select: { startsAt: true, event: { select: { id: true, title: true, venueId: true, venue: { select: { name: true } } } } } },
      applications: {
        select: {
          id: true,
          partnerId: true,
          places: true,
          minPlaces: true,
          outings: true,
          weight: true,
          u: true,
          rank: true,
          placesWon: true,
          bookingId: true,
          guests: true,
          partner: { select: { name: true } },
        },
      },
    },
  });
  if (!draw) return null;
  const seesNames = isAdmin(actor) || canManageSession(actor, { venueId: draw.session.event.venueId });
  // A structure's own application: its users'. (The association acts for every structure but has none.)
  const mine =
    actor.kind === "user" && actor.role === "PARTNER" ? draw.applications.find((application) => application.partnerId === actor.partnerId) : undefined;
  const drawn = Boolean(draw.drawnAt);
  return {
    sessionId: draw.sessionId,
    session: {
      startsAt: draw.session.startsAt,
      eventId: draw.session.event.id,
      eventTitle: draw.session.event.title,
      venueName: draw.session.event.venue.name,
    },
    opensAt: draw.opensAt,
    closesAt: draw.closesAt,
    fingerprint: draw.fingerprint,
    seed: drawn && !draw.notHeld ? draw.seed : null,
    drawnAt: draw.drawnAt,
    notHeld: draw.notHeld,
    window: windowState(draw, now),
    count: draw.applications.length,
    rows: drawn
      ? draw.applications
          .filter((application) => application.rank !== null)
          .sort((a, b) => a.rank! - b.rank!)
          .map((application) => ({
            rank: application.rank!,
            applicationId: application.id,
            own: application.id === mine?.id,
            partnerName: seesNames || application.id === mine?.id ? application.partner.name : null,
            places: application.places,
            minPlaces: application.minPlaces,
            outings: application.outings ?? 0,
            weight: application.weight ?? 0,
            u: application.u ?? 0,
            placesWon: application.placesWon ?? 0,
          }))
      : [],
    own: mine
      ? {
          id: mine.id,
          places: mine.places,
          minPlaces: mine.minPlaces,
          rank: mine.rank,
          placesWon: mine.placesWon,
          bookingId: mine.bookingId,
          guests: mine.guests as unknown as BookingRequest["guests"],
        }
      : null,
  };
}

/**
 * What a booking made by a draw says of it (the sentence of draw-words.ts), or null for any other
 * booking. No access check: read for a booking its reader may already see (the booking's page, the mail
 * to its structure).
 */
export async function drawFactsForBooking(bookingId: string): Promise<(Omit<DrawFacts, "date"> & { drawnAt: Date }) | null> {
  if (!z.uuid().safeParse(bookingId).success) return null;
  const application = await getPrisma().application.findUnique({
    where: { bookingId },
    select: {
      rank: true,
      places: true,
      minPlaces: true,
      placesWon: true,
      draw: { select: { drawnAt: true, _count: { select: { applications: true } } } },
      bookingId: true,
    },
  });
  if (!application?.draw.drawnAt || application.rank === null) return null;
  const [row] = await getPrisma().$queryRaw<{ position: number | null }[]>`
    SELECT CASE WHEN b."status" = 'WAITLISTED' THEN
      (SELECT count(*)::int FROM "Booking" w WHERE w."sessionId" = b."sessionId" AND w."status" = 'WAITLISTED' AND w."requestSeq" <= b."requestSeq") END AS "position"
    FROM "Booking" b WHERE b."id" = ${bookingId}::uuid`;
  return {
    drawnAt: application.draw.drawnAt,
    rank: application.rank,
    count: application.draw._count.applications,
    places: application.places,
    minPlaces: application.minPlaces,
    placesWon: application.placesWon ?? 0,
    position: row?.position ?? null,
  };
}

// Rules 5 and 6 on a session: its capacity may go down only to what is confirmed (going up moves the
// waitlist), cancelling it (or its event) cancels its bookings, tells the partners and gives their
// quota back, and when bookings close the waitlist expires. Bookings closed by hand may be reopened
// until their closing time; the waitlist that expired stays expired. A session that has started is
// history: it can no longer be cancelled, and its bookings keep their attendance.
import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { canManageSession, ensure } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { prismaSql, type Sql } from "@/lib/db/sql";
import { NotFoundError, RuleViolation } from "@/lib/errors";
import { promoteAfterRelease, promoteWaitlist, type Promotion } from "./promotion";
import { changeCapacitySchema, sessionActionSchema } from "./schemas";
import { parse } from "@/lib/validation";
import { enqueue, unqueue } from "@/lib/db/queue";
import { parisTime } from "@/lib/time";
import { endDrawNotHeld } from "./applications";
import { seedFingerprint } from "./draw";
import { endBookings } from "./end";
import { bookingClosesAt } from "./rules";
import { lockSession, venueOfSession, type LockedSession } from "./state";
import { drawJobKey, scheduleClosing, unscheduleSessionJobs } from "./timed";
import { withVenueLock, type Tx } from "./transaction";
import { offerChanged } from "@/lib/catalog/places-cache";

/** Loads the session's venue, checks the actor manages it, and runs `work` with the session locked. */
async function onManagedSession<T>(actor: Actor, sessionId: string, work: (tx: Tx, session: LockedSession) => Promise<T>): Promise<T> {
  const venueId = await venueOfSession(prismaSql(getPrisma()), sessionId);
  if (!venueId) throw new NotFoundError("séance");
  ensure(canManageSession(actor, { venueId }), "Seul le lieu qui propose cette séance peut la modifier.");
  return withVenueLock(venueId, async (tx) => {
    const session = await lockSession(prismaSql(tx), sessionId);
    if (!session) throw new NotFoundError("séance");
    if (session.status === "CANCELLED") throw new RuleViolation("SESSION_CANCELLED", "Cette séance est annulée.");
    return work(tx, session);
  });
}

export async function changeCapacity(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ capacity: number; promoted: Promotion[] }> {
  const { sessionId, capacity } = parse(changeCapacitySchema, input);
  return onManagedSession(actor, sessionId, async (tx, session) => {
    if (capacity < session.confirmedPlaces) {
      throw new RuleViolation(
        "CAPACITY_BELOW_CONFIRMED",
        `${session.confirmedPlaces} places sont déjà confirmées : le nombre d'invitations ne peut pas descendre en dessous.`,
        { confirmed: session.confirmedPlaces },
      );
    }
    const before = session.capacity;
    await tx.session.update({ where: { id: sessionId }, data: { capacity } });
    await audit(
      prismaSql(tx),
      actor,
      { action: "session.capacity_changed", entityType: "Session", entityId: sessionId, before: { capacity: before }, after: { capacity } },
      now,
    );
    session.capacity = capacity;
    const promoted = capacity > before ? await promoteWaitlist(prismaSql(tx), session, actor, now) : [];
    return { capacity, promoted };
  });
}

/**
 * The venue closes bookings before the closing time: the waitlist expires now. Not while the session's
 * draw is to come (decision 013, second round): the structures that applied would wait for a draw that
 * could no longer book; the venue cancels the session instead (they are told), or, before anyone
 * applied, removes the draw first.
 */
export async function closeBookings(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ expired: number }> {
  const { sessionId } = parse(sessionActionSchema, input);
  return onManagedSession(actor, sessionId, async (tx, session) => {
    if (await tx.sessionDraw.count({ where: { sessionId, drawnAt: null } })) {
      throw new RuleViolation(
        "DRAW_PENDING_NO_CLOSE",
        "Cette séance attend son tirage au sort : ses réservations ne peuvent pas être closes avant. Pour l'arrêter, annulez la séance (les structures candidates sont prévenues) ; si personne n'a candidaté, vous pouvez aussi revenir au premier arrivé, premier servi, puis clore.",
      );
    }
    if (!session.closedAt) {
      await tx.session.update({ where: { id: sessionId }, data: { closedAt: now } });
      await audit(prismaSql(tx), actor, { action: "session.closed", entityType: "Session", entityId: sessionId, after: { closedAt: now.toISOString() } }, now);
    }
    return { expired: (await endBookings(prismaSql(tx), actor, session.id, "WAITLISTED", "EXPIRED", "WAITLIST_EXPIRED", now)).length };
  });
}

/**
 * The venue takes back a closing made by hand, before the closing time (at the latest the session's
 * start): bookings are open again. The requests that expired when bookings closed are not brought
 * back: their partners were told the waitlist had expired and may have made other plans; they may ask
 * again, after anyone who asked since. The timed closing stays due at its time.
 */
export async function reopenBookings(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ reopened: boolean; expiredAtClosing: number }> {
  const { sessionId } = parse(sessionActionSchema, input);
  return onManagedSession(actor, sessionId, async (tx, session) => {
    if (now >= bookingClosesAt(session)) {
      const when = now >= session.startsAt ? "STARTED" : "CLOSING_TIME";
      throw new RuleViolation("REOPEN_TOO_LATE", "Les réservations ne peuvent plus être rouvertes : la séance a commencé ou l'heure de clôture est passée.", {
        when,
      });
    }
    const expiredAtClosing = await tx.booking.count({ where: { sessionId, status: "CANCELLED", cancelReason: "EXPIRED" } });
    if (!session.closedAt) return { reopened: false, expiredAtClosing };
    const sql = prismaSql(tx);
    await tx.session.update({ where: { id: sessionId }, data: { closedAt: null } });
    await audit(
      sql,
      actor,
      {
        action: "session.reopened",
        entityType: "Session",
        entityId: sessionId,
        before: { closedAt: session.closedAt.toISOString() },
        after: { closedAt: null },
      },
      now,
    );
    await scheduleClosing(sql, session, now);
    return { reopened: true, expiredAtClosing };
  });
}

export async function cancelSession(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ cancelledBookings: number; promoted: Promotion[] }> {
  const { sessionId, note } = parse(sessionActionSchema, input);
  const result = await onManagedSession(actor, sessionId, async (tx, session) => {
    const sql = prismaSql(tx);
    const ended = await endSession(sql, actor, session, note, now);
    return { cancelledBookings: ended.cancelledBookings, promoted: await promoteAfterRelease(sql, session, actor, now, ended.released) };
  });
  offerChanged();
  return result;
}

/**
 * Cancels the event and those of its sessions that have not started, in one transaction under the
 * venue's lock: sessions already played keep their bookings and attendance. For lib/venue, which has
 * checked that the actor manages the event's venue.
 */
export async function cancelEventSessions(
  actor: Actor,
  event: { id: string; venueId: string },
  note: string | undefined,
  now: Date,
): Promise<{ cancelledSessions: number; cancelledBookings: number; promoted: Promotion[] }> {
  ensure(canManageSession(actor, { venueId: event.venueId }), "Seul le lieu qui propose cet événement peut l'annuler.");
  return withVenueLock(event.venueId, async (tx) => {
    const sql = prismaSql(tx);
    const upcoming = await tx.session.findMany({
      where: { eventId: event.id, status: "SCHEDULED", startsAt: { gt: now } },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    // Every session first, then the waitlists elsewhere: nothing is promoted on a session about to go.
    const ended = [];
    for (const { id } of upcoming) {
      const session = (await lockSession(sql, id))!;
      ended.push({ session, ...(await endSession(sql, actor, session, note, now)) });
    }
    let cancelledBookings = 0;
    const promoted: Promotion[] = [];
    for (const { session, released, cancelledBookings: count } of ended) {
      cancelledBookings += count;
      promoted.push(...(await promoteAfterRelease(sql, session, actor, now, released)));
    }
    await tx.event.update({ where: { id: event.id }, data: { status: "CANCELLED", cancelledAt: now } });
    await audit(
      sql,
      actor,
      { action: "event.cancelled", entityType: "Event", entityId: event.id, after: { sessions: upcoming.length, note: note || null } },
      now,
    );
    return { cancelledSessions: upcoming.length, cancelledBookings, promoted };
  });
}

/**
 * Cancels a locked session and its bookings; returns the partners whose confirmed places it released.
 * The caller then moves the waitlists up (promoteAfterRelease): their monthly or seasonal quota is back.
 */
async function endSession(sql: Sql, actor: Actor, session: LockedSession, note: string | undefined, now: Date) {
  if (now >= session.startsAt) throw new RuleViolation("SESSION_ALREADY_STARTED", "La séance a commencé : elle ne peut plus être annulée.");
  await sql.query(`UPDATE "Session" SET "status" = 'CANCELLED', "cancelledAt" = $2, "cancelNote" = $3, "updatedAt" = $2 WHERE "id" = $1::uuid`, [
    session.id,
    now,
    note || null,
  ]);
  await audit(
    sql,
    actor,
    {
      action: "session.cancelled",
      entityType: "Session",
      entityId: session.id,
      before: { status: "SCHEDULED" },
      after: { status: "CANCELLED", note: note || null },
    },
    now,
  );
  await unscheduleSessionJobs(sql, [session.id]);
  // Applications to a draw still to come: the draw will not run; their structures are told.
  await endDrawNotHeld(sql, actor, session.id, "SESSION_CANCELLED", now);
  const ended = await endBookings(sql, actor, session.id, undefined, "SESSION_CANCELLED", "SESSION_CANCELLED", now);
  session.status = "CANCELLED";
  const released = [...new Set(ended.filter((booking) => booking.status === "CONFIRMED").map((booking) => booking.partnerId))];
  return { cancelledBookings: ended.length, released };
}

// ── "Candidatures puis tirage" (issue 17): the venue chooses how a session nobody booked is allocated;
// the applications and the draw itself are applications.ts's ──

/** "2027-01-15T09:00", as a datetime-local field sends it: a Paris wall-clock time. */
const parisDateTime = () =>
  z
    .string("validation.required")
    .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, "validation.invalid")
    .transform((value) => parisTime(value.slice(0, 10), Number(value.slice(11, 13)), Number(value.slice(14, 16))));

export const drawWindowSchema = z.object({ sessionId: z.uuid("validation.invalid"), opensAt: parisDateTime(), closesAt: parisDateTime() });

/** The venue (or the association) sets "Candidatures puis tirage" on a session no one has booked yet. */
export async function openDrawWindow(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ fingerprint: string }> {
  const { sessionId, opensAt, closesAt } = parse(drawWindowSchema, input);
  return onManagedSession(actor, sessionId, async (tx, session) => {
    if (closesAt <= opensAt) throw new RuleViolation("DRAW_WINDOW_ORDER", "La fin des candidatures doit venir après leur ouverture.");
    if (closesAt <= now) throw new RuleViolation("DRAW_WINDOW_PAST", "La fin des candidatures doit être à venir.");
    if (closesAt > bookingClosesAt(session))
      throw new RuleViolation("DRAW_AFTER_CLOSING", "Le tirage doit avoir lieu avant la clôture des réservations de la séance.");
    if (session.confirmedPlaces > 0 || session.waitlistedBookings > 0)
      throw new RuleViolation(
        "DRAW_SESSION_BOOKED",
        "Cette séance a déjà des réservations : le tirage ne peut s'appliquer qu'à une séance que personne n'a encore réservée.",
      );
    const existing = await tx.sessionDraw.findUnique({ where: { sessionId }, select: { drawnAt: true, _count: { select: { applications: true } } } });
    if (existing?.drawnAt) throw new RuleViolation("DRAW_DONE", "Le tirage de cette séance a déjà eu lieu.");
    // Moving the window once applications are in would change the rules for those who applied.
    if (existing && existing._count.applications > 0)
      throw new RuleViolation("DRAW_HAS_APPLICATIONS", "Des structures ont déjà candidaté : les dates des candidatures ne changent plus.");
    const seed = randomBytes(32).toString("hex");
    // A new seed each time the window is set: its fingerprint is what the structures are shown.
    const fingerprint = seedFingerprint(seed);
    await tx.sessionDraw.upsert({
      where: { sessionId },
      create: { sessionId, opensAt, closesAt, seed, fingerprint },
      update: { opensAt, closesAt, seed, fingerprint },
    });
    const sql = prismaSql(tx);
    await enqueue(sql, { task: "run-draw", payload: { sessionId }, runAt: closesAt, key: drawJobKey(sessionId) });
    await audit(
      sql,
      actor,
      {
        action: "session.draw_set",
        entityType: "Session",
        entityId: sessionId,
        after: { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString(), fingerprint },
      },
      now,
    );
    return { fingerprint };
  });
}

/** The venue (or the association) goes back to first come, first served before anyone applied. */
export async function removeDrawWindow(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<void> {
  const { sessionId } = parse(z.object({ sessionId: z.uuid("validation.invalid") }), input);
  await onManagedSession(actor, sessionId, async (tx) => {
    const existing = await tx.sessionDraw.findUnique({ where: { sessionId }, select: { drawnAt: true, _count: { select: { applications: true } } } });
    if (!existing) return;
    if (existing.drawnAt) throw new RuleViolation("DRAW_DONE", "Le tirage de cette séance a déjà eu lieu.");
    if (existing._count.applications > 0)
      throw new RuleViolation("DRAW_HAS_APPLICATIONS", "Des structures ont déjà candidaté : les dates des candidatures ne changent plus.");
    await tx.sessionDraw.delete({ where: { sessionId } });
    const sql = prismaSql(tx);
    await unqueue(sql, [drawJobKey(sessionId)]);
    await audit(sql, actor, { action: "session.draw_removed", entityType: "Session", entityId: sessionId }, now);
  });
}

// An import's writes (issue 33.1), in the one transaction that holds the venue's lock (as lib/booking's
// changes do: a move changes when bookings close). Nothing half-imported: one refusal rolls everything
// back. A session moved at the source moves with its closing and opening times, its timed jobs (closing,
// reminder…) move with it, and every structure with a booking on it is told, by a notice and its mail
// (SESSION_MOVED), in the same transaction. A session cancelled because its date is gone is cancelled the
// way lib/booking cancels one nobody booked; one with bookings is only marked "à confirmer".
import "server-only";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { notifyPartners } from "@/lib/booking/notify";
import { scheduleSessionJobs, unscheduleSessionJobs } from "@/lib/booking/timed";
import { prismaSql, type Tx } from "@/lib/db/sql";
import type { StoredImage } from "@/lib/venue/images";
import { storeSourceImages } from "./images";
import type { ExistingEvent, EventChange, SessionChange } from "./plan";

export const SOURCE_CANCEL_NOTE = "Date annulée dans l'agenda du lieu.";

/**
 * The events already imported into the venue, with what the plan needs of their sessions: those of this
 * source, and those of an agenda unlinked since (Event.sourceId set to null), so that linking the same
 * agenda again doubles nothing (applyPlan attaches them to the source).
 */
export async function readImported(tx: Tx, source: { id: string; venueId: string }): Promise<ExistingEvent[]> {
  const events = await tx.event.findMany({
    where: { venueId: source.venueId, sourceKey: { not: null }, OR: [{ sourceId: source.id }, { sourceId: null }] },
    select: {
      id: true,
      sourceKey: true,
      status: true,
      title: true,
      description: true,
      accessibility: true,
      editedFields: true,
      sessions: {
        select: {
          id: true,
          sourceKey: true,
          startsAt: true,
          status: true,
          sourceCancelledAt: true,
          _count: { select: { bookings: { where: { status: { in: ["CONFIRMED", "WAITLISTED"] } } } } },
          draw: { select: { _count: { select: { applications: true } } } },
        },
      },
    },
  });
  return events.map(({ sessions, sourceKey, ...event }) => ({
    ...event,
    sourceKey: sourceKey!,
    sessions: sessions.map(({ _count, draw, ...session }) => ({ ...session, booked: _count.bookings > 0 || (draw?._count.applications ?? 0) > 0 })),
  }));
}

export interface Applied {
  createdEvents: number;
  createdSessions: number;
  changedEvents: number;
  movedSessions: number;
  cancelledSessions: number;
  toConfirm: number;
  /** Images fetched from the agenda and stored on events that had none (decision 024). */
  images: number;
}

async function moveSession(tx: Tx, actor: Actor, change: Extract<SessionChange, { kind: "MOVE" }>, now: Date) {
  const shift = change.date.startsAt.getTime() - change.from.getTime();
  const session = await tx.session.findUniqueOrThrow({ where: { id: change.sessionId }, select: { bookingOpensAt: true, bookingClosesAt: true } });
  const moved = await tx.session.update({
    where: { id: change.sessionId },
    data: {
      startsAt: change.date.startsAt,
      endsAt: change.date.endsAt,
      sourceKey: change.date.key,
      bookingOpensAt: session.bookingOpensAt && new Date(session.bookingOpensAt.getTime() + shift),
      bookingClosesAt: session.bookingClosesAt && new Date(session.bookingClosesAt.getTime() + shift),
    },
    select: { id: true, startsAt: true, bookingClosesAt: true, closedAt: true, event: { select: { venue: { select: { quotaRule: true } } } } },
  });
  const sql = prismaSql(tx);
  // Adding a job whose key exists replaces it: the closing, the lift and the mails follow the new time.
  await scheduleSessionJobs(sql, [moved], moved.event.venue.quotaRule, now);
  const bookings = await tx.booking.findMany({
    where: { sessionId: moved.id, status: { in: ["CONFIRMED", "WAITLISTED"] } },
    select: { id: true, partnerId: true },
  });
  await notifyPartners(
    sql,
    bookings.map((booking) => ({ partnerId: booking.partnerId, type: "SESSION_MOVED" as const, bookingId: booking.id, sessionId: moved.id })),
    now,
  );
  await audit(
    sql,
    actor,
    {
      action: "session.moved",
      entityType: "Session",
      entityId: moved.id,
      before: { startsAt: change.from.toISOString() },
      after: { startsAt: moved.startsAt.toISOString() },
    },
    now,
  );
}

async function cancelUnbooked(tx: Tx, actor: Actor, sessionId: string, now: Date) {
  const sql = prismaSql(tx);
  await tx.session.update({ where: { id: sessionId }, data: { status: "CANCELLED", cancelledAt: now, cancelNote: SOURCE_CANCEL_NOTE } });
  await unscheduleSessionJobs(sql, [sessionId]);
  await audit(
    sql,
    actor,
    {
      action: "session.cancelled",
      entityType: "Session",
      entityId: sessionId,
      before: { status: "SCHEDULED" },
      after: { status: "CANCELLED", note: SOURCE_CANCEL_NOTE },
    },
    now,
  );
}

/** Writes the plan for `venueId`'s source; returns the counts the venue is told. */
export async function applyPlan(
  tx: Tx,
  actor: Actor,
  source: { id: string; venueId: string },
  plan: EventChange[],
  now: Date,
  images: Map<string, StoredImage> = new Map(),
): Promise<Applied> {
  const applied: Applied = { createdEvents: 0, createdSessions: 0, changedEvents: 0, movedSessions: 0, cancelledSessions: 0, toConfirm: 0, images: 0 };
  const created: { id: string; startsAt: Date; bookingClosesAt: Date | null; closedAt: Date | null }[] = [];
  for (const change of plan) {
    let eventId = change.eventId;
    if (!eventId) {
      const { title, description, accessibility, key } = change.source;
      eventId = (
        await tx.event.create({
          data: { venueId: source.venueId, sourceId: source.id, sourceKey: key, title, description, accessibility: accessibility ?? [], category: "OTHER" },
          select: { id: true },
        })
      ).id;
      applied.createdEvents++;
    } else if (Object.keys(change.fields).length) {
      await tx.event.update({ where: { id: eventId }, data: change.fields });
      applied.changedEvents++;
    }
    if (change.newDates.length) {
      const sessions = await tx.session.createManyAndReturn({
        data: change.newDates.map((date) => ({ eventId: eventId!, startsAt: date.startsAt, endsAt: date.endsAt, sourceKey: date.key, capacity: 0 })),
        select: { id: true, startsAt: true, bookingClosesAt: true, closedAt: true },
      });
      created.push(...sessions);
      applied.createdSessions += sessions.length;
    }
    for (const session of change.sessions) {
      if (session.kind === "RESTORE") await tx.session.update({ where: { id: session.sessionId }, data: { sourceCancelledAt: null } });
      if (session.kind === "MOVE") {
        await moveSession(tx, actor, session, now);
        applied.movedSessions++;
      }
      if (session.kind === "CANCEL") {
        await cancelUnbooked(tx, actor, session.sessionId, now);
        applied.cancelledSessions++;
      }
      if (session.kind === "PROPOSE_CANCEL") {
        await tx.session.update({ where: { id: session.sessionId }, data: { sourceCancelledAt: now } });
        applied.toConfirm++;
      }
    }
  }
  await tx.event.updateMany({ where: { venueId: source.venueId, sourceId: null, sourceKey: { not: null } }, data: { sourceId: source.id } });
  applied.images = await storeSourceImages(tx, source.venueId, images);
  const rule = await tx.quotaRule.findUnique({ where: { venueId: source.venueId } });
  await scheduleSessionJobs(prismaSql(tx), created, rule, now);
  await tx.seasonSource.update({ where: { id: source.id }, data: { lastSyncedAt: now, lastError: null } });
  await audit(prismaSql(tx), actor, { action: "venue.season_imported", entityType: "Venue", entityId: source.venueId, after: { ...applied } }, now);
  return applied;
}

// A venue's linked agenda (issue 33.1, decision 024): the venue (or the association for it) links an
// iCalendar address or an OpenAgenda agenda, previews what an import would do, imports, and the nightly job
// keeps it in sync. The OpenAgenda key is a secret: it is never shown back, only its last four characters.
import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { cancelSession } from "@/lib/booking/sessions";
import { withVenueLock } from "@/lib/booking/transaction";
import { offerChanged } from "@/lib/catalog/places-cache";
import { getPrisma } from "@/lib/db/client";
import { enqueue } from "@/lib/db/queue";
import { prismaSql } from "@/lib/db/sql";
import { DomainError, RuleViolation } from "@/lib/errors";
import { httpUrl, line, optionalLine, parse } from "@/lib/validation";
import { ensureManages, managedSession } from "../access";
import { applyPlan, readImported, SOURCE_CANCEL_NOTE, type Applied } from "./apply";
import { fetchSourceImages } from "./images";
import { planImport, planRows, type PlanRow } from "./plan";
import { readSource } from "./read";

const venueInput = z.object({ venueId: z.uuid("validation.invalid") });
const sessionInput = z.object({ sessionId: z.uuid("validation.invalid") });

export const linkSourceSchema = z.discriminatedUnion("kind", [
  z.object({ venueId: z.uuid("validation.invalid"), kind: z.literal("ICAL"), url: httpUrl(500) }),
  z.object({
    venueId: z.uuid("validation.invalid"),
    kind: z.literal("OPENAGENDA"),
    agendaUid: line(40).pipe(z.string().regex(/^[0-9A-Za-z_-]+$/, "validation.invalid")),
    /** Empty when the venue changes something else: the key already saved stays. */
    apiKey: optionalLine(100),
  }),
]);

export interface LinkedSource {
  kind: "ICAL" | "OPENAGENDA";
  url: string | null;
  agendaUid: string | null;
  /** "…a1b2": enough to recognise the key, never enough to use it. */
  keyHint: string | null;
  lastSyncedAt: Date | null;
  lastError: string | null;
  /** Dates the agenda cancelled while they have bookings: the venue decides. */
  toConfirm: { sessionId: string; eventId: string; title: string; startsAt: Date; places: number }[];
}

export async function getSeasonSource(actor: Actor, venueId: string): Promise<LinkedSource | null> {
  ensureManages(actor, venueId);
  const source = await getPrisma().seasonSource.findUnique({ where: { venueId } });
  if (!source) return null;
  const toConfirm = await getPrisma().session.findMany({
    where: { event: { venueId }, status: "SCHEDULED", sourceCancelledAt: { not: null } },
    orderBy: { startsAt: "asc" },
    select: { id: true, startsAt: true, confirmedPlaces: true, lateConfirmedPlaces: true, event: { select: { id: true, title: true } } },
  });
  return {
    kind: source.kind,
    url: source.url,
    agendaUid: source.agendaUid,
    keyHint: source.apiKey ? `…${source.apiKey.slice(-4)}` : null,
    lastSyncedAt: source.lastSyncedAt,
    lastError: source.lastError,
    toConfirm: toConfirm.map((s) => ({
      sessionId: s.id,
      eventId: s.event.id,
      title: s.event.title,
      startsAt: s.startsAt,
      places: s.confirmedPlaces + s.lateConfirmedPlaces,
    })),
  };
}

export async function linkSeasonSource(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<void> {
  const link = parse(linkSourceSchema, input);
  ensureManages(actor, link.venueId);
  const prisma = getPrisma();
  const before = await prisma.seasonSource.findUnique({ where: { venueId: link.venueId } });
  const apiKey = link.kind === "OPENAGENDA" ? link.apiKey || (before?.kind === "OPENAGENDA" ? before.apiKey : null) : null;
  if (link.kind === "OPENAGENDA" && !apiKey) throw new RuleViolation("SOURCE_KEY_MISSING", "Donnez la clé d'accès de votre compte OpenAgenda.");
  const data = {
    kind: link.kind,
    url: link.kind === "ICAL" ? link.url : null,
    agendaUid: link.kind === "OPENAGENDA" ? link.agendaUid : null,
    apiKey,
    lastError: null,
  };
  await prisma.$transaction(async (tx) => {
    await tx.seasonSource.upsert({ where: { venueId: link.venueId }, create: { venueId: link.venueId, ...data }, update: data });
    // The key stays out of the journal.
    await audit(
      tx,
      actor,
      { action: "venue.season_linked", entityType: "Venue", entityId: link.venueId, after: { kind: link.kind, url: data.url, agendaUid: data.agendaUid } },
      now,
    );
  });
}

export async function unlinkSeasonSource(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<void> {
  const { venueId } = parse(venueInput, input);
  ensureManages(actor, venueId);
  await getPrisma().$transaction(async (tx) => {
    const { count } = await tx.seasonSource.deleteMany({ where: { venueId } });
    if (count) await audit(tx, actor, { action: "venue.season_unlinked", entityType: "Venue", entityId: venueId }, now);
  });
}

async function linkedSource(venueId: string) {
  const source = await getPrisma().seasonSource.findUnique({ where: { venueId } });
  if (!source) throw new RuleViolation("SOURCE_NOT_LINKED", "Reliez d'abord l'agenda du lieu.");
  return source;
}

/** "Prévisualiser": what an import would create, change or cancel, row by row; nothing is written. */
export async function previewSeasonImport(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<PlanRow[]> {
  const { venueId } = parse(venueInput, input);
  ensureManages(actor, venueId);
  const source = await linkedSource(venueId);
  const events = await readSource(source, now);
  const existing = await readImported(getPrisma(), source);
  const titles = new Map(existing.map((event) => [event.id, event.title]));
  return planRows(planImport(events, existing, now, { pairGone: source.kind === "OPENAGENDA" }), titles);
}

async function runImport(actor: Actor, venueId: string, now: Date): Promise<Applied> {
  const source = await linkedSource(venueId);
  // Read before the transaction: no lock is held while another server answers.
  const events = await readSource(source, now);
  const images = await fetchSourceImages(venueId, events);
  const applied = await withVenueLock(venueId, async (tx) => {
    const plan = planImport(events, await readImported(tx, source), now, { pairGone: source.kind === "OPENAGENDA" });
    return applyPlan(tx, actor, source, plan, now, images);
  });
  offerChanged();
  return applied;
}

/** "Importer" and "Synchroniser maintenant": the plan, written in one transaction. */
export async function importSeason(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<Applied> {
  const { venueId } = parse(venueInput, input);
  ensureManages(actor, venueId);
  return runImport(actor, venueId, now);
}

/**
 * The nightly sync of one source (lib/jobs). A source that refuses (unreachable, not a calendar…) is
 * written on the venue's page and the job ends: trying again at once would not help; tomorrow's will.
 */
export async function syncSeasonSource(sourceId: string, { now = new Date() } = {}): Promise<Applied | null> {
  const source = await getPrisma().seasonSource.findUnique({ where: { id: sourceId }, select: { venueId: true } });
  if (!source) return null;
  try {
    return await runImport(systemActor, source.venueId, now);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code === "BUSY") throw error;
    await getPrisma().seasonSource.update({ where: { id: sourceId }, data: { lastError: error.message } });
    return null;
  }
}

/** A date the agenda cancelled, with bookings: the venue confirms, and it is cancelled as any session is. */
export async function confirmSourceCancellation(actor: Actor, input: unknown, { now = new Date() } = {}) {
  const { sessionId } = parse(sessionInput, input);
  await managedSession(actor, sessionId);
  return cancelSession(actor, { sessionId, note: SOURCE_CANCEL_NOTE }, { now });
}

/** …or keeps it: the session is the venue's own from now on, the agenda no longer follows it. */
export async function keepSourceCancelledSession(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<void> {
  const { sessionId } = parse(sessionInput, input);
  await managedSession(actor, sessionId);
  await getPrisma().$transaction(async (tx) => {
    await tx.session.update({ where: { id: sessionId }, data: { sourceCancelledAt: null, sourceKey: null } });
    await audit(tx, actor, { action: "session.source_kept", entityType: "Session", entityId: sessionId }, now);
  });
}

/** The nightly round (lib/jobs): one job per linked agenda, keyed by its source so it is never doubled. */
export async function queueSeasonSyncs(): Promise<number> {
  const sources = await getPrisma().seasonSource.findMany({ select: { id: true } });
  await enqueue(
    prismaSql(getPrisma()),
    sources.map((source) => ({ task: "season-sync-source" as const, payload: { sourceId: source.id }, key: `season-sync:${source.id}`, maxAttempts: 3 })),
  );
  return sources.length;
}

// What an import would do (issue 33.1): the source's events against those already imported, matched on
// the source's stable ids, so that a second import changes what changed and nothing else. Pure: the same
// plan is shown row by row by "Prévisualiser" and applied by "Importer" (apply.ts), read again inside the
// import's transaction. The rules:
// - a new event or date is created (events as drafts, dates with no invitations: the venue adds them);
// - a field the venue edited on the platform (Event.editedFields) is never overwritten: the event's row says
//   it is kept, when the event has other changes;
// - a date moved at the source moves the session; a source without ids for its dates (OpenAgenda) pairs a
//   date gone with a date come on the same event, in order, as moves;
// - a date cancelled or gone at the source is cancelled when nobody booked it, and only proposed to the
//   venue ("à confirmer") when somebody did; dates already played are never touched.
import type { Accessibility } from "@/lib/generated/prisma/enums";
import { SOURCE_FIELDS, type SourceDate, type SourceEvent, type SourceField } from "./source-events";

export interface ExistingSession {
  id: string;
  sourceKey: string | null;
  startsAt: Date;
  status: "SCHEDULED" | "CANCELLED";
  sourceCancelledAt: Date | null;
  /** Bookings confirmed or waiting, and applications to a draw: someone was promised something. */
  booked: boolean;
}

export interface ExistingEvent {
  id: string;
  sourceKey: string;
  status: "DRAFT" | "PUBLISHED" | "CANCELLED";
  title: string;
  description: string;
  accessibility: Accessibility[];
  editedFields: string[];
  sessions: ExistingSession[];
}

export type SessionChange =
  | { kind: "MOVE"; sessionId: string; from: Date; date: SourceDate }
  | { kind: "CANCEL"; sessionId: string; startsAt: Date }
  | { kind: "PROPOSE_CANCEL"; sessionId: string; startsAt: Date }
  | { kind: "RESTORE"; sessionId: string };

export interface EventChange {
  /** Null: a new event. */
  eventId: string | null;
  source: SourceEvent;
  fields: { title?: string; description?: string; accessibility?: Accessibility[] };
  kept: SourceField[];
  newDates: SourceDate[];
  sessions: SessionChange[];
}

export interface PlanRow {
  change: "CREATED" | "CHANGED" | "CANCELLED";
  title: string;
  startsAt: Date | null;
  previousStartsAt: Date | null;
  /** Fields the import writes (CHANGED), and those it keeps because the venue edited them. */
  fields: SourceField[];
  kept: SourceField[];
  /** A cancellation left to the venue: the date has bookings. */
  toConfirm: boolean;
}

const norm = (value: unknown) => JSON.stringify(Array.isArray(value) ? [...value].sort() : value);
const same = (a: unknown, b: unknown) => norm(a) === norm(b);
const byStart = <T extends { startsAt: Date }>(list: T[]) => [...list].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());

function sessionChanges(event: ExistingEvent | undefined, source: SourceEvent, now: Date, pairGone: boolean) {
  const byKey = new Map((event?.sessions ?? []).filter((s) => s.sourceKey).map((s) => [s.sourceKey!, s]));
  const changes: (SessionChange | null)[] = [];
  const come: SourceDate[] = [];
  const seen = new Set<string>();
  for (const date of source.dates) {
    const session = byKey.get(date.key);
    seen.add(date.key);
    if (!session) {
      if (!date.cancelled) come.push(date);
      continue;
    }
    if (session.status === "CANCELLED" || session.startsAt <= now) continue;
    if (date.cancelled) changes.push(cancelOf(session));
    else {
      if (session.sourceCancelledAt) changes.push({ kind: "RESTORE", sessionId: session.id });
      if (session.startsAt.getTime() !== date.startsAt.getTime()) changes.push({ kind: "MOVE", sessionId: session.id, from: session.startsAt, date });
    }
  }
  const gone = byStart((event?.sessions ?? []).filter((s) => s.sourceKey && !seen.has(s.sourceKey) && s.status === "SCHEDULED" && s.startsAt > now));
  const newDates = byStart(come);
  // Dates without ids of their own: one gone and one come on the same event is a move.
  while (pairGone && gone.length && newDates.length) {
    const session = gone.shift()!;
    const date = newDates.shift()!;
    if (session.sourceCancelledAt) changes.push({ kind: "RESTORE", sessionId: session.id });
    changes.push({ kind: "MOVE", sessionId: session.id, from: session.startsAt, date });
  }
  for (const session of gone) changes.push(cancelOf(session));
  return { changes: changes.filter((change): change is SessionChange => change !== null), newDates };
}

function cancelOf(session: ExistingSession): SessionChange | null {
  if (!session.booked) return { kind: "CANCEL", sessionId: session.id, startsAt: session.startsAt };
  // Already proposed: nothing new to say.
  return session.sourceCancelledAt ? null : { kind: "PROPOSE_CANCEL", sessionId: session.id, startsAt: session.startsAt };
}

function fieldChanges(event: ExistingEvent, source: SourceEvent) {
  const fields: EventChange["fields"] = {};
  const kept: SourceField[] = [];
  for (const field of SOURCE_FIELDS) {
    const value = source[field];
    if (value === null || same(value, event[field])) continue;
    if (event.editedFields.includes(field)) kept.push(field);
    else Object.assign(fields, { [field]: value });
  }
  return { fields, kept };
}

/** The changes an import makes, event by event; `pairGone` for sources whose dates have no ids. */
export function planImport(source: SourceEvent[], existing: ExistingEvent[], now: Date, { pairGone = false } = {}): EventChange[] {
  const byKey = new Map(existing.map((event) => [event.sourceKey, event]));
  const plan: EventChange[] = [];
  for (const sourceEvent of source) {
    const event = byKey.get(sourceEvent.key);
    byKey.delete(sourceEvent.key);
    // An event the venue cancelled here stays cancelled: the agenda adds and moves nothing on it.
    if (event?.status === "CANCELLED") continue;
    const { changes: sessions, newDates } = sessionChanges(event, sourceEvent, now, pairGone);
    if (!event) {
      if (newDates.length) plan.push({ eventId: null, source: sourceEvent, fields: {}, kept: [], newDates, sessions: [] });
      continue;
    }
    const { fields, kept } = fieldChanges(event, sourceEvent);
    // Kept fields alone are no change: they are said beside the event's other changes, not every night.
    if (Object.keys(fields).length || newDates.length || sessions.length)
      plan.push({ eventId: event.id, source: sourceEvent, fields, kept, newDates, sessions });
  }
  // Events gone from the source: their dates to come are gone too.
  for (const event of byKey.values()) {
    if (event.status === "CANCELLED") continue;
    const gone = { key: event.sourceKey, title: event.title, description: event.description, accessibility: null, imageUrl: null, dates: [] };
    const { changes: sessions } = sessionChanges(event, gone, now, false);
    if (sessions.length) plan.push({ eventId: event.id, source: gone, fields: {}, kept: [], newDates: [], sessions });
  }
  return plan;
}

/** The plan as the preview's table shows it: one row per date created, moved or cancelled, per event changed. */
export function planRows(plan: EventChange[], titles: Map<string, string> = new Map()): PlanRow[] {
  const rows: PlanRow[] = [];
  const row = (change: PlanRow["change"], title: string, extra: Partial<PlanRow>): PlanRow => ({
    change,
    title,
    startsAt: null,
    previousStartsAt: null,
    fields: [],
    kept: [],
    toConfirm: false,
    ...extra,
  });
  for (const change of plan) {
    const title = (change.eventId && titles.get(change.eventId)) || change.source.title;
    const fields = Object.keys(change.fields) as SourceField[];
    if (fields.length || change.kept.length) rows.push(row("CHANGED", title, { fields, kept: change.kept }));
    for (const date of change.newDates) rows.push(row("CREATED", change.source.title, { startsAt: date.startsAt }));
    for (const session of change.sessions) {
      if (session.kind === "MOVE") rows.push(row("CHANGED", title, { startsAt: session.date.startsAt, previousStartsAt: session.from }));
      if (session.kind === "CANCEL") rows.push(row("CANCELLED", title, { startsAt: session.startsAt }));
      if (session.kind === "PROPOSE_CANCEL") rows.push(row("CANCELLED", title, { startsAt: session.startsAt, toConfirm: true }));
    }
  }
  return rows;
}

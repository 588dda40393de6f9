// The association's own activities (issue 16): meetings, trainings and critique workshops, free and open
// to all. The association lists them; anyone registers by name on the public page /activites, and may
// leave an address to be told of a change. Registration follows lib/booking's rules, applied to one
// place per person: open until the activity starts (bookingWindow), confirmed while places are left and
// waitlisted otherwise (allocate), the waitlist served first come first served when a place frees up
// (pickPromotions), never more than the capacity (the activity's row is locked, and the database checks
// Activity_places_check). A registration is keyed on its number, drawn at random and given once (on screen,
// and by mail to the address left), never on a name: the form answers the same whatever names are already
// registered (issue 27.8, docs/decisions/009). A person cancels with their number and last name; a wrong
// number and a wrong name get the same answer.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { takeAttempt } from "@/lib/auth/throttle";
import { audit } from "@/lib/audit";
import { newBookingNumber, normalizeBookingNumber } from "@/lib/booking/number";
import { allocate, bookingWindow, pickPromotions } from "@/lib/booking/rules";
import { getPrisma } from "@/lib/db/client";
import { prismaSql, type Sql } from "@/lib/db/sql";
import { NotFoundError, RuleViolation } from "@/lib/errors";
import { queueMail } from "@/lib/mail";
import { parisTime } from "@/lib/time";
import { calendarDay, line, optionalText, personName, urlFilter, urlText, uuid, parse } from "@/lib/validation";
import { pageOffset, urlPage, sortOf, urlDirection, urlSort, type Direction, type Sort } from "@/lib/lists";
import type { Prisma } from "@/lib/generated/prisma/client";

export const ACTIVITY_KINDS = ["MEETING", "TRAINING", "WORKSHOP"] as const;
export const MAX_ACTIVITY_CAPACITY = 500;

const optionalEmail = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z.string().trim().toLowerCase().pipe(z.email("validation.email").max(200, "validation.tooLong")).optional(),
);

export const activitySchema = z.object({
  kind: z.enum(ACTIVITY_KINDS, "validation.required"),
  title: line(120),
  description: optionalText(2000),
  day: calendarDay(),
  time: z.string("validation.required").regex(/^([01]\d|2[0-3]):[0-5]\d$/, "validation.invalid"),
  durationMinutes: z.preprocess((value) => (value === "" || value === null ? undefined : value), z.coerce.number("validation.integer").int("validation.integer").min(1, "validation.atLeastOne").max(24 * 60, "validation.tooLarge").optional()),
  place: line(200),
  capacity: z.coerce.number("validation.integer").int("validation.integer").min(1, "validation.atLeastOne").max(MAX_ACTIVITY_CAPACITY, "validation.tooLarge"),
});

export const registrationSchema = z.object({
  activityId: uuid(),
  firstName: personName(),
  lastName: personName(),
  email: optionalEmail,
});

export const cancelRegistrationSchema = z.object({
  number: z.string("validation.required").transform(normalizeBookingNumber).pipe(z.string().regex(/^[2-9A-HJ-NP-Z]{8}$/, "activities.errors.number")),
  lastName: personName(),
});


/**
 * The key of a mail about a registration: written once, and it names the registration for good (its
 * props are purged with the mail's body), so that the retention erases the mail with the registration
 * (issue 27.9, lib/retention.ts). Each kind is written at most once per registration.
 */
export const activityMailKey = (registrationId: string, kind: string) => `${ACTIVITY_MAIL_KEY_PREFIX}${registrationId}:${kind}`;
export const ACTIVITY_MAIL_KEY_PREFIX = "activity:";

/** The association plans an activity. */
export async function createActivity(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ id: string }> {
  ensure(isAdmin(actor), "Seule l'association organise ses activités.");
  const { day, time, description, ...data } = parse(activitySchema, input);
  const startsAt = parisTime(day, Number(time.slice(0, 2)), Number(time.slice(3, 5)));
  if (startsAt <= now) throw new RuleViolation("ACTIVITY_IN_PAST", "Une activité se prévoit à une date à venir.");
  return getPrisma().$transaction(async (tx) => {
    const activity = await tx.activity.create({ data: { ...data, description: description ?? null, startsAt }, select: { id: true } });
    await audit(tx, actor, { action: "activity.create", entityType: "Activity", entityId: activity.id, after: { ...data, startsAt: startsAt.toISOString() } }, now);
    return activity;
  });
}

export interface PublicActivity {
  id: string;
  kind: (typeof ACTIVITY_KINDS)[number];
  title: string;
  description: string | null;
  startsAt: Date;
  durationMinutes: number | null;
  place: string;
  capacity: number;
  placesLeft: number;
  waiting: number;
}

/** What a list of activities shows: the activity, its places taken and how many wait. */
const ACTIVITY_SELECT = {
  id: true,
  kind: true,
  title: true,
  description: true,
  startsAt: true,
  durationMinutes: true,
  place: true,
  capacity: true,
  confirmedPlaces: true,
  _count: { select: { registrations: { where: { status: "WAITLISTED" as const } } } },
} as const;

/** The activities to come, for everyone (nothing about who registered). */
export async function listUpcomingActivities({ now = new Date(), limit = 50 } = {}): Promise<PublicActivity[]> {
  const activities = await getPrisma().activity.findMany({
    where: { cancelledAt: null, startsAt: { gt: now } },
    orderBy: { startsAt: "asc" },
    take: limit,
    select: ACTIVITY_SELECT,
  });
  return activities.map(({ confirmedPlaces, _count, ...activity }) => ({ ...activity, placesLeft: Math.max(0, activity.capacity - confirmedPlaces), waiting: _count.registrations }));
}

interface LockedActivity {
  id: string;
  title: string;
  startsAt: Date;
  capacity: number;
  confirmedPlaces: number;
  cancelledAt: Date | null;
}

async function lockActivity(sql: Sql, activityId: string): Promise<LockedActivity | null> {
  const [row] = await sql.query<LockedActivity>(
    `SELECT "id", "title", "startsAt", "capacity", "confirmedPlaces", "cancelledAt" FROM "Activity" WHERE "id" = $1::uuid FOR UPDATE`,
    [activityId],
  );
  return row ?? null;
}

const windowOf = (activity: LockedActivity, now: Date) =>
  bookingWindow({ startsAt: activity.startsAt, bookingOpensAt: null, bookingClosesAt: null, closedAt: null, status: activity.cancelledAt ? "CANCELLED" : "SCHEDULED", eventStatus: "PUBLISHED" }, now);

export interface Registration {
  number: string;
  status: "CONFIRMED" | "WAITLISTED";
  /** Rank on the waitlist (1: next), when waitlisted. */
  position: number | null;
  title: string;
}

/** Registers one person by name: confirmed while places are left, waitlisted otherwise. Anyone may. */
export async function registerForActivity(input: unknown, ip: string, { now = new Date() } = {}): Promise<Registration> {
  const data = parse(registrationSchema, input);
  // Every registration counts, from one client: filling an activity with made-up names stays slow. Then
  // from every client at once: the form mails the address it is given, so many clients together stay as
  // slow as a busy quarter of an hour (issue 27.6, docs/decisions/009).
  if (!(await takeAttempt([["activity-ip", ip]], now))) throw new RuleViolation("ACTIVITY_THROTTLED", "Trop d'inscriptions depuis cette connexion : réessayez dans un quart d'heure.");
  if (!(await takeAttempt([["activity-all", "*"]], now))) throw new RuleViolation("ACTIVITY_BUSY", "Beaucoup d'inscriptions arrivent en ce moment : réessayez dans un quart d'heure.");
  return getPrisma().$transaction(async (tx) => {
    const sql = prismaSql(tx);
    const activity = await lockActivity(sql, data.activityId);
    if (!activity) throw new NotFoundError("activité");
    const window = windowOf(activity, now);
    if (window === "CANCELLED") throw new RuleViolation("ACTIVITY_CANCELLED", "Cette activité est annulée.");
    if (window !== "OPEN") throw new RuleViolation("ACTIVITY_CLOSED", "Les inscriptions à cette activité sont closes.");
    // No check of the name (issue 27.8): a name is no key anyone can own on a public form. Refusing a name
    // already registered told anyone whether that person was coming, and let a stranger take the name
    // first. Every registration gets its own number, the one key to it; the association sees two of the
    // same name side by side (getActivity) and sorts it out with the people.
    const allocation = allocate(1, activity.capacity - activity.confirmedPlaces, Infinity, "WAITLIST");
    const status = allocation.kind === "CONFIRM" ? "CONFIRMED" : "WAITLISTED";
    const registration = await tx.activityRegistration.create({
      data: { activityId: activity.id, number: newBookingNumber(), status, firstName: data.firstName, lastName: data.lastName, email: data.email ?? null, createdAt: now, confirmedAt: status === "CONFIRMED" ? now : null },
      select: { id: true, number: true, requestSeq: true },
    });
    if (status === "CONFIRMED") await tx.activity.update({ where: { id: activity.id }, data: { confirmedPlaces: { increment: 1 } } });
    const position = status === "WAITLISTED" ? await tx.activityRegistration.count({ where: { activityId: activity.id, status: "WAITLISTED", requestSeq: { lte: registration.requestSeq } } }) : null;
    if (data.email) {
      const kind = status === "CONFIRMED" ? "ACTIVITY_REGISTERED" : "ACTIVITY_WAITLISTED";
      await queueMail(sql, { kind, to: data.email, props: { registrationId: registration.id }, sourceKey: activityMailKey(registration.id, kind) });
    }
    return { number: registration.number, status, position, title: activity.title };
  });
}

/** Moves the waitlist up into the places left, in order of registration; tells those who left an address. */
async function promote(sql: Sql, activity: LockedActivity, placesLeft: number, now: Date): Promise<string[]> {
  const waiting = await sql.query<{ id: string; email: string | null }>(
    `SELECT "id", "email" FROM "ActivityRegistration" WHERE "activityId" = $1::uuid AND "status" = 'WAITLISTED' ORDER BY "requestSeq"`,
    [activity.id],
  );
  const promoted = pickPromotions(waiting.map((row) => ({ id: row.id, partnerId: "", places: 1 })), placesLeft, () => Infinity);
  if (!promoted.length) return [];
  await sql.query(`UPDATE "ActivityRegistration" SET "status" = 'CONFIRMED', "confirmedAt" = $2 WHERE "id" = ANY($1::uuid[])`, [promoted, now]);
  await sql.query(`UPDATE "Activity" SET "confirmedPlaces" = "confirmedPlaces" + $2 WHERE "id" = $1::uuid`, [activity.id, promoted.length]);
  const told = waiting.filter((row) => row.email && promoted.includes(row.id));
  await queueMail(sql, told.map((row) => ({ kind: "ACTIVITY_PROMOTED" as const, to: row.email!, props: { registrationId: row.id }, sourceKey: activityMailKey(row.id, "ACTIVITY_PROMOTED") })));
  return promoted;
}

async function cancelOne(sql: Sql, registrationId: string, activityId: string, wasConfirmed: boolean, now: Date): Promise<void> {
  await sql.query(`UPDATE "ActivityRegistration" SET "status" = 'CANCELLED', "cancelledAt" = $2 WHERE "id" = $1::uuid`, [registrationId, now]);
  if (!wasConfirmed) return;
  const [activity] = await sql.query<LockedActivity>(
    `UPDATE "Activity" SET "confirmedPlaces" = "confirmedPlaces" - 1 WHERE "id" = $1::uuid RETURNING "id", "title", "startsAt", "capacity", "confirmedPlaces", "cancelledAt"`,
    [activityId],
  );
  // A place freed before the start goes to the first waiting; after the start, nobody can come in.
  if (activity && windowOf(activity, now) === "OPEN") await promote(sql, activity, activity.capacity - activity.confirmedPlaces, now);
}

/** A person cancels their own registration with its number and their last name. */
export async function cancelOwnRegistration(input: unknown, ip: string, { now = new Date() } = {}): Promise<{ title: string }> {
  const data = parse(cancelRegistrationSchema, input);
  // Wrong numbers are counted like any registration: guessing one stays slow.
  if (!(await takeAttempt([["activity-ip", ip]], now))) throw new RuleViolation("ACTIVITY_THROTTLED", "Trop d'essais depuis cette connexion : réessayez dans un quart d'heure.");
  return getPrisma().$transaction(async (tx) => {
    const sql = prismaSql(tx);
    const [found] = await sql.query<{ id: string; activityId: string; status: string }>(
      `SELECT "id", "activityId", "status"::text AS "status" FROM "ActivityRegistration" WHERE "number" = $1 AND person_name_key('', "lastName") = person_name_key('', $2)`,
      [data.number, data.lastName],
    );
    if (!found || found.status === "CANCELLED") throw new RuleViolation("REGISTRATION_UNKNOWN", "Aucune inscription en cours ne correspond à ce numéro et à ce nom.");
    const activity = await lockActivity(sql, found.activityId);
    if (!activity || activity.startsAt <= now) throw new RuleViolation("ACTIVITY_CLOSED", "L'activité a commencé : l'inscription ne peut plus être annulée.");
    // Read again under the activity's lock: a cancellation by the association may have come first.
    const current = await tx.activityRegistration.findUniqueOrThrow({ where: { id: found.id }, select: { status: true } });
    if (current.status === "CANCELLED") throw new RuleViolation("REGISTRATION_UNKNOWN", "Aucune inscription en cours ne correspond à ce numéro et à ce nom.");
    await cancelOne(sql, found.id, activity.id, current.status === "CONFIRMED", now);
    return { title: activity.title };
  });
}

export interface ActivityRow extends PublicActivity {
  cancelledAt: Date | null;
  confirmed: number;
}

/** Which activities the association's list shows (`quand` in the URL): those to come (by default) or past ones. */
export const ACTIVITY_WHEN = ["avenir", "passees"] as const;
export type ActivityWhen = (typeof ACTIVITY_WHEN)[number];

/**
 * The columns the association's list sorts by (lib/lists.ts), each with its natural direction:
 * the date reads the soonest first among those to come, the latest first among past ones (the list's
 * default order either way); the title A→Z, the type in its order (meeting, training, workshop), the most
 * registered first.
 */
export const UPCOMING_ACTIVITY_SORTS = { date: "asc", titre: "asc", type: "asc", inscrits: "desc" } as const satisfies Record<string, Direction>;
export const PAST_ACTIVITY_SORTS = { ...UPCOMING_ACTIVITY_SORTS, date: "desc" } as const satisfies Record<string, Direction>;
export type ActivitySort = keyof typeof UPCOMING_ACTIVITY_SORTS;

/** The list's filters, as they travel in the URL: anything unreadable is dropped, never an error. */
export const activityFiltersSchema = z.object({
  quand: urlFilter(z.enum(ACTIVITY_WHEN)),
  q: urlText(100),
  tri: urlSort(UPCOMING_ACTIVITY_SORTS),
  ordre: urlDirection(),
  page: urlPage(),
});
export type ActivityFilters = z.output<typeof activityFiltersSchema>;

/** The columns of the list shown (to come or past), with their natural directions. */
export const activitySortsOf = (quand: ActivityWhen | undefined): Record<ActivitySort, Direction> => (quand === "passees" ? PAST_ACTIVITY_SORTS : UPCOMING_ACTIVITY_SORTS);

/** The order asked for, or the list's default one: by date (the soonest to come first, the latest past first). */
export const activitySortOf = (filters: ActivityFilters): Sort<ActivitySort> => sortOf(activitySortsOf(filters.quand), "date", filters.tri, filters.ordre);

/** The order of a column, then the date in the list's default direction, and the id last (no activity on two pages or on none). */
function activityOrder(filters: ActivityFilters): Prisma.ActivityOrderByWithRelationInput[] {
  const { column, direction: dir } = activitySortOf(filters);
  const byDate = { startsAt: activitySortsOf(filters.quand).date };
  const first: Record<ActivitySort, Prisma.ActivityOrderByWithRelationInput[]> = {
    date: [{ startsAt: dir }],
    titre: [{ title: dir }, byDate],
    type: [{ kind: dir }, byDate],
    inscrits: [{ confirmedPlaces: dir }, byDate],
  };
  return [...first[column], { id: dir }];
}

/**
 * The association's activities, to come (`quand` absent) or past (`quand=passees`), searched by title or
 * place, sorted by a column of the whitelist, a page at a time. `query` is the list's URL (validated here).
 */
export async function listActivities(
  actor: Actor,
  query: unknown = {},
  { now = new Date(), pageSize = 25 } = {},
): Promise<{ activities: ActivityRow[]; total: number; page: number; pageCount: number }> {
  ensure(isAdmin(actor), "Seule l'association voit ses activités ici.");
  const filters = parse(activityFiltersSchema, query);
  const where: Prisma.ActivityWhereInput = {
    startsAt: filters.quand === "passees" ? { lte: now } : { gt: now },
    ...(filters.q ? { OR: [{ title: { contains: filters.q, mode: "insensitive" } }, { place: { contains: filters.q, mode: "insensitive" } }] } : {}),
  };
  const prisma = getPrisma();
  const [total, rows] = await Promise.all([
    prisma.activity.count({ where }),
    prisma.activity.findMany({ where, orderBy: activityOrder(filters), skip: pageOffset(filters.page, pageSize), take: pageSize, select: { ...ACTIVITY_SELECT, cancelledAt: true } }),
  ]);
  return {
    activities: rows.map(({ confirmedPlaces, _count, ...row }) => ({ ...row, confirmed: confirmedPlaces, placesLeft: Math.max(0, row.capacity - confirmedPlaces), waiting: _count.registrations })),
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

/** One activity and the people registered, for the association (names and addresses: its eyes only). */
export async function getActivity(actor: Actor, activityId: unknown) {
  ensure(isAdmin(actor), "Seule l'association voit qui est inscrit.");
  const id = z.uuid().safeParse(activityId);
  const activity = id.success
    ? await getPrisma().activity.findUnique({
        where: { id: id.data },
        include: { registrations: { orderBy: { requestSeq: "asc" }, select: { id: true, number: true, status: true, firstName: true, lastName: true, email: true, createdAt: true } } },
      })
    : null;
  if (!activity) throw new NotFoundError("activité");
  return activity;
}

/** The association cancels one registration (the person called): the next waiting takes the place. */
export async function cancelRegistration(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<void> {
  ensure(isAdmin(actor), "Seule l'association annule une inscription ici.");
  const { registrationId } = parse(z.object({ registrationId: uuid() }), input);
  await getPrisma().$transaction(async (tx) => {
    const sql = prismaSql(tx);
    const found = await tx.activityRegistration.findUnique({ where: { id: registrationId }, select: { activityId: true } });
    if (!found) throw new NotFoundError("inscription");
    const activity = await lockActivity(sql, found.activityId);
    const current = await tx.activityRegistration.findUniqueOrThrow({ where: { id: registrationId }, select: { status: true } });
    if (current.status === "CANCELLED") throw new RuleViolation("REGISTRATION_ALREADY_CANCELLED", "Cette inscription est déjà annulée.");
    await cancelOne(sql, registrationId, activity!.id, current.status === "CONFIRMED", now);
    await audit(sql, actor, { action: "activity.cancel_registration", entityType: "Activity", entityId: activity!.id, before: { status: current.status } }, now);
  });
}

/** The association cancels an activity to come: every registration is cancelled, those who left an address told. */
export async function cancelActivity(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ cancelled: number }> {
  ensure(isAdmin(actor), "Seule l'association annule ses activités.");
  const { activityId } = parse(z.object({ activityId: uuid() }), input);
  return getPrisma().$transaction(async (tx) => {
    const sql = prismaSql(tx);
    const activity = await lockActivity(sql, activityId);
    if (!activity) throw new NotFoundError("activité");
    if (activity.cancelledAt) throw new RuleViolation("ACTIVITY_CANCELLED", "Cette activité est déjà annulée.");
    if (activity.startsAt <= now) throw new RuleViolation("ACTIVITY_CLOSED", "Une activité commencée ne s'annule plus.");
    const told = await sql.query<{ id: string; email: string | null }>(
      `UPDATE "ActivityRegistration" SET "status" = 'CANCELLED', "cancelledAt" = $2 WHERE "activityId" = $1::uuid AND "status" <> 'CANCELLED' RETURNING "id", "email"`,
      [activityId, now],
    );
    await sql.query(`UPDATE "Activity" SET "cancelledAt" = $2, "confirmedPlaces" = 0 WHERE "id" = $1::uuid`, [activityId, now]);
    await queueMail(sql, told.filter((row) => row.email).map((row) => ({ kind: "ACTIVITY_CANCELLED" as const, to: row.email!, props: { registrationId: row.id }, sourceKey: activityMailKey(row.id, "ACTIVITY_CANCELLED") })));
    await audit(sql, actor, { action: "activity.cancel", entityType: "Activity", entityId: activityId, after: { registrations: told.length } }, now);
    return { cancelled: told.length };
  });
}

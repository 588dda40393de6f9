// The association's side of its activities (issue 16): it plans them, lists them to come or past (sorted
// and paged from the URL), sees who registered (names and addresses: its eyes only), cancels one
// registration when a person calls, or the whole activity. The public side is registrations.ts.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit";
import { getPrisma } from "@/lib/db/client";
import { prismaSql } from "@/lib/db/sql";
import { NotFoundError, RuleViolation } from "@/lib/errors";
import { queueMail } from "@/lib/mail";
import { parisTime } from "@/lib/time";
import { calendarDay, line, optionalText, urlFilter, urlText, uuid, parse } from "@/lib/validation";
import { fromUrl, LIST_WORDS, pageOffset, urlPage, sortOf, urlDirection, urlSort, type Direction, type SearchParams, type Sort } from "@/lib/lists";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ACTIVITY_KINDS, MAX_ACTIVITY_CAPACITY, activityMailKey, cancelOne, lockActivity } from "./places";
import { ACTIVITY_SELECT, type PublicActivity } from "./registrations";

export const activitySchema = z.object({
  kind: z.enum(ACTIVITY_KINDS, "validation.required"),
  title: line(120),
  description: optionalText(2000),
  day: calendarDay(),
  time: z.string("validation.required").regex(/^([01]\d|2[0-3]):[0-5]\d$/, "validation.invalid"),
  durationMinutes: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.coerce
      .number("validation.integer")
      .int("validation.integer")
      .min(1, "validation.atLeastOne")
      .max(24 * 60, "validation.tooLarge")
      .optional(),
  ),
  place: line(200),
  capacity: z.coerce.number("validation.integer").int("validation.integer").min(1, "validation.atLeastOne").max(MAX_ACTIVITY_CAPACITY, "validation.tooLarge"),
});

/** The association plans an activity. */
export async function createActivity(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ id: string }> {
  ensure(isAdmin(actor), "Seule l'association organise ses activités.");
  const { day, time, description, ...data } = parse(activitySchema, input);
  const startsAt = parisTime(day, Number(time.slice(0, 2)), Number(time.slice(3, 5)));
  if (startsAt <= now) throw new RuleViolation("ACTIVITY_IN_PAST", "Une activité se prévoit à une date à venir.");
  return getPrisma().$transaction(async (tx) => {
    const activity = await tx.activity.create({ data: { ...data, description: description ?? null, startsAt }, select: { id: true } });
    await audit(
      tx,
      actor,
      { action: "activity.create", entityType: "Activity", entityId: activity.id, after: { ...data, startsAt: startsAt.toISOString() } },
      now,
    );
    return activity;
  });
}

export interface ActivityRow extends PublicActivity {
  cancelledAt: Date | null;
  confirmed: number;
}

/** Which activities the association's list shows: those to come (by default) or past ones. */
export const ACTIVITY_WHEN = ["upcoming", "past"] as const;
export type ActivityWhen = (typeof ACTIVITY_WHEN)[number];

/**
 * The columns the association's list sorts by (lib/lists.ts), each with its natural direction:
 * the date reads the soonest first among those to come, the latest first among past ones (the list's
 * default order either way); the title A→Z, the type in its order (meeting, training, workshop), the most
 * registered first.
 */
export const UPCOMING_ACTIVITY_SORTS = { date: "asc", title: "asc", type: "asc", registered: "desc" } as const satisfies Record<string, Direction>;
export const PAST_ACTIVITY_SORTS = { ...UPCOMING_ACTIVITY_SORTS, date: "desc" } as const satisfies Record<string, Direction>;
export type ActivitySort = keyof typeof UPCOMING_ACTIVITY_SORTS;

/** The list's words in the URL (lib/lists.ts, issue 28.5): `?quand=passees&q=…&tri=inscrits&ordre=asc&page=2`. */
export const ACTIVITY_WORDS = {
  when: { word: "quand", values: { upcoming: "avenir", past: "passees" } satisfies Record<ActivityWhen, string> },
  text: "q",
  sort: { word: LIST_WORDS.sort, values: { date: "date", title: "titre", type: "type", registered: "inscrits" } satisfies Record<ActivitySort, string> },
  direction: LIST_WORDS.direction,
  page: LIST_WORDS.page,
} as const;

/** The list's filters, English fields: anything unreadable is dropped, never an error. */
export const activityFiltersSchema = z.object({
  when: urlFilter(z.enum(ACTIVITY_WHEN)),
  text: urlText(100),
  sort: urlSort(UPCOMING_ACTIVITY_SORTS),
  direction: urlDirection(),
  page: urlPage(),
});
export type ActivityFilters = z.output<typeof activityFiltersSchema>;

/** The filters of a URL of the list (its French words). */
export function readActivityFilters(params: SearchParams): ActivityFilters {
  return activityFiltersSchema.parse(fromUrl(ACTIVITY_WORDS, params));
}

/** The columns of the list shown (to come or past), with their natural directions. */
export const activitySortsOf = (when: ActivityWhen | undefined): Record<ActivitySort, Direction> =>
  when === "past" ? PAST_ACTIVITY_SORTS : UPCOMING_ACTIVITY_SORTS;

/** The order asked for, or the list's default one: by date (the soonest to come first, the latest past first). */
export const activitySortOf = (filters: ActivityFilters): Sort<ActivitySort> => sortOf(activitySortsOf(filters.when), "date", filters.sort, filters.direction);

/** The order of a column, then the date in the list's default direction, and the id last (no activity on two pages or on none). */
function activityOrder(filters: ActivityFilters): Prisma.ActivityOrderByWithRelationInput[] {
  const { column, direction: dir } = activitySortOf(filters);
  const byDate = { startsAt: activitySortsOf(filters.when).date };
  const first: Record<ActivitySort, Prisma.ActivityOrderByWithRelationInput[]> = {
    date: [{ startsAt: dir }],
    title: [{ title: dir }, byDate],
    type: [{ kind: dir }, byDate],
    registered: [{ confirmedPlaces: dir }, byDate],
  };
  return [...first[column], { id: dir }];
}

/**
 * The association's activities, to come (by default) or past, searched by title or place, sorted by a
 * column of the whitelist, a page at a time. `query` is the list's filters (readActivityFilters; validated here).
 */
export async function listActivities(
  actor: Actor,
  query: unknown = {},
  { now = new Date(), pageSize = 25 } = {},
): Promise<{ activities: ActivityRow[]; total: number; page: number; pageCount: number }> {
  ensure(isAdmin(actor), "Seule l'association voit ses activités ici.");
  const filters = parse(activityFiltersSchema, query);
  const where: Prisma.ActivityWhereInput = {
    startsAt: filters.when === "past" ? { lte: now } : { gt: now },
    ...(filters.text ? { OR: [{ title: { contains: filters.text, mode: "insensitive" } }, { place: { contains: filters.text, mode: "insensitive" } }] } : {}),
  };
  const prisma = getPrisma();
  const [total, rows] = await Promise.all([
    prisma.activity.count({ where }),
    prisma.activity.findMany({
      where,
      orderBy: activityOrder(filters),
      skip: pageOffset(filters.page, pageSize),
      take: pageSize,
      select: { ...ACTIVITY_SELECT, cancelledAt: true },
    }),
  ]);
  return {
    activities: rows.map(({ confirmedPlaces, _count, ...row }) => ({
      ...row,
      confirmed: confirmedPlaces,
      placesLeft: Math.max(0, row.capacity - confirmedPlaces),
      waiting: _count.registrations,
    })),
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
        include: {
          registrations: {
            orderBy: { requestSeq: "asc" },
            select: { id: true, number: true, status: true, firstName: true, lastName: true, email: true, createdAt: true },
          },
        },
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
    await audit(
      sql,
      actor,
      { action: "activity.cancel_registration", entityType: "Activity", entityId: activity!.id, before: { status: current.status } },
      now,
    );
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
    await queueMail(
      sql,
      told
        .filter((row) => row.email)
        .map((row) => ({
          kind: "ACTIVITY_CANCELLED" as const,
          to: row.email!,
          props: { registrationId: row.id },
          sourceKey: activityMailKey(row.id, "ACTIVITY_CANCELLED"),
        })),
    );
    await audit(sql, actor, { action: "activity.cancel", entityType: "Activity", entityId: activityId, after: { registrations: told.length } }, now);
    return { cancelled: told.length };
  });
}

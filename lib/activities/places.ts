// What the public registrations and the association's admin of activities share: the kinds of activity,
// the lock on an activity's places (its row, FOR UPDATE), its registration window, the waitlist moving up
// when a place frees (lib/booking's rules applied to one place per person), and the mails' keys.
import "server-only";
import { bookingWindow, pickPromotions } from "@/lib/booking/rules";
import type { Sql } from "@/lib/db/sql";
import { queueMail } from "@/lib/mail";

export const ACTIVITY_KINDS = ["MEETING", "TRAINING", "WORKSHOP"] as const;
export const MAX_ACTIVITY_CAPACITY = 500;

/**
 * The key of a mail about a registration: written once, and it names the registration for good (its
 * props are purged with the mail's body), so that the retention erases the mail with the registration
 * (issue 27.9, lib/retention.ts). Each kind is written at most once per registration.
 */
export const activityMailKey = (registrationId: string, kind: string) => `${ACTIVITY_MAIL_KEY_PREFIX}${registrationId}:${kind}`;
export const ACTIVITY_MAIL_KEY_PREFIX = "activity:";

export interface LockedActivity {
  id: string;
  title: string;
  startsAt: Date;
  capacity: number;
  confirmedPlaces: number;
  cancelledAt: Date | null;
}

export async function lockActivity(sql: Sql, activityId: string): Promise<LockedActivity | null> {
  const [row] = await sql.query<LockedActivity>(
    `SELECT "id", "title", "startsAt", "capacity", "confirmedPlaces", "cancelledAt" FROM "Activity" WHERE "id" = $1::uuid FOR UPDATE`,
    [activityId],
  );
  return row ?? null;
}

export const windowOf = (activity: LockedActivity, now: Date) =>
  bookingWindow(
    {
      startsAt: activity.startsAt,
      bookingOpensAt: null,
      bookingClosesAt: null,
      closedAt: null,
      status: activity.cancelledAt ? "CANCELLED" : "SCHEDULED",
      eventStatus: "PUBLISHED",
    },
    now,
  );

/** Moves the waitlist up into the places left, in order of registration; tells those who left an address. */
export async function promote(sql: Sql, activity: LockedActivity, placesLeft: number, now: Date): Promise<string[]> {
  const waiting = await sql.query<{ id: string; email: string | null }>(
    `SELECT "id", "email" FROM "ActivityRegistration" WHERE "activityId" = $1::uuid AND "status" = 'WAITLISTED' ORDER BY "requestSeq"`,
    [activity.id],
  );
  const promoted = pickPromotions(
    waiting.map((row) => ({ id: row.id, partnerId: "", places: 1 })),
    placesLeft,
    () => Infinity,
  );
  if (!promoted.length) return [];
  await sql.query(`UPDATE "ActivityRegistration" SET "status" = 'CONFIRMED', "confirmedAt" = $2 WHERE "id" = ANY($1::uuid[])`, [promoted, now]);
  await sql.query(`UPDATE "Activity" SET "confirmedPlaces" = "confirmedPlaces" + $2 WHERE "id" = $1::uuid`, [activity.id, promoted.length]);
  const told = waiting.filter((row) => row.email && promoted.includes(row.id));
  await queueMail(
    sql,
    told.map((row) => ({
      kind: "ACTIVITY_PROMOTED" as const,
      to: row.email!,
      props: { registrationId: row.id },
      sourceKey: activityMailKey(row.id, "ACTIVITY_PROMOTED"),
    })),
  );
  return promoted;
}

export async function cancelOne(sql: Sql, registrationId: string, activityId: string, wasConfirmed: boolean, now: Date): Promise<void> {
  await sql.query(`UPDATE "ActivityRegistration" SET "status" = 'CANCELLED', "cancelledAt" = $2 WHERE "id" = $1::uuid`, [registrationId, now]);
  if (!wasConfirmed) return;
  const [activity] = await sql.query<LockedActivity>(
    `UPDATE "Activity" SET "confirmedPlaces" = "confirmedPlaces" - 1 WHERE "id" = $1::uuid RETURNING "id", "title", "startsAt", "capacity", "confirmedPlaces", "cancelledAt"`,
    [activityId],
  );
  // A place freed before the start goes to the first waiting; after the start, nobody can come in.
  if (activity && windowOf(activity, now) === "OPEN") await promote(sql, activity, activity.capacity - activity.confirmedPlaces, now);
}

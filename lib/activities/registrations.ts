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
// This file: the public side (/activites); the association's side is admin.ts, the shared places places.ts.
import "server-only";
import { z } from "zod";
import { takeAttempt } from "@/lib/auth/throttle";
import { newBookingNumber, normalizeBookingNumber } from "@/lib/booking/number";
import { allocate } from "@/lib/booking/rules";
import { getPrisma } from "@/lib/db/client";
import { prismaSql } from "@/lib/db/sql";
import { NotFoundError, RuleViolation } from "@/lib/errors";
import { queueMail } from "@/lib/mail";
import { personName, uuid, parse } from "@/lib/validation";
import { ACTIVITY_KINDS, activityMailKey, cancelOne, lockActivity, windowOf } from "./places";

const optionalEmail = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z.string().trim().toLowerCase().pipe(z.email("validation.email").max(200, "validation.tooLong")).optional(),
);

export const registrationSchema = z.object({
  activityId: uuid(),
  firstName: personName(),
  lastName: personName(),
  email: optionalEmail,
});

export const cancelRegistrationSchema = z.object({
  number: z
    .string("validation.required")
    .transform(normalizeBookingNumber)
    .pipe(z.string().regex(/^[2-9A-HJ-NP-Z]{8}$/, "activities.errors.number")),
  lastName: personName(),
});

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
export const ACTIVITY_SELECT = {
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
  return activities.map(({ confirmedPlaces, _count, ...activity }) => ({
    ...activity,
    placesLeft: Math.max(0, activity.capacity - confirmedPlaces),
    waiting: _count.registrations,
  }));
}

export interface Registration {
  number: string;
  status: "CONFIRMED" | "WAITLISTED";
  /** Rank on the waitlist (1: next), when waitlisted. */
  position: number | null;
  title: string;
}

/** Registers one person by name: confirmed while places are left, waitlisted otherwise. Anyone may. */
/** `userId`: the account that registers, when signed in: the activity then goes into its calendar feed (issue 30.2). */
export async function registerForActivity(input: unknown, ip: string, { now = new Date(), userId = null as string | null } = {}): Promise<Registration> {
  const data = parse(registrationSchema, input);
  // Every registration counts, from one client: filling an activity with made-up names stays slow. Then
  // from every client at once: the form mails the address it is given, so many clients together stay as
  // slow as a busy quarter of an hour (issue 27.6, docs/decisions/009).
  if (!(await takeAttempt([["activity-ip", ip]], now)))
    throw new RuleViolation("ACTIVITY_THROTTLED", "Trop d'inscriptions depuis cette connexion : réessayez dans un quart d'heure.");
  if (!(await takeAttempt([["activity-all", "*"]], now)))
    throw new RuleViolation("ACTIVITY_BUSY", "Beaucoup d'inscriptions arrivent en ce moment : réessayez dans un quart d'heure.");
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
      data: {
        activityId: activity.id,
        number: newBookingNumber(),
        status,
        firstName: data.firstName,
        lastName: data.lastName,
        email: data.email ?? null,
        userId,
        createdAt: now,
        confirmedAt: status === "CONFIRMED" ? now : null,
      },
      select: { id: true, number: true, requestSeq: true },
    });
    if (status === "CONFIRMED") await tx.activity.update({ where: { id: activity.id }, data: { confirmedPlaces: { increment: 1 } } });
    const position =
      status === "WAITLISTED"
        ? await tx.activityRegistration.count({ where: { activityId: activity.id, status: "WAITLISTED", requestSeq: { lte: registration.requestSeq } } })
        : null;
    if (data.email) {
      const kind = status === "CONFIRMED" ? "ACTIVITY_REGISTERED" : "ACTIVITY_WAITLISTED";
      await queueMail(sql, { kind, to: data.email, props: { registrationId: registration.id }, sourceKey: activityMailKey(registration.id, kind) });
    }
    return { number: registration.number, status, position, title: activity.title };
  });
}

/** A person cancels their own registration with its number and their last name. */
export async function cancelOwnRegistration(input: unknown, ip: string, { now = new Date() } = {}): Promise<{ title: string }> {
  const data = parse(cancelRegistrationSchema, input);
  // Wrong numbers are counted like any registration: guessing one stays slow.
  if (!(await takeAttempt([["activity-ip", ip]], now)))
    throw new RuleViolation("ACTIVITY_THROTTLED", "Trop d'essais depuis cette connexion : réessayez dans un quart d'heure.");
  return getPrisma().$transaction(async (tx) => {
    const sql = prismaSql(tx);
    const [found] = await sql.query<{ id: string; activityId: string; status: string }>(
      `SELECT "id", "activityId", "status"::text AS "status" FROM "ActivityRegistration" WHERE "number" = $1 AND person_name_key('', "lastName") = person_name_key('', $2)`,
      [data.number, data.lastName],
    );
    if (!found || found.status === "CANCELLED")
      throw new RuleViolation("REGISTRATION_UNKNOWN", "Aucune inscription en cours ne correspond à ce numéro et à ce nom.");
    const activity = await lockActivity(sql, found.activityId);
    if (!activity || activity.startsAt <= now) throw new RuleViolation("ACTIVITY_CLOSED", "L'activité a commencé : l'inscription ne peut plus être annulée.");
    // Read again under the activity's lock: a cancellation by the association may have come first.
    const current = await tx.activityRegistration.findUniqueOrThrow({ where: { id: found.id }, select: { status: true } });
    if (current.status === "CANCELLED") throw new RuleViolation("REGISTRATION_UNKNOWN", "Aucune inscription en cours ne correspond à ce numéro et à ce nom.");
    await cancelOne(sql, found.id, activity.id, current.status === "CONFIRMED", now);
    return { title: activity.title };
  });
}

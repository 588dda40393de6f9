// The retention policy (docs/decisions/008-retention.md), applied every night by a job: the names of the
// people supported are not kept beyond what the outing needs. What remains are counts: bookings, places,
// attendance, feedback without names, and the audit log, which never held names. A draw's applications
// hold their guests only until the draw turns them into bookings: any left after it (or on a session
// cancelled, or long past) are dropped too (issue 26.2).
import "server-only";
import { audit } from "@/lib/audit";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { ACTIVITY_MAIL_KEY_PREFIX } from "@/lib/activities/places";
import { getPrisma } from "@/lib/db/client";
import type { Tx } from "@/lib/db/sql";
import { parisDaysBefore } from "@/lib/time";

const number = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

/** The periods, configurable per installation. */
export function retentionPolicy() {
  return {
    /** Guests' names are replaced this many months after their session. */
    guestNamesMonths: number("RETENTION_GUEST_NAMES_MONTHS", 12),
    /** A person taken off a structure's list is erased after this many months without a booking. */
    archivedPeopleMonths: number("RETENTION_ARCHIVED_PEOPLE_MONTHS", 12),
    /** The body of a mail is purged this many days after it was written (its subject and state stay). */
    mailBodyDays: number("RETENTION_MAIL_DAYS", 30),
    /** Registrations for the association's activities (names, addresses) are erased this many days after
     * the activity, with the mails written to them; the activity keeps its count of places taken. */
    activityRegistrationDays: number("RETENTION_ACTIVITY_DAYS", 30),
    /** Sign-in attempts are kept a day: the limits look back a quarter of an hour. */
    signInAttemptDays: 1,
  };
}

export interface RetentionCounts {
  guestNamesReplaced: number;
  peopleErased: number;
  mailBodiesPurged: number;
  signInAttemptsDeleted: number;
  activityRegistrationsErased: number;
  applicationGuestsErased: number;
  /** Mails written to those registrations (their address, the activity's title), erased with them. */
  activityMailsErased: number;
  /** Mobile numbers and texts erased (issue 30): see eraseTextNumbers. */
  textNumbersErased: number;
}

/** The same day of the month, `months` months earlier (UTC: a day more or less makes no difference here). */
function monthsBefore(now: Date, months: number): Date {
  const date = new Date(now.getTime());
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
}

export async function runRetention(now = new Date()): Promise<RetentionCounts> {
  const policy = retentionPolicy();
  const namesBefore = monthsBefore(now, policy.guestNamesMonths);
  const peopleBefore = monthsBefore(now, policy.archivedPeopleMonths);
  const mailsBefore = parisDaysBefore(now, policy.mailBodyDays);
  const attemptsBefore = parisDaysBefore(now, policy.signInAttemptDays);
  const activitiesBefore = parisDaysBefore(now, policy.activityRegistrationDays);
  return getPrisma().$transaction(
    async (tx) => {
      // Each guest becomes "Invité·e n" of their booking: places and attendance stay, names go.
      const guestNamesReplaced = await tx.$executeRaw`
        UPDATE "BookingGuest" g SET "firstName" = 'Invité·e', "lastName" = (g."position" + 1)::text, "needsNote" = NULL, "anonymizedAt" = ${now}
        FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId"
        WHERE g."bookingId" = b."id" AND g."anonymizedAt" IS NULL AND s."startsAt" < ${namesBefore}`;
      // Bookings keep their guests (the link to the person is emptied by the foreign key).
      const peopleErased = await tx.$executeRaw`
        DELETE FROM "Person" p
        WHERE p."archivedAt" IS NOT NULL AND p."archivedAt" < ${peopleBefore}
          AND NOT EXISTS (SELECT 1 FROM "BookingGuest" g JOIN "Booking" b ON b."id" = g."bookingId" JOIN "Session" s ON s."id" = b."sessionId"
                          WHERE g."personId" = p."id" AND s."startsAt" >= ${peopleBefore})`;
      const mailBodiesPurged = await tx.$executeRaw`
        UPDATE "OutboxMail" SET "text" = '', "html" = NULL, "props" = NULL, "sealedSecrets" = NULL
        WHERE "createdAt" < ${mailsBefore} AND "status" NOT IN ('PENDING', 'DIGEST') AND ("text" <> '' OR "html" IS NOT NULL OR "props" IS NOT NULL)`;
      const signInAttemptsDeleted = await tx.$executeRaw`DELETE FROM "SignInAttempt" WHERE "at" < ${attemptsBefore}`;
      const { activityRegistrationsErased, activityMailsErased } = await eraseActivityRegistrations(tx, activitiesBefore);
      // The counts stay on the application (places, minimum); the names, needs and notes go.
      const applicationGuestsErased = await tx.$executeRaw`
        UPDATE "Application" a SET "guests" = '[]'::jsonb, "updatedAt" = ${now}
        FROM "SessionDraw" d JOIN "Session" s ON s."id" = d."sessionId"
        WHERE a."sessionId" = d."sessionId" AND a."guests" <> '[]'::jsonb
          AND (d."drawnAt" IS NOT NULL OR s."status" = 'CANCELLED' OR s."startsAt" < ${namesBefore})`;
      const textNumbersErased = await eraseTextNumbers(tx, namesBefore, mailsBefore);
      const counts = {
        guestNamesReplaced,
        peopleErased,
        mailBodiesPurged,
        signInAttemptsDeleted,
        activityRegistrationsErased,
        activityMailsErased,
        applicationGuestsErased,
        textNumbersErased,
      };
      await tx.retentionRun.create({ data: { at: now, counts } });
      await audit(tx, systemActor, { action: "retention.run", entityType: "Person", entityId: "*", after: { ...counts } }, now);
      return counts;
    },
    { timeout: 120_000 },
  );
}

/**
 * The registrations for the association's activities held before `before`, and every mail written to
 * them (issue 27.9): a mail's recipient and subject outlive its body (the outbox's history), and for an
 * activity they are the registrant's address beside the activity's title, the very pair the retention
 * erases. A mail is found by its key (activityMailKey), by the registration named in its props while its
 * body is still there, or, for one written before the keys whose body is already purged, by the
 * registrant's address and the activity's title in its subject. The mails go whole: a kind and a date with
 * no recipient would tell nothing, and a mail still waiting for its job is then simply not sent.
 */
async function eraseActivityRegistrations(tx: Tx, before: Date): Promise<{ activityRegistrationsErased: number; activityMailsErased: number }> {
  const [erased] = await tx.$queryRaw<{ registrations: number; mails: number }[]>`
    WITH gone AS (
      DELETE FROM "ActivityRegistration" r USING "Activity" a
      WHERE a."id" = r."activityId" AND a."startsAt" < ${before}
      RETURNING r."id", r."email", a."title"
    ), mails AS (
      DELETE FROM "OutboxMail" m USING gone
      WHERE m."kind" LIKE 'ACTIVITY\_%'
        AND (m."sourceKey" LIKE ${ACTIVITY_MAIL_KEY_PREFIX} || gone."id"::text || ':%'
          OR m."props"->>'registrationId' = gone."id"::text
          OR (gone."email" IS NOT NULL AND lower(m."to") = lower(gone."email") AND strpos(m."subject", gone."title") > 0))
      RETURNING m."id"
    )
    SELECT (SELECT count(*) FROM gone)::int AS registrations, (SELECT count(*) FROM mails)::int AS mails`;
  return { activityRegistrationsErased: erased?.registrations ?? 0, activityMailsErased: erased?.mails ?? 0 };
}

/**
 * Mobile numbers go with the names (issue 30): a guest's number for one booking when the guest's name is
 * replaced; a person's number once they are taken off their structure's list (no more outings to text);
 * and the texts' numbers and words, and the people's answers, after as long as a mail's body. The
 * suppression list stays: it holds hashes, and a STOP must outlive everything else.
 */
async function eraseTextNumbers(tx: Tx, namesBefore: Date, textsBefore: Date): Promise<number> {
  const guests = await tx.$executeRaw`
    DELETE FROM "GuestMobile" m USING "BookingGuest" g JOIN "Booking" b ON b."id" = g."bookingId" JOIN "Session" s ON s."id" = b."sessionId"
    WHERE m."guestId" = g."id" AND s."startsAt" < ${namesBefore}`;
  const people = await tx.$executeRaw`DELETE FROM "PersonMobile" m USING "Person" p WHERE m."personId" = p."id" AND p."archivedAt" IS NOT NULL`;
  const texts = await tx.$executeRaw`
    UPDATE "OutboxSms" SET "to" = '', "text" = ''
    WHERE "createdAt" < ${textsBefore} AND "status" NOT IN ('PENDING', 'OVER_BUDGET') AND ("to" <> '' OR "text" <> '')`;
  const answers = await tx.$executeRaw`UPDATE "SmsAnswer" SET "text" = '' WHERE "receivedAt" < ${textsBefore} AND "text" <> ''`;
  return guests + people + texts + answers;
}

/** What the association reads about the policy: its periods and the last night's counts. */
export async function retentionReport(
  actor: Actor,
): Promise<{ policy: ReturnType<typeof retentionPolicy>; lastRun: { at: Date; counts: RetentionCounts } | null }> {
  ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");
  const last = await getPrisma().retentionRun.findFirst({ orderBy: { at: "desc" } });
  return { policy: retentionPolicy(), lastRun: last ? { at: last.at, counts: last.counts as unknown as RetentionCounts } : null };
}

// The mails that follow what happens to bookings, written by jobs that the changes themselves added (in
// their own transactions): a booking confirmed, a notice to a partner (a booking moved up from the
// waitlist, cancelled by the venue or the association, a session cancelled or moved, a waitlist expired), the
// reminder two days before an outing and the request for attendance the day after. They go to whoever
// made the booking, or, when that account is gone, to every active account of the structure. Each mail
// is written once whatever the retries of its job (its sourceKey).
import "server-only";
import { getPrisma } from "@/lib/db/client";
import { prismaSql } from "@/lib/db/sql";
import type { NotificationType } from "@/lib/generated/prisma/enums";
import type { MailKind } from "./kinds";
import { MAIL_ATTEMPTS } from "./index";

/** The mail of each notice; a withdrawn guest is told in the structure's news only. */
const KIND_OF_NOTICE: Record<NotificationType, MailKind | null> = {
  BOOKING_PROMOTED: "BOOKING_PROMOTED",
  BOOKING_CANCELLED: "BOOKING_CANCELLED",
  SESSION_CANCELLED: "SESSION_CANCELLED",
  SESSION_MOVED: "SESSION_MOVED",
  WAITLIST_EXPIRED: "WAITLIST_EXPIRED",
  GUEST_WITHDRAWN: null,
  DRAW_NOT_HELD: "DRAW_NOT_HELD",
};

/** What a mail is about, for one structure: who made it (a booking, an application), what the mail reads, its key. */
interface About {
  partnerId: string;
  createdById: string | null;
  props: Record<string, unknown>;
  /** Written once whatever the job's retries: the key's stem, the recipient's id follows it. */
  source: string;
}

/**
 * The mails of `kind`, each to whoever hears about what it is about: the account that made it if still
 * active, otherwise the structure's active accounts. Chosen in SQL and written with their sending jobs in
 * one statement, whatever the number (a session's reminders: issue 35.1). Returns how many mails are meant
 * (those written by an earlier run of the same job included).
 */
async function queueToReferents(about: About[], kind: MailKind): Promise<number> {
  if (!about.length) return 0;
  const [row] = await prismaSql(getPrisma()).query<{ meant: number }>(
    `WITH a AS (
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) AS a(partner_id, created_by, props, source)
     ), users AS (
       SELECT a.props, a.source, u."id" AS user_id
       FROM a JOIN "User" u ON u."partnerId" = a.partner_id AND u."role" = 'PARTNER' AND u."active"
       WHERE u."id" = a.created_by
          OR NOT EXISTS (SELECT 1 FROM "User" m WHERE m."id" = a.created_by AND m."partnerId" = a.partner_id AND m."role" = 'PARTNER' AND m."active")
     ), mails AS (
       INSERT INTO "OutboxMail" ("id", "kind", "props", "userId", "sourceKey")
       SELECT gen_random_uuid(), $5, users.props::jsonb, users.user_id, users.source || ':' || users.user_id::text FROM users
       ON CONFLICT ("sourceKey") DO NOTHING
       RETURNING "id"
     ), queued AS (
       SELECT 1 FROM mails,
         LATERAL graphile_worker.add_job('send-mail', json_build_object('mailId', mails."id"), job_key => 'mail:' || mails."id", max_attempts => $6)
     )
     -- The jobs are added as "queued" is read.
     SELECT (SELECT count(*) FROM users)::int AS meant, (SELECT count(*) FROM queued)::int AS queued`,
    [
      about.map((x) => x.partnerId),
      about.map((x) => x.createdById),
      about.map((x) => JSON.stringify(x.props)),
      about.map((x) => x.source),
      kind,
      MAIL_ATTEMPTS,
    ],
  );
  return row?.meant ?? 0;
}

/** The mails of `kind` about `bookings`, each to the booking's referents. */
const queueFor = (bookings: { id: string; partnerId: string; createdById: string | null }[], kind: MailKind, source: (bookingId: string) => string) =>
  queueToReferents(
    bookings.map((booking) => ({
      partnerId: booking.partnerId,
      createdById: booking.createdById,
      props: { bookingId: booking.id },
      source: source(booking.id),
    })),
    kind,
  );

const bookingSelect = { id: true, partnerId: true, createdById: true } as const;

export async function mailForNotice(notificationId: string): Promise<number> {
  // The notice and its booking in one statement (each notice's job asks it).
  const [notice] = await prismaSql(getPrisma()).query<{
    type: NotificationType;
    partnerId: string;
    sessionId: string | null;
    bookingId: string | null;
    bookingPartnerId: string | null;
    createdById: string | null;
  }>(
    `SELECT n."type"::text AS "type", n."partnerId"::text AS "partnerId", n."sessionId"::text AS "sessionId", b."id"::text AS "bookingId",
            b."partnerId"::text AS "bookingPartnerId", b."createdById"::text AS "createdById"
     FROM "Notification" n LEFT JOIN "Booking" b ON b."id" = n."bookingId" WHERE n."id" = $1::uuid`,
    [notificationId],
  );
  const kind = notice ? KIND_OF_NOTICE[notice.type] : null;
  if (!notice || !kind) return 0;
  if (!notice.bookingId) return notice.sessionId ? mailForApplication(notificationId, notice.partnerId, notice.sessionId) : 0;
  return queueFor([{ id: notice.bookingId, partnerId: notice.bookingPartnerId!, createdById: notice.createdById }], kind, () => `notice:${notificationId}`);
}

/**
 * A notice about an application whose draw will not run (issue 26: the session cancelled, or its bookings
 * closed before the draw): no booking, so the mail says what became of the application, to whoever filed it.
 */
async function mailForApplication(notificationId: string, partnerId: string, sessionId: string): Promise<number> {
  const application = await getPrisma().application.findUnique({ where: { sessionId_partnerId: { sessionId, partnerId } }, select: { createdById: true } });
  if (!application) return 0;
  return queueToReferents([{ partnerId, createdById: application.createdById, props: { sessionId }, source: `notice:${notificationId}` }], "DRAW_NOT_HELD");
}

export async function mailForBooking(bookingId: string): Promise<number> {
  const [booking] = await prismaSql(getPrisma()).query<{ id: string; partnerId: string; createdById: string | null; status: string; drawn: boolean }>(
    `SELECT b."id"::text AS "id", b."partnerId"::text AS "partnerId", b."createdById"::text AS "createdById", b."status"::text AS "status",
            EXISTS (SELECT 1 FROM "Application" a WHERE a."bookingId" = b."id") AS "drawn"
     FROM "Booking" b WHERE b."id" = $1::uuid`,
    [bookingId],
  );
  // A booking made by a draw (issue 17) gets the draw's result, confirmed or waiting, in one mail.
  if (booking?.drawn && booking.status !== "CANCELLED") return queueFor([booking], "DRAW_RESULT", (id) => `draw-result:${id}`);
  if (!booking || booking.status !== "CONFIRMED") return 0;
  return queueFor([booking], "BOOKING_CONFIRMED", (id) => `booking-confirmed:${id}`);
}

/** Two days before: the referents of the session's confirmed bookings get the names, time and address. */
export async function remindOuting(sessionId: string): Promise<number> {
  const bookings = await getPrisma().booking.findMany({ where: { sessionId, status: "CONFIRMED", session: { status: "SCHEDULED" } }, select: bookingSelect });
  return queueFor(bookings, "OUTING_REMINDER", (id) => `outing-reminder:${id}`);
}

/** The day after: a request to record who came, and feedback for the venue. */
export async function askAttendance(sessionId: string): Promise<number> {
  const bookings = await getPrisma().booking.findMany({ where: { sessionId, status: "CONFIRMED", session: { status: "SCHEDULED" } }, select: bookingSelect });
  return queueFor(bookings, "ATTENDANCE_REQUEST", (id) => `attendance-request:${id}`);
}

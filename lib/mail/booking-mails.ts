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
import { MAIL_ATTEMPTS, queueMail, type QueuedMail } from "./index";

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

/** Who hears about a booking: the user who made it, if still active; otherwise the structure's users. */
async function recipients(booking: { partnerId: string; createdById: string | null }): Promise<string[]> {
  const users = await getPrisma().user.findMany({ where: { partnerId: booking.partnerId, role: "PARTNER", active: true }, select: { id: true } });
  const maker = users.find((user) => user.id === booking.createdById);
  return maker ? [maker.id] : users.map((user) => user.id);
}

/**
 * The mails of `kind` about `bookings`, each to its referents (as `recipients` chooses them), written with
 * their sending jobs in one statement whatever the number of bookings (a session's reminders: issue 35.1).
 * Returns how many mails are meant (those written by an earlier run of the same job included).
 */
async function queueFor(bookings: { id: string; partnerId: string; createdById: string | null }[], kind: MailKind, source: (bookingId: string) => string) {
  if (!bookings.length) return 0;
  const [row] = await prismaSql(getPrisma()).query<{ meant: number }>(
    `WITH b AS (
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) AS b(id, partner_id, created_by, source)
     ), users AS (
       SELECT b.id AS booking_id, b.source, u."id" AS user_id
       FROM b JOIN "User" u ON u."partnerId" = b.partner_id AND u."role" = 'PARTNER' AND u."active"
       WHERE u."id" = b.created_by
          OR NOT EXISTS (SELECT 1 FROM "User" m WHERE m."id" = b.created_by AND m."partnerId" = b.partner_id AND m."role" = 'PARTNER' AND m."active")
     ), mails AS (
       INSERT INTO "OutboxMail" ("id", "kind", "props", "userId", "sourceKey")
       SELECT gen_random_uuid(), $5, jsonb_build_object('bookingId', users.booking_id::text), users.user_id, users.source || ':' || users.user_id::text FROM users
       ON CONFLICT ("sourceKey") DO NOTHING
       RETURNING "id"
     ), queued AS (
       SELECT 1 FROM mails,
         LATERAL graphile_worker.add_job('send-mail', json_build_object('mailId', mails."id"), job_key => 'mail:' || mails."id", max_attempts => $6)
     )
     SELECT (SELECT count(*) FROM users)::int AS meant, (SELECT count(*) FROM queued)::int AS queued`,
    [bookings.map((b) => b.id), bookings.map((b) => b.partnerId), bookings.map((b) => b.createdById), bookings.map((b) => source(b.id)), kind, MAIL_ATTEMPTS],
  );
  return row?.meant ?? 0;
}

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
  const mails: QueuedMail[] = (await recipients({ partnerId, createdById: application.createdById })).map((userId) => ({
    kind: "DRAW_NOT_HELD",
    userId,
    props: { sessionId },
    sourceKey: `notice:${notificationId}:${userId}`,
  }));
  await queueMail(prismaSql(getPrisma()), mails);
  return mails.length;
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

// The mails that follow what happens to bookings. A booking confirmed and a notice to a partner (a booking
// moved up from the waitlist, cancelled by the venue or the association, a session cancelled or moved, a
// waitlist expired) write theirs in the change's own statement (lib/booking/request.ts, notify.ts, with
// the SQL of ./index.ts). Jobs write the others: the reminder two days before an outing, the request for
// attendance the day after, a drawn booking's result. They go to whoever made the booking, or, when that
// account is gone, to every active account of the structure. Each mail is written once whatever the
// retries of its job (its sourceKey).
import "server-only";
import { getPool } from "@/lib/db/client";
import { preparedQuery } from "@/lib/db/prepared";
import type { MailKind } from "./kinds";
import { noticeMailsAbout, referentMailsSql } from "./index";

/** What a mail is about, for one structure: who made it (a booking, an application), what the mail reads, its key. */
interface About {
  partnerId: string;
  createdById: string | null;
  props: Record<string, unknown>;
  /** Written once whatever the job's retries: the key's stem, the recipient's id follows it. */
  source: string;
}

/**
 * The mails of `kind`, each to whoever hears about what it is about (referentMailsSql): chosen in SQL and
 * written with their sending jobs in one statement, whatever the number (a session's reminders: issue
 * 35.1). Returns how many mails are meant (those written by an earlier run of the same job included).
 */
async function queueToReferents(about: About[], kind: MailKind): Promise<number> {
  if (!about.length) return 0;
  return countMeant(
    `WITH about AS (
       SELECT a.partner_id, a.created_by, $5::text AS kind, a.props::jsonb AS props, a.source
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) AS a(partner_id, created_by, props, source)
     ), ${referentMailsSql("about")}`,
    [about.map((x) => x.partnerId), about.map((x) => x.createdById), about.map((x) => JSON.stringify(x.props)), about.map((x) => x.source), kind],
  );
}

async function countMeant(common: string, values: unknown[]): Promise<number> {
  // Prepared once per connection (the jobs' statements are few, and each runs thousands of times in a season).
  // The jobs are added as "queued" is read.
  const [row] = await preparedQuery<{ meant: number }>(
    `${common} SELECT (SELECT count(*) FROM referents)::int AS meant, (SELECT count(*) FROM queued)::int AS queued`,
    values,
  );
  return row?.meant ?? 0;
}

/** A session's confirmed bookings, each told of `kind` (its key: `stem` and the booking's id), in one statement. */
function queueForSession(sessionId: string, kind: MailKind, stem: string): Promise<number> {
  return countMeant(
    `WITH about AS (
       SELECT b."partnerId" AS partner_id, b."createdById" AS created_by, $2::text AS kind,
              jsonb_build_object('bookingId', b."id") AS props, $3::text || b."id"::text AS source
       FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId"
       WHERE b."sessionId" = $1::uuid AND b."status" = 'CONFIRMED' AND s."status" = 'SCHEDULED'
     ), ${referentMailsSql("about")}`,
    [sessionId, kind, `${stem}:`],
  );
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

/**
 * A notice's mail, for jobs queued before notices wrote their mails themselves (lib/booking/notify.ts):
 * the same rows, read from the notice.
 */
export async function mailForNotice(notificationId: string): Promise<number> {
  return countMeant(
    `WITH notice AS (SELECT * FROM "Notification" WHERE "id" = $1::uuid), about AS (${noticeMailsAbout("notice")}), ${referentMailsSql("about")}`,
    [notificationId],
  );
}

export async function mailForBooking(bookingId: string): Promise<number> {
  const {
    rows: [booking],
  } = await getPool().query<{ id: string; partnerId: string; createdById: string | null; status: string; drawn: boolean }>(
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
export const remindOuting = (sessionId: string): Promise<number> => queueForSession(sessionId, "OUTING_REMINDER", "outing-reminder");

/** The day after: a request to record who came, and feedback for the venue. */
export const askAttendance = (sessionId: string): Promise<number> => queueForSession(sessionId, "ATTENDANCE_REQUEST", "attendance-request");

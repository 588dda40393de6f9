// What partners are told of changes they did not make (a promotion, a cancellation by the venue or the
// association, a session cancelled, a waitlist expired): notices on their home, and, in the same statement,
// the mail that goes with each with its sending job (lib/mail/index.ts), and the job that writes the
// people's texts when they gave a number. All are written by the transaction that makes the change: a
// change rolled back tells no one.
import "server-only";
import { addJobsSql, jobSpecSql } from "@/lib/db/queue";
import type { Sql } from "@/lib/db/sql";
import { noticeMailsAbout, referentMailsSql } from "@/lib/mail";
import type { NotificationType } from "@/lib/generated/prisma/enums";

export interface Notice {
  partnerId: string;
  type: NotificationType;
  /** Null for an application whose draw will not run (applications.ts): no booking was made. */
  bookingId: string | null;
  sessionId: string;
}

export async function notifyPartners(sql: Sql, notices: Notice[], now: Date): Promise<void> {
  if (!notices.length) return;
  await sql.query(
    `WITH notices AS (
       INSERT INTO "Notification" ("id", "partnerId", "type", "bookingId", "sessionId", "createdAt")
       SELECT gen_random_uuid(), n.partner_id, n.type::"NotificationType", n.booking_id, n.session_id, $5
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[]) AS n(partner_id, type, booking_id, session_id)
       RETURNING "id", "partnerId", "type", "bookingId", "sessionId"
     ), about AS (${noticeMailsAbout("notices")}), ${referentMailsSql("about")}, texted AS (
       -- The people's texts (a move up, a cancellation: lib/sms/events.ts) are written by a job, only for
       -- a booking with a guest who gave a number.
       SELECT 1 AS added FROM ${addJobsSql(
         `SELECT ${jobSpecSql("texts-for-notice", `json_build_object('notificationId', n."id")`, { key: `'texts:' || n."id"` })}
          FROM notices n
          WHERE n."type" IN ('BOOKING_PROMOTED', 'SESSION_CANCELLED', 'BOOKING_CANCELLED')
            AND EXISTS (SELECT 1 FROM "BookingGuest" g
                        LEFT JOIN "GuestMobile" gm ON gm."guestId" = g."id"
                        LEFT JOIN "PersonMobile" pm ON pm."personId" = g."personId"
                        WHERE g."bookingId" = n."bookingId" AND g."anonymizedAt" IS NULL AND g."cancelledAt" IS NULL
                          AND (gm."guestId" IS NOT NULL OR pm."personId" IS NOT NULL))`,
       )}
     )
     -- The jobs are added as "queued" and "texted" are read.
     SELECT (SELECT count(*) FROM queued)::int + (SELECT count(*) FROM texted)::int AS told`,
    [notices.map((n) => n.partnerId), notices.map((n) => n.type), notices.map((n) => n.bookingId), notices.map((n) => n.sessionId), now],
    "notify-partners",
  );
}

// What partners are told of changes they did not make (a promotion, a cancellation by the venue or the
// association, a session cancelled, a waitlist expired): notices on their home, and, by a job added in the
// same statement, the mail that goes with each (lib/mail/booking-mails.ts). Both are written by the transaction
// that makes the change: a change rolled back tells no one.
import "server-only";
import type { Sql } from "@/lib/db/sql";
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
       RETURNING "id"
     )
     SELECT 1 AS told FROM notices,
       LATERAL graphile_worker.add_job('mail-for-notice', json_build_object('notificationId', notices."id"), job_key => 'notice:' || notices."id")`,
    [notices.map((n) => n.partnerId), notices.map((n) => n.type), notices.map((n) => n.bookingId), notices.map((n) => n.sessionId), now],
  );
}

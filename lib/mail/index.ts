// Every email goes through here, as a row of the outbox written by the transaction of the change that
// causes it, with the job that sends it (lib/mail/deliver.ts): a change that rolls back sends nothing, a
// mail server that is down delays mails but loses none. Secrets (a single-use link) never reach the
// table in clear: see seal.ts. What each mail says is rendered when its job runs (compose.ts, one file per family in content/).
import "server-only";
import type { Sql } from "@/lib/db/sql";
import type { MailKind } from "./kinds";
import { seal, type Secrets } from "./seal";

/** Attempts before a mail is left FAILED for the association to send again: about four hours of retries. */
export const MAIL_ATTEMPTS = 10;

export interface QueuedMail {
  kind: MailKind;
  /** What the mail is about ({ bookingId }, { name, inviter }…): its content is read when it leaves. */
  props?: Record<string, unknown>;
  /** The recipient's account: its address is read when sending, and its mail preferences apply. */
  userId?: string | null;
  /** The address, for a mail to no account. */
  to?: string;
  secrets?: Secrets;
  /** Written once whatever the retries of the job that writes it (a notice, a reminder…). */
  sourceKey?: string;
}

/** Writes the mails and their sending jobs within the transaction of `sql`. */
export async function queueMail(sql: Sql, mails: QueuedMail | QueuedMail[]): Promise<void> {
  const list = Array.isArray(mails) ? mails : [mails];
  if (!list.length) return;
  await sql.query(
    `WITH mails AS (
       INSERT INTO "OutboxMail" ("id", "kind", "props", "userId", "to", "sealedSecrets", "sourceKey")
       SELECT gen_random_uuid(), m.kind, m.props::jsonb, m.user_id, coalesce(m.address, ''), m.sealed, m.source_key
       FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[]) AS m(kind, props, user_id, address, sealed, source_key)
       ON CONFLICT ("sourceKey") DO NOTHING
       RETURNING "id"
     )
     SELECT 1 AS queued FROM mails,
       LATERAL graphile_worker.add_job('send-mail', json_build_object('mailId', mails."id"), job_key => 'mail:' || mails."id", max_attempts => $7)`,
    [
      list.map((mail) => mail.kind),
      list.map((mail) => JSON.stringify(mail.props ?? {})),
      list.map((mail) => mail.userId ?? null),
      list.map((mail) => mail.to ?? null),
      list.map((mail) => (mail.secrets ? seal(mail.secrets) : null)),
      list.map((mail) => mail.sourceKey ?? null),
      MAIL_ATTEMPTS,
    ],
  );
}

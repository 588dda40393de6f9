// Every email goes through here, as a row of the outbox written by the transaction of the change that
// causes it, with the job that sends it (lib/mail/deliver.ts): a change that rolls back sends nothing, a
// mail server that is down delays mails but loses none. Secrets (a single-use link) never reach the
// table in clear: see seal.ts. What each mail says is rendered when its job runs (compose.ts, one file per family in content/).
import "server-only";
import { addJobsSql, JOB_PRIORITY, jobSpecSql } from "@/lib/db/queue";
import type { Sql } from "@/lib/db/sql";
import { SCHEDULED_KINDS, type MailKind } from "./kinds";
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
    `WITH outgoing AS (
       SELECT m.kind, m.props::jsonb AS props, m.user_id, m.address, m.sealed, m.source_key
       FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[]) AS m(kind, props, user_id, address, sealed, source_key)
     ), ${outboxSql("outgoing")}
     SELECT count(*)::int AS queued FROM queued`,
    [
      list.map((mail) => mail.kind),
      list.map((mail) => JSON.stringify(mail.props ?? {})),
      list.map((mail) => mail.userId ?? null),
      list.map((mail) => mail.to ?? null),
      list.map((mail) => (mail.secrets ? seal(mail.secrets) : null)),
      list.map((mail) => mail.sourceKey ?? null),
    ],
    "queue-mail",
  );
}

/**
 * The common tables that write a mail and its sending job for each row of `outgoing` (kind, props as
 * jsonb, user_id, address, sealed, source_key): `mails`, written once per source_key whatever the
 * retries, and `queued`, their jobs. The jobs are added as `queued` is read: the statement must read it.
 * Every way of writing mails ends here (queueMail, the mails to a booking's referents below), so that a
 * booking or a notice writes its mail in its own statement (issue 35.1: a job fewer each).
 */
export function outboxSql(outgoing: string): string {
  return `mails AS (
       INSERT INTO "OutboxMail" ("id", "kind", "props", "userId", "to", "sealedSecrets", "sourceKey")
       SELECT gen_random_uuid(), o.kind, o.props, o.user_id, coalesce(o.address, ''), o.sealed, o.source_key FROM ${outgoing} o
       ON CONFLICT ("sourceKey") DO NOTHING
       RETURNING "id", "kind"
     ), queued AS (
       SELECT 1 AS added FROM ${addJobsSql(
         `SELECT ${jobSpecSql("send-mail", `json_build_object('mailId', m."id")`, { key: `'mail:' || m."id"`, maxAttempts: MAIL_ATTEMPTS, priority: SENDING_PRIORITY })} FROM mails m`,
       )}
     )`;
}

/** A mail's sending priority (lib/db/queue.ts): the scheduled kinds after the others. */
const SENDING_PRIORITY = `CASE WHEN m."kind" IN (${SCHEDULED_KINDS.map((kind) => `'${kind}'`).join(", ")}) THEN ${JOB_PRIORITY.scheduledMessages} ELSE ${JOB_PRIORITY.messages} END`;

/**
 * The common tables that write, for each row of `about` (partner_id, created_by, kind, props as jsonb,
 * source), a mail to each of its referents: the account that made it if still active, otherwise every
 * active account of the structure. `referents` lists the mails meant (those an earlier run wrote
 * included); then outboxSql's `mails` and `queued`, which the statement must read.
 */
export function referentMailsSql(about: string): string {
  return `referents AS (
       SELECT a.kind, a.props, u."id" AS user_id, NULL::text AS address, NULL::text AS sealed, a.source || ':' || u."id"::text AS source_key
       FROM ${about} a JOIN "User" u ON u."partnerId" = a.partner_id AND u."role" = 'PARTNER' AND u."active"
       WHERE u."id" = a.created_by
          OR NOT EXISTS (SELECT 1 FROM "User" m WHERE m."id" = a.created_by AND m."partnerId" = a.partner_id AND m."role" = 'PARTNER' AND m."active")
     ), ${outboxSql("referents")}`;
}

/**
 * The rows `about` for referentMailsSql of the notices in `notices` (id, partnerId, type, bookingId,
 * sessionId): a notice about a booking is mailed as its kind, to the booking's referents; one about an
 * application whose draw will not run (no booking) says so to whoever filed it; a guest withdrawn is told
 * in the structure's news only.
 */
export function noticeMailsAbout(notices: string): string {
  return `SELECT coalesce(b."partnerId", n."partnerId") AS partner_id, coalesce(b."createdById", a."createdById") AS created_by,
            CASE WHEN n."bookingId" IS NULL THEN 'DRAW_NOT_HELD' ELSE n."type"::text END AS kind,
            CASE WHEN n."bookingId" IS NULL THEN jsonb_build_object('sessionId', n."sessionId") ELSE jsonb_build_object('bookingId', n."bookingId") END AS props,
            'notice:' || n."id" AS source
     FROM ${notices} n
     LEFT JOIN "Booking" b ON b."id" = n."bookingId"
     LEFT JOIN "Application" a ON n."bookingId" IS NULL AND a."sessionId" = n."sessionId" AND a."partnerId" = n."partnerId"
     WHERE n."type" <> 'GUEST_WITHDRAWN' AND (b."id" IS NOT NULL OR a."sessionId" IS NOT NULL)`;
}

// The send-mail job: one row of the outbox, rendered and handed to the mail server. Its recipient's
// preferences apply to the kinds that can wait (at once, in the daily digest, or none); cancellations and
// account mails always go at once. A failure is recorded on the row and thrown, so that the queue tries
// again later with a growing delay; after the last attempt the row is FAILED and the association sees it
// (/admin/courriels, "Envoyer à nouveau"). The row's id is the mail's Message-ID: a mail server that took a
// mail whose acknowledgement was lost gets the same id again, which lets it drop the duplicate.
import "server-only";
import net from "node:net";
import nodemailer, { type SendMailOptions, type Transporter } from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer";
import { bookingCalendarForMail } from "@/lib/calendar/booking-event";
import { getPool, getPrisma } from "@/lib/db/client";
import { prismaSql } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import { inParis, parisDate } from "@/lib/time";
import { bookingForMailSql, bookingFromRow, MAIL_BOOKING_ID_SQL, type BookingRow } from "./booking-facts";
import { mailContent } from "./compose";
import { isOptional, type MailKind } from "./kinds";
import { queueMail } from "./index";
import { preferenceFor } from "./preferences";
import { reveal, unseal } from "./seal";
import { renderMail } from "./template";
import { log, withoutContacts } from "@/lib/observability/log";
import { metrics } from "@/lib/observability/metrics";

/**
 * Issue 35.2 ("mail keeps up"): a connection per mail (greeting, EHLO, message, QUIT) cost each mail a
 * round of the mail server's. The workers of a server keep a pool of connections (nodemailer's, at most
 * 5) while mails flow, and close it once none has left for a second (MAIL_POOL_IDLE_MS): nothing stays
 * open for nothing, and a mail server that went away is met afresh. `pool=false` in SMTP_URL keeps one
 * connection per mail.
 */
const idleMs = () => {
  const configured = Number(process.env.MAIL_POOL_IDLE_MS);
  return Number.isFinite(configured) && configured >= 0 ? configured : 1_000;
};
const transporters = new Map<string, { transport: Transporter; sending: number; idle?: NodeJS.Timeout }>();

type SocketOptions = { host?: string; port?: number; secure?: boolean };
type SocketCallback = (error: Error | null, socketOptions?: { connection: net.Socket }) => void;

/**
 * The pool's connections are opened here with Nagle's algorithm off, then handed to nodemailer (which
 * does STARTTLS or implicit TLS on them as before). With it on, each mail's last packets waited for the
 * mail server's delayed acknowledgement: 44 ms a mail to a local server, 2 ms without (measured; in the
 * season replay send-mail was 61 ms a mail, mostly that wait).
 */
function connectWithoutDelay(options: SocketOptions, callback: SocketCallback): void {
  const socket = net.connect({ host: options.host ?? "localhost", port: options.port ?? (options.secure ? 465 : 587), noDelay: true });
  const timer = setTimeout(() => socket.destroy(new Error("Le serveur de courriel ne répond pas (délai de connexion dépassé).")), 2 * 60_000);
  const failed = (error: Error) => {
    clearTimeout(timer);
    callback(error);
  };
  socket.once("error", failed);
  socket.once("connect", () => {
    clearTimeout(timer);
    socket.off("error", failed);
    callback(null, { connection: socket });
  });
}

/** nodemailer reads its options from SMTP_URL; only how its sockets are opened is ours (its documented getSocket hook). */
function transportFor(url: string): Transporter {
  const transport = nodemailer.createTransport(pooled(url));
  (transport.transporter as unknown as { getSocket: typeof connectWithoutDelay }).getSocket = connectWithoutDelay;
  return transport;
}

function pooled(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.searchParams.has("pool")) parsed.searchParams.set("pool", "true");
    return parsed.toString();
  } catch {
    return url;
  }
}

/**
 * Sends with the mail server of SMTP_URL, on its pool; null without one (the demo: mails are kept in the outbox).
 * The message is written whole first (nodemailer's own MailComposer, which sendMail would use), then handed
 * over as `raw`: streamed as it is composed, a mail went out in some twenty socket writes (each header, each
 * part, each line of the quoted-printable encoder's output), each one a packet that wakes the mail server,
 * now in five (the envelope's commands, the message, its end). Measured apart on localhost, mails of the
 * confirmation's size, 4 at a time: the mail server's CPU per mail 837 → 460 µs, ours 2.08 → 1.87 ms (issue
 * 35.1). The bytes are the same but for the Date header and the parts' random boundaries, as from one
 * sending to the next (tests/integration/mail-content-pinned.test.ts).
 */
async function sendWithSmtp(message: SendMailOptions): Promise<{ response?: string } | null> {
  const url = process.env.SMTP_URL;
  if (!url) return null;
  const composed = new MailComposer(message).compile();
  const whole = { envelope: composed.getEnvelope(), raw: await composed.build() };
  let held = transporters.get(url);
  if (!held) transporters.set(url, (held = { transport: transportFor(url), sending: 0 }));
  clearTimeout(held.idle);
  held.sending++;
  try {
    return (await held.transport.sendMail(whole)) as { response?: string };
  } finally {
    const mine = held;
    if (--mine.sending === 0)
      mine.idle = setTimeout(() => {
        if (mine.sending || transporters.get(url) !== mine) return;
        transporters.delete(url);
        mine.transport.close();
      }, idleMs()).unref();
  }
}

const FROM = () => process.env.MAIL_FROM ?? "Culture pour tous <ne-pas-repondre@culture-pour-tous.test>";

export type Delivery = "SENT" | "KEPT" | "DIGEST" | "SKIPPED" | "ALREADY_DONE";

/** What sending wrote on the row, with its status: written once, when the delivery ends (one statement). */
type Written = Partial<{
  to: string;
  subject: string;
  text: string;
  html: string;
  props: Prisma.InputJsonValue;
  attempts: number;
  sealedSecrets: string | null;
  sentAt: Date;
  error: string | null;
}>;

/** The send-mail task. `attempt` counts from 1; at `maxAttempts` a failure leaves the mail FAILED. */
export async function deliverMail(mailId: string, { attempt = 1, maxAttempts = 1 } = {}): Promise<Delivery> {
  // What was rendered before a failure is kept with the error: the association's outbox shows the mail.
  const rendered: Written = {};
  try {
    return await deliver(mailId, attempt, rendered);
  } catch (error) {
    // Recorded on the row for the association, then thrown for the queue to try again later.
    const message = String((error as Error)?.message ?? error).slice(0, 500);
    const failed = attempt >= maxAttempts;
    await writeMail(mailId, failed ? "FAILED" : "PENDING", { ...rendered, attempts: attempt, error: message });
    // The operator's log and /api/metrics: the mail's id and the transport's answer, never its recipient.
    metrics().mails.inc({ result: "failed" });
    log().warn({ area: "mail", mailId, attempt, final: failed, answer: withoutContacts(message) }, "courriel non remis");
    throw error;
  }
}

interface MailRow extends BookingRow {
  kind: string;
  props: Prisma.JsonValue;
  userId: string | null;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  sealedSecrets: string | null;
  status: string;
  /** The recipient's account, when the mail is to one (null when it is gone). */
  email: string | null;
  name: string | null;
  active: boolean | null;
  mailPreferences: Prisma.JsonValue;
}

/**
 * The mail, its recipient's account and the booking it is about (bookingForMailSql's columns, null for a
 * mail about none), in one statement: every mail asks it, and most are about a booking (issue 35.1).
 */
async function mailWithAccount(mailId: string): Promise<MailRow | null> {
  const { rows } = await getPool().query<MailRow>({
    name: "mail-with-account-and-booking",
    text: `SELECT m."kind", m."props", m."userId"::text AS "userId", m."to", m."subject", m."text", m."html", m."sealedSecrets", m."status"::text AS "status",
             u."email", u."name", u."active", u."mailPreferences", booking.*
           FROM "OutboxMail" m
           LEFT JOIN "User" u ON u."id" = m."userId"
           LEFT JOIN LATERAL (${bookingForMailSql(MAIL_BOOKING_ID_SQL)}) booking ON true
           WHERE m."id" = $1::uuid`,
    values: [mailId],
  });
  return rows[0] ?? null;
}

async function deliver(mailId: string, attempt: number, rendered: Written): Promise<Delivery> {
  const mail = await mailWithAccount(mailId);
  if (!mail || mail.status !== "PENDING") return "ALREADY_DONE";
  if (mail.userId && !mail.active) return finish(mailId, "SKIPPED", { error: "Compte désactivé ou supprimé : rien n'a été envoyé." });
  const to = mail.email ?? mail.to;
  const preference = isOptional(mail.kind) && mail.userId ? preferenceFor(mail.mailPreferences, mail.kind) : "IMMEDIATE";
  if (preference === "NONE") return finish(mailId, "SKIPPED", { to });

  // A mail about a booking read it with the mail, for what it says and for its calendar file.
  const props = (mail.props ?? {}) as Record<string, unknown>;
  const booking = bookingFromRow(mail);

  // Rendered once, kept on the row: the outbox page and the digest read it.
  let content = mail.subject ? { subject: mail.subject, text: mail.text, html: mail.html ?? undefined } : null;
  if (!content) {
    const body = await mailContent({ kind: mail.kind, props, recipientName: mail.name, booking });
    if (!body) return finish(mailId, "SKIPPED", { to, error: "Ce dont parlait ce courriel n'existe plus." });
    content = await renderMail(body);
    Object.assign(rendered, { to, ...content, props: { ...(props as Record<string, Prisma.InputJsonValue>), url: body.url } });
  }
  if (preference === "DIGEST") return finish(mailId, "DIGEST", { ...rendered, to });

  if (!process.env.SMTP_URL) return finish(mailId, "KEPT", { ...rendered, to });
  const secrets = mail.sealedSecrets ? unseal(mail.sealedSecrets) : {};
  const calendar = CALENDAR_KINDS.has(mail.kind) ? bookingCalendarForMail(booking) : null;
  const answer = await sendWithSmtp({
    from: FROM(),
    to,
    subject: content.subject,
    text: reveal(content.text, secrets, ""),
    html: content.html ? reveal(content.html, secrets, "") : undefined,
    messageId: `<${mailId}@billetterie-solidaire>`,
    // Our mails are French (or Latin-script) text: quoted-printable, as nodemailer would choose after
    // counting every character of the text and the HTML (a third of its time to write a mail).
    textEncoding: "quoted-printable",
    ...(calendar ? { icalEvent: { method: calendar.method, filename: calendar.filename, content: calendar.content } } : {}),
  });
  metrics().mails.inc({ result: "sent" });
  log().info({ area: "mail", mailId, kind: mail.kind, attempt, answer: withoutContacts(answer?.response) }, "courriel remis");
  // Sent: the secrets are the recipient's alone now, not even sealed here.
  return finish(mailId, "SENT", { ...rendered, to, attempts: attempt, sealedSecrets: null, sentAt: new Date(), error: null });
}

/**
 * Issue 30.2: the mails of a confirmation carry the booking's event (.ics), those of a cancellation the
 * same UID with METHOD:CANCEL, so that a calendar adds the outing, then removes it. Read as the booking
 * stands when the mail leaves (lib/calendar/booking-event.ts).
 */
const CALENDAR_KINDS = new Set(["BOOKING_CONFIRMED", "BOOKING_PROMOTED", "DRAW_RESULT", "BOOKING_CANCELLED", "SESSION_CANCELLED", "SESSION_MOVED"]);

async function finish(mailId: string, status: Exclude<Delivery, "ALREADY_DONE">, data: Written): Promise<Delivery> {
  await writeMail(mailId, status, data);
  return status;
}

/**
 * The row's new status and the fields in `data` (one present with null empties it; one absent is kept),
 * in one statement prepared once per connection: every mail ends here, and Prisma's update cost the
 * servers more CPU than the rest of the row's writing (issue 35.1).
 */
async function writeMail(mailId: string, status: string, data: Written): Promise<void> {
  await getPool().query({
    name: "mail-written",
    text: `UPDATE "OutboxMail" m SET "status" = $2::"MailStatus",
             "to" = CASE WHEN d ? 'to' THEN d->>'to' ELSE m."to" END,
             "subject" = CASE WHEN d ? 'subject' THEN d->>'subject' ELSE m."subject" END,
             "text" = CASE WHEN d ? 'text' THEN d->>'text' ELSE m."text" END,
             "html" = CASE WHEN d ? 'html' THEN d->>'html' ELSE m."html" END,
             "props" = CASE WHEN d ? 'props' THEN d->'props' ELSE m."props" END,
             "attempts" = CASE WHEN d ? 'attempts' THEN (d->>'attempts')::int ELSE m."attempts" END,
             "sealedSecrets" = CASE WHEN d ? 'sealedSecrets' THEN d->>'sealedSecrets' ELSE m."sealedSecrets" END,
             "sentAt" = CASE WHEN d ? 'sentAt' THEN (d->>'sentAt')::timestamptz ELSE m."sentAt" END,
             "error" = CASE WHEN d ? 'error' THEN d->>'error' ELSE m."error" END
           FROM (SELECT $3::jsonb AS d) x WHERE m."id" = $1::uuid`,
    values: [mailId, status, JSON.stringify(data)],
  });
}

/**
 * The daily digest, at 7:00 in Paris (the task runs every hour and acts at that hour): one mail per user
 * listing the mails they chose to receive this way, which are then DIGESTED.
 */
export async function sendDigests(now = new Date(), { anyHour = false } = {}): Promise<number> {
  if (!anyHour && inParis(now).getHours() !== 7) return 0;
  const prisma = getPrisma();
  const waiting = await prisma.outboxMail.findMany({
    where: { status: "DIGEST", userId: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { id: true, userId: true, subject: true, props: true },
  });
  const byUser = new Map<string, typeof waiting>();
  for (const mail of waiting) byUser.set(mail.userId!, [...(byUser.get(mail.userId!) ?? []), mail]);
  const admins = new Set(
    (await prisma.user.findMany({ where: { id: { in: [...byUser.keys()] }, role: "ADMIN" }, select: { id: true } })).map((user) => user.id),
  );
  for (const [userId, mails] of byUser) {
    await prisma.$transaction(async (tx) => {
      await queueMail(prismaSql(tx), {
        kind: "DIGEST" satisfies MailKind,
        userId,
        props: {
          items: mails.map((mail) => ({ label: mail.subject, url: String((mail.props as { url?: string } | null)?.url ?? "") })),
          ...(admins.has(userId) ? { forAdmin: true } : {}),
        },
        sourceKey: `digest:${userId}:${parisDate(now)}`,
      });
      await tx.outboxMail.updateMany({ where: { id: { in: mails.map((mail) => mail.id) }, status: "DIGEST" }, data: { status: "DIGESTED" } });
    });
  }
  return byUser.size;
}

// Every email goes through here. Each one is written to the outbox table first, in the database, so
// nothing is lost if the mail server is down; with SMTP_URL set it is then sent at once (nodemailer)
// and marked sent, and without it (the demo) it stays there for admins to read on the outbox page.
// Secrets (a single-use link) never reach the table in clear: see seal.ts.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getPrisma } from "@/lib/db/client";
import { reveal, seal, unseal, type Secrets } from "./seal";

export interface Mail {
  to: string;
  subject: string;
  /** May keep places for `secrets`: "{link}". */
  text: string;
  /** A single-use link and the like: sealed in the outbox, put in the text only when sending. */
  secrets?: Secrets;
}

let transporter: Transporter | null | undefined;

function smtp(): Transporter | null {
  if (transporter === undefined) transporter = process.env.SMTP_URL ? nodemailer.createTransport(process.env.SMTP_URL) : null;
  return transporter;
}

const FROM = () => process.env.MAIL_FROM ?? "Culture pour tous <ne-pas-repondre@culture-pour-tous.test>";

export async function sendMail({ secrets, ...mail }: Mail): Promise<{ id: string; sent: boolean }> {
  const sealedSecrets = secrets ? seal(secrets) : null;
  const stored = await getPrisma().outboxMail.create({ data: { ...mail, sealedSecrets }, select: { id: true } });
  const transport = smtp();
  if (!transport) return { id: stored.id, sent: false };
  try {
    await transport.sendMail({ from: FROM(), ...mail, text: reveal(mail.text, sealedSecrets ? unseal(sealedSecrets) : {}, "") });
    // Sent: the secrets are the recipient's alone now, not even sealed here.
    await getPrisma().outboxMail.update({ where: { id: stored.id }, data: { sentAt: new Date(), sealedSecrets: null } });
    return { id: stored.id, sent: true };
  } catch (error) {
    // Kept with its error, to be seen on the outbox page; the action that sent it still succeeds.
    await getPrisma().outboxMail.update({ where: { id: stored.id }, data: { error: String((error as Error).message ?? error).slice(0, 500) } });
    return { id: stored.id, sent: false };
  }
}

/** The public address of the app, for links in emails. */
export function appUrl(path: string): string {
  const base = process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return new URL(path, base).toString();
}

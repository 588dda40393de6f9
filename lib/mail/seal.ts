// Single-use links (account invitations, forgotten passwords) are secrets: whoever reads one can take
// the account. A mail waiting in the outbox keeps them sealed (AES-256-GCM) with a key derived from
// NEXTAUTH_SECRET, which lives in the servers' environment and never in the database, so a copy of the
// database holds no usable link; once the mail server has taken the mail, the seal itself is dropped.
import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

export type Secrets = Record<string, string>;

function key(): Buffer {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET n'est pas défini : les liens des courriels ne peuvent pas être scellés.");
  return Buffer.from(hkdfSync("sha256", secret, "billetterie-solidaire", "outbox mail secrets", 32));
}

export function seal(secrets: Secrets): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(secrets), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

/** The secrets, or null when the seal cannot be opened (another key: the secret was changed since). */
export function unseal(sealed: string): Secrets | null {
  try {
    const bytes = Buffer.from(sealed, "base64");
    const decipher = createDecipheriv("aes-256-gcm", key(), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8")) as Secrets;
  } catch {
    return null;
  }
}

/** The places a mail's text keeps for its secrets: "{link}". */
const PLACES = /\{(link)\}/g;

/** The text with its secrets put back, or `hidden` where they are not (sent, or unreadable). */
export function reveal(text: string, secrets: Secrets | null, hidden: string): string {
  return text.replace(PLACES, (_whole, name: string) => secrets?.[name] ?? hidden);
}

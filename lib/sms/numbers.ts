// Issue 30: mobile numbers are checked and stored in E.164 (libphonenumber-js: a French mobile typed as
// people write it, "06 12 34 56 78", or an international number with its "+"), shown masked to everyone
// but the structure's referents, and a number that answered STOP is kept as a keyed hash only (the
// suppression list holds no number anyone could read back or call).
import { createHmac, hkdfSync } from "node:crypto";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/** The number in E.164 if it is a valid mobile (or a number that may be one), else null. */
export function toE164(input: string, { international = false } = {}): string | null {
  const raw = input.trim();
  if (!raw || raw.length > 30) return null;
  // Operators send "33612345678" (international, without the "+"): read as such when told so.
  const typed = international && /^\d+$/.test(raw) ? `+${raw}` : raw.replace(/^00/, "+");
  const parsed = parsePhoneNumberFromString(typed, "FR");
  if (!parsed || !parsed.isValid()) return null;
  const type = parsed.getType();
  if (type !== undefined && type !== "MOBILE" && type !== "FIXED_LINE_OR_MOBILE") return null;
  return parsed.number;
}

/** "+33 6 •• •• •• 78": enough to tell two numbers apart, not enough to call. */
export function maskNumber(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  const digits = e164.replace(/\D/g, "");
  if (!parsed) return `•••• ${digits.slice(-2)}`;
  const national = parsed.nationalNumber;
  return `+${parsed.countryCallingCode} ${national.slice(0, 1)} •• •• •• ${national.slice(-2)}`;
}

/** The number's hash for the suppression list, keyed with the servers' secret (never in the database). */
export function numberHash(e164: string): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET n'est pas défini : la liste des numéros arrêtés ne peut pas être tenue.");
  const key = Buffer.from(hkdfSync("sha256", secret, "billetterie-solidaire", "sms suppression list", 32));
  return createHmac("sha256", key).update(e164).digest("hex");
}

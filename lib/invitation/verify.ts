// Issue 32.1 — an invitation's code that a door's device checks with a public key alone, offline. The
// server signs (code.ts) with an Ed25519 key it alone holds; any device given the public keys
// (`publishedKeys`) tells a genuine code from a forged one, and, because the venue and the Paris day of
// the session are signed in, a genuine code of another venue or another day from one of its own, without
// a database. One module for the server and the browser: no Node built-ins here.
//
//   CPT2.<key id>.<booking number>.<guest position>.<venue, 22 chars>.<YYYYMMDD>.<signature, 86 chars>
//
// Codes printed before (CPT1, an HMAC with a server-only key) are read back as a number and a position:
// the server checks their signature (code.ts), a device offline checks their number in its snapshot,
// as it would a typed number. Decision record 021.
import { verifyAsync } from "@noble/ed25519";

export const CODE_PREFIX = "CPT2";
const NEW_CODE = /^CPT2\.([A-Za-z0-9_-]{8})\.([2-9A-HJ-NP-Z]{8})\.(\d{1,2})\.([A-Za-z0-9_-]{22})\.(\d{8})\.([A-Za-z0-9_-]{86})$/;
const OLD_CODE = /^CPT1\.([2-9A-HJ-NP-Z]{8})\.(\d{1,2})\.([A-Za-z0-9_-]{16})$/;

/** The public keys devices are given: key id (the first 8 characters of the key) → the key, base64url. */
export type PublicKeys = Record<string, string>;

export type VerifiedCode =
  /** `signed`: a new code whose signature holds; an old one (false) is only as good as its number. */
  | { valid: true; signed: true; number: string; position: number; venueId: string; day: string }
  | { valid: true; signed: false; number: string; position: number }
  | { valid: false; reason: "MALFORMED" | "FORGED" }
  | { valid: false; reason: "OTHER_VENUE"; number: string; venueId: string; day: string }
  | { valid: false; reason: "OTHER_DAY"; number: string; venueId: string; day: string };

export interface VerifyOptions {
  keys: PublicKeys;
  /** The venues this device checks for; leave out to skip the check (the server asks its database). */
  venueIds?: string[];
  /** The Paris day ("2026-12-21") the door is open; leave out to skip the check. */
  day?: string;
}

export function keyId(publicKey: string): string {
  return publicKey.slice(0, 8);
}

export function base64urlToBytes(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

export function bytesToBase64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** A venue's id in 22 characters rather than 36, for a QR code small enough to scan from a crumpled page. */
export function compactId(uuid: string): string {
  const hex = uuid.replace(/-/g, "");
  return bytesToBase64url(Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)));
}

export function expandId(compact: string): string {
  const hex = Array.from(base64urlToBytes(compact), (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What the server signs: everything before the signature. */
export function signedPart(kid: string, number: string, position: number, venueId: string, day: string): string {
  return `${CODE_PREFIX}.${kid}.${number}.${position}.${compactId(venueId)}.${day.replace(/-/g, "")}`;
}

export async function verifyInvitationCode(text: string, { keys, venueIds, day }: VerifyOptions): Promise<VerifiedCode> {
  const trimmed = text.trim();
  const old = OLD_CODE.exec(trimmed);
  if (old) return { valid: true, signed: false, number: old[1]!, position: Number(old[2]) };
  const match = NEW_CODE.exec(trimmed);
  if (!match) return { valid: false, reason: "MALFORMED" };
  const [, kid, number, position, venue, ymd, signature] = match as unknown as string[];
  const key = keys[kid!];
  if (!key) return { valid: false, reason: "FORGED" };
  const message = new TextEncoder().encode(trimmed.slice(0, trimmed.length - signature!.length - 1));
  let genuine = false;
  try {
    genuine = await verifyAsync(base64urlToBytes(signature!), message, base64urlToBytes(key));
  } catch {
    genuine = false;
  }
  if (!genuine) return { valid: false, reason: "FORGED" };
  const facts = { number: number!, venueId: expandId(venue!), day: `${ymd!.slice(0, 4)}-${ymd!.slice(4, 6)}-${ymd!.slice(6)}` };
  if (venueIds && !venueIds.includes(facts.venueId)) return { valid: false, reason: "OTHER_VENUE", ...facts };
  if (day && facts.day !== day) return { valid: false, reason: "OTHER_DAY", ...facts };
  return { valid: true, signed: true, position: Number(position), ...facts };
}

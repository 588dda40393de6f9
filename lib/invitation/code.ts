// What the QR code of an invitation holds: the booking number, the guest's place in the booking, the
// venue and the Paris day of the session, signed with the server's Ed25519 key (INVITATION_ED25519_KEY) so
// that a door's device holding only the public key can tell it from a forgery, offline (issue 32.1;
// verify.ts reads it, decision record 021). Codes printed before (CPT1) carry an HMAC with a key that must
// stay on the server (a device holding it could forge invitations): they keep checking online, here,
// until their sessions have passed. The number alone (typed at the door) still checks against the
// database or the device's snapshot; the signature is what makes a scanned code trustworthy without it.
import { createHmac, createPrivateKey, createPublicKey, sign as signWith, timingSafeEqual, type KeyObject } from "node:crypto";
import "server-only";
import { normalizeBookingNumber } from "@/lib/booking/number";
import { parisDate } from "@/lib/time";
import { CODE_PREFIX, keyId, signedPart, verifyInvitationCode, type PublicKeys } from "./verify";

const PREFIX = "CPT1";
// 96 bits of HMAC-SHA256: far beyond guessing, and a QR code small enough to scan from a crumpled page.
const SIGNATURE_BYTES = 12;
const CODE = /^CPT1\.([2-9A-HJ-NP-Z]{8})\.(\d{1,2})\.([A-Za-z0-9_-]{16})$/;

export interface InvitationCode {
  number: string;
  /** The guest's position in the booking (0: the main guest). */
  position: number;
}

export type ReadCode = ({ valid: true } & InvitationCode) | { valid: false; reason: "MALFORMED" | "FORGED" };

/** The invitations' key: it signs the QR codes, and derives the feedback codes (feedback-code.ts). */
export function signingKey(): Buffer {
  const key = process.env.INVITATION_SIGNING_KEY;
  if (!key || key.length < 32) throw new Error("INVITATION_SIGNING_KEY doit être défini (32 caractères au moins).");
  return Buffer.from(key);
}

function sign(payload: string): Buffer {
  return createHmac("sha256", signingKey()).update(payload).digest().subarray(0, SIGNATURE_BYTES);
}

// An Ed25519 private key is its 32-byte seed; Node reads it wrapped in this fixed PKCS#8 header.
const PKCS8_ED25519 = Buffer.from("302e020100300506032b657004220420", "hex");

function ed25519Key(): { privateKey: KeyObject; publicKey: string } {
  const seed = Buffer.from(process.env.INVITATION_ED25519_KEY ?? "", "base64url");
  if (seed.length !== 32) throw new Error("INVITATION_ED25519_KEY doit être défini (32 octets en base64url).");
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: "der", type: "pkcs8" });
  return { privateKey, publicKey: createPublicKey(privateKey).export({ format: "jwk" }).x! };
}

/**
 * The public keys a door's device is given: the current one, and the retired ones still listed in
 * INVITATION_ED25519_RETIRED_PUBLIC_KEYS (comma-separated) until the sessions of the codes they signed have passed.
 */
export function publishedKeys(): PublicKeys {
  const retired = (process.env.INVITATION_ED25519_RETIRED_PUBLIC_KEYS ?? "")
    .split(",")
    .map((key) => key.trim())
    .filter(Boolean);
  const keys = [ed25519Key().publicKey, ...retired];
  return Object.fromEntries(keys.map((key) => [keyId(key), key]));
}

/** A new invitation's code (CPT2): verifiable with the public key, for its venue and its session's Paris day only. */
export function encodeInvitationCode({ number, position, venueId, startsAt }: InvitationCode & { venueId: string; startsAt: Date }): string {
  const { privateKey, publicKey } = ed25519Key();
  const payload = signedPart(keyId(publicKey), number, position, venueId, parisDate(startsAt));
  return `${payload}.${signWith(null, Buffer.from(payload), privateKey).toString("base64url")}`;
}

/** The code printed before issue 32 (CPT1): what the invitations already in people's hands hold. */
export function encodeLegacyInvitationCode({ number, position }: InvitationCode): string {
  const payload = `${PREFIX}.${number}.${position}`;
  return `${payload}.${sign(payload).toString("base64url")}`;
}

/** Reads an old code (CPT1), checking its HMAC: only the server can. New codes: verify.ts. */
export function readInvitationCode(text: string): ReadCode {
  const match = CODE.exec(text.trim());
  if (!match) return { valid: false, reason: "MALFORMED" };
  const [, number, position] = match;
  const expected = sign(`${PREFIX}.${number}.${position}`);
  const given = Buffer.from(match[3]!, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { valid: false, reason: "FORGED" };
  return { valid: true, number: normalizeBookingNumber(number!), position: Number(position) };
}

/** The server's reading of a scanned code, new or old: the signature checked, the number and position given back. */
export async function readScannedCode(text: string): Promise<ReadCode> {
  if (!text.trim().startsWith(`${CODE_PREFIX}.`)) return readInvitationCode(text);
  const read = await verifyInvitationCode(text, { keys: publishedKeys() });
  if (!read.valid) return { valid: false, reason: read.reason === "MALFORMED" ? "MALFORMED" : "FORGED" };
  return { valid: true, number: read.number, position: read.position };
}

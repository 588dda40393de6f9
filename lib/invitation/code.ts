// What the QR code of an invitation holds: the booking number, the guest's place in the booking and an
// HMAC of both with the server's key (INVITATION_SIGNING_KEY). The door check recomputes the HMAC, so a
// code typed up by hand, copied from another booking or altered is refused before anything is looked
// up. The number alone (typed at the door) still checks against the database; the signature is what
// makes a scanned code trustworthy without it.
import { createHmac, timingSafeEqual } from "node:crypto";
import "server-only";
import { normalizeBookingNumber } from "@/lib/booking/number";

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

export function encodeInvitationCode({ number, position }: InvitationCode): string {
  const payload = `${PREFIX}.${number}.${position}`;
  return `${payload}.${sign(payload).toString("base64url")}`;
}

export function readInvitationCode(text: string): ReadCode {
  const match = CODE.exec(text.trim());
  if (!match) return { valid: false, reason: "MALFORMED" };
  const [, number, position] = match;
  const expected = sign(`${PREFIX}.${number}.${position}`);
  const given = Buffer.from(match[3]!, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { valid: false, reason: "FORGED" };
  return { valid: true, number: normalizeBookingNumber(number!), position: Number(position) };
}

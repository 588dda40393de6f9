// The short code printed on each invitation for the person's own feedback (issue 16): six characters of
// the booking-number alphabet, drawn from an HMAC of the guest's id with the server's key, so that it is
// stored nowhere, cannot be worked out from the booking number, and is the same on every print. It is
// only ever looked up among one structure's recent outings (lib/feedback/guest-feedback.ts), so six
// characters (30 bits) tell the guests of a structure apart, and wrong guesses are throttled.
import { createHmac } from "node:crypto";
import "server-only";
import { CODE_ALPHABET } from "@/lib/codes";
import { signingKey } from "./code";

export const FEEDBACK_CODE_LENGTH = 6;

/** The code of one invitation: "K7QM3R". */
export function feedbackCode(guestId: string): string {
  const digest = createHmac("sha256", signingKey()).update(`avis:${guestId}`).digest();
  // 32 letters: each byte modulo 32 is uniform.
  return Array.from(digest.subarray(0, FEEDBACK_CODE_LENGTH), (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join("");
}

/** "K7Q-M3R": easier to copy. */
export function formatFeedbackCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

/** What people type, in capitals without spaces or dashes; O and I read as 0 and 1 are not in the alphabet. */
export function normalizeFeedbackCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

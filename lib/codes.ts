// Codes that people read aloud, copy from a poster and type on a phone (issue 29.6): the one home of their
// alphabets and generators. Drawn with the platform's cryptographic random numbers, so that one code
// tells nothing about another.
import { randomInt } from "node:crypto";

/** Booking numbers and feedback codes: no 0/O nor 1/I, which people confuse. */
export const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

type Pick = (max: number) => number;

export function randomCode(length: number, pick: Pick = randomInt, alphabet = CODE_ALPHABET): string {
  let code = "";
  for (let i = 0; i < length; i++) code += alphabet[pick(alphabet.length)];
  return code;
}

// A visitor code reads like made-up words: six consonant-vowel syllables in two groups of three, then two
// digits ("BAKOLI-TUMERA-47"). Consonants that sound alike or change their sound before a vowel in French
// (C, G, S, J, Q, X, H, W, Y) are left out, and so are 0 and 1. Strength: 12 × 5 = 60 syllables, 60⁶ × 8²
// ≈ 3.0 × 10¹² codes (41.4 bits), more than the 32⁸ ≈ 1.1 × 10¹² of the eight random characters it replaces,
// so decision 005's arithmetic against guessing still holds.
const CONSONANTS = "BDFKLMNPRTVZ";
const VOWELS = "AEIOU";
const DIGITS = "23456789";
export const VISITOR_CODE_PATTERN = /^(?:[BDFKLMNPRTVZ][AEIOU]){6}[2-9]{2}$/;

export function newVisitorCode(pick: Pick = randomInt): string {
  let code = "";
  for (let i = 0; i < 6; i++) code += CONSONANTS[pick(CONSONANTS.length)]! + VOWELS[pick(VOWELS.length)]!;
  return code + randomCode(2, pick, DIGITS);
}

/** "BAKOLI-TUMERA-47" for a code of that pattern; any other (the demo's ESCALE26, older codes) as it is. */
export function formatVisitorCode(code: string): string {
  return VISITOR_CODE_PATTERN.test(code) ? `${code.slice(0, 6)}-${code.slice(6, 12)}-${code.slice(12)}` : code;
}

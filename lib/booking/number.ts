// Booking numbers are printed on invitations, read aloud on the phone and typed at the door:
// eight characters from an alphabet without 0/O or 1/I, drawn at random (40 bits), so that one number
// tells nothing about another. The database enforces the same format (Booking_number_check).
import { randomInt } from "node:crypto";
import { CODE_ALPHABET, randomCode } from "@/lib/codes";

export const BOOKING_NUMBER_ALPHABET = CODE_ALPHABET;
export const BOOKING_NUMBER_LENGTH = 8;

export function newBookingNumber(pick: (max: number) => number = randomInt): string {
  return randomCode(BOOKING_NUMBER_LENGTH, pick);
}

export { formatBookingNumber, normalizeBookingNumber } from "./number-format";

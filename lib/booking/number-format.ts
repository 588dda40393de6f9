// How a booking number is written and read by people (lib/booking/number.ts draws them): no server module
// here, so the door's offline check in the browser reads numbers by the same rule (lib/venue/door-offline.ts).

/** "K7QM-3RTX": easier to read aloud. */
export function formatBookingNumber(number: string): string {
  return `${number.slice(0, 4)}-${number.slice(4)}`;
}

/** Accepts what people type: lower case, spaces and dashes. */
export function normalizeBookingNumber(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

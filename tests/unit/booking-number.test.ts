import { BOOKING_NUMBER_ALPHABET, formatBookingNumber, newBookingNumber, normalizeBookingNumber } from "@/lib/booking/number";

describe("booking numbers", () => {
  it("are eight characters without 0, O, 1 or I", () => {
    for (let i = 0; i < 500; i++) expect(newBookingNumber()).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(BOOKING_NUMBER_ALPHABET).not.toMatch(/[01OI]/);
  });

  it("do not repeat in practice", () => {
    const numbers = new Set(Array.from({ length: 10_000 }, () => newBookingNumber()));
    expect(numbers.size).toBe(10_000);
  });

  it("read in two halves and accept what people type", () => {
    expect(formatBookingNumber("K7QM3RTX")).toBe("K7QM-3RTX");
    expect(normalizeBookingNumber(" k7qm-3rtx ")).toBe("K7QM3RTX");
  });
});

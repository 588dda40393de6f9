import { quotaPeriodKey, quotaPeriodRange } from "@/lib/booking/quota-period";

const session = (iso: string, id = "s1") => ({ id, startsAt: new Date(iso) });

describe("quota periods, in the French calendar", () => {
  it("puts a session in the month it falls in, in Paris time", () => {
    // 23:30 in Paris on 31 January is 22:30 UTC: still January.
    expect(quotaPeriodKey("MONTH", session("2027-01-31T22:30:00Z"))).toBe(quotaPeriodKey("MONTH", session("2027-01-01T10:00:00Z")));
    // 00:30 in Paris on 1 February is 23:30 UTC on 31 January: already February.
    expect(quotaPeriodKey("MONTH", session("2027-01-31T23:30:00Z"))).not.toBe(quotaPeriodKey("MONTH", session("2027-01-15T10:00:00Z")));
  });

  it("runs a season from 1 September to 31 August", () => {
    const range = quotaPeriodRange("SEASON", new Date("2027-03-10T19:00:00Z"))!;
    expect(range.from.toISOString()).toBe("2026-08-31T22:00:00.000Z"); // 1 September 2026, 00:00 in Paris
    expect(range.to.toISOString()).toBe("2027-08-31T22:00:00.000Z");
    expect(quotaPeriodKey("SEASON", session("2027-08-31T20:00:00Z"))).not.toBe(quotaPeriodKey("SEASON", session("2027-09-01T20:00:00Z")));
  });

  it("counts each session on its own under a per-session rule", () => {
    expect(quotaPeriodRange("SESSION", new Date())).toBeNull();
    expect(quotaPeriodKey("SESSION", session("2027-01-01T10:00:00Z", "a"))).not.toBe(quotaPeriodKey("SESSION", session("2027-01-01T10:00:00Z", "b")));
  });
});

// Issue 29: an e2e fixes the instant the catalog is read at with a request header (lib/http/demo-clock.ts),
// which only the demo honours: production (npm start, no BILLETTERIE_DEMO) reads the real clock whatever a
// request says, and so does the demo when the header is not a readable instant.
import { DEMO_CLOCK_HEADER, demoClock } from "@/lib/http/demo-clock";

const SUNDAY = "2026-12-13T09:00:00.000Z";

describe("the demo's clock, fixed by a request", () => {
  it("is the header's instant when the app runs as the demo", () => {
    expect(demoClock(SUNDAY, { BILLETTERIE_DEMO: "1" })?.toISOString()).toBe(SUNDAY);
    expect(demoClock("2026-12-13T10:00:00+01:00", { BILLETTERIE_DEMO: "1" })?.toISOString()).toBe(SUNDAY);
  });

  it("is ignored in production: no demo flag, or any other value of it", () => {
    expect(demoClock(SUNDAY, {})).toBeUndefined();
    expect(demoClock(SUNDAY, { NODE_ENV: "production" })).toBeUndefined();
    expect(demoClock(SUNDAY, { BILLETTERIE_DEMO: "0" })).toBeUndefined();
    expect(demoClock(SUNDAY, { BILLETTERIE_DEMO: "true" })).toBeUndefined();
  });

  it("is ignored in the demo too when the header is absent or not an instant", () => {
    for (const value of [null, undefined, "", "dimanche", "2026-12-13", "1765616400000", "2026-13-45T10:00:00Z"]) {
      expect(demoClock(value, { BILLETTERIE_DEMO: "1" })).toBeUndefined();
    }
  });

  it("is named by one header, in lower case as Node gives headers", () => {
    expect(DEMO_CLOCK_HEADER).toBe("x-demo-clock");
  });
});

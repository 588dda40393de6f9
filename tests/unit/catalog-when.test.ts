// Issue 29.1: "this weekend" must be found on a weekend. The spans of the catalogue's "Quand ?", in Paris
// time whatever the machine's zone (the suite runs in New York's), on a Saturday evening, a Sunday, a
// weekday, and across the spring clock change (Sunday 28 March 2027, 2:00 → 3:00).
import { dateRange, readCatalogFilters, catalogQuery } from "@/lib/catalog/filters";
import { parisTime } from "@/lib/time";

const range = (quand: string, now: Date, du?: string) => dateRange(readCatalogFilters({ quand, ...(du ? { du } : {}) }), now);

describe("the catalogue's spans of time", () => {
  it("finds this weekend's outings on a Saturday evening and on a Sunday, up to Sunday midnight", () => {
    const saturdayEvening = parisTime("2026-12-19", 21, 0);
    expect(range("weekend", saturdayEvening)).toEqual({ from: saturdayEvening, to: parisTime("2026-12-21") });
    const sunday = parisTime("2026-12-20", 10, 0);
    expect(range("weekend", sunday)).toEqual({ from: sunday, to: parisTime("2026-12-21") });
  });

  it("offers the coming weekend from Monday to Friday", () => {
    const monday = parisTime("2026-12-21", 23, 30);
    expect(range("weekend", monday)).toEqual({ from: parisTime("2026-12-26"), to: parisTime("2026-12-28") });
    const friday = parisTime("2026-12-25", 18, 0);
    expect(range("weekend", friday)).toEqual({ from: parisTime("2026-12-26"), to: parisTime("2026-12-28") });
  });

  it("reads 'this week' as the next seven days, so that a Sunday still has a week ahead", () => {
    const sunday = parisTime("2026-12-20", 10, 0);
    expect(range("semaine", sunday)).toEqual({ from: sunday, to: parisTime("2026-12-27") });
  });

  it("ends today at Paris midnight, and keeps Paris days across the clock change", () => {
    const changeDay = parisTime("2027-03-28", 10, 0);
    expect(range("aujourdhui", changeDay)).toEqual({ from: changeDay, to: new Date("2027-03-28T22:00:00Z") });
    const friday = parisTime("2027-03-26", 12, 0);
    expect(range("weekend", friday)).toEqual({ from: new Date("2027-03-26T23:00:00Z"), to: new Date("2027-03-28T22:00:00Z") });
  });

  it("covers one chosen day, never its past hours, and keeps the day in the URL", () => {
    const now = parisTime("2026-12-21", 23, 30);
    expect(range("jour", now, "2026-12-24")).toEqual({ from: parisTime("2026-12-24"), to: parisTime("2026-12-25") });
    expect(range("jour", now, "2026-12-21")).toEqual({ from: now, to: parisTime("2026-12-22") });
    expect(range("jour", now)).toEqual({ from: now, to: parisTime("2026-12-22") });
    expect(catalogQuery({ when: "day", fromDay: "2026-12-24", toDay: "2026-12-30" })).toBe("?quand=jour&du=2026-12-24");
  });
});

// lib/time.ts: Paris calendar arithmetic, whatever the machine's time zone (the suite runs in New York's).
import { applicableQuota, quotaLiftsAt } from "@/lib/booking/rules";
import { runStarts } from "@/lib/venue/add-sessions";
import {
  daysBetween,
  endOfParisDay,
  isSameParisDay,
  monthRange,
  nextParisSunday,
  parisDate,
  parisDaysBefore,
  parisTime,
  seasonOf,
  seasonRange,
} from "@/lib/time";

describe("Paris calendar days, across daylight-saving changes", () => {
  it("counts 'N days before' in calendar days: the hour stays the same across the spring change", () => {
    // 20:00 on Tuesday 30 March 2027 (summer time) → 20:00 on Tuesday 23 March (winter time).
    const session = parisTime("2027-03-30", 20);
    expect(session.toISOString()).toBe("2027-03-30T18:00:00.000Z");
    expect(parisDaysBefore(session, 7).toISOString()).toBe("2027-03-23T19:00:00.000Z");
    // 7 × 24 hours would have said 19:00 in Paris.
    expect(parisDaysBefore(session, 7).getTime()).not.toBe(session.getTime() - 7 * 86_400_000);
  });

  it("keeps the hour across the autumn change too", () => {
    const session = parisTime("2026-10-27", 14, 30); // after the change of 25 October 2026
    expect(parisDaysBefore(session, 3).toISOString()).toBe("2026-10-24T12:30:00.000Z");
  });

  it("lifts a quota at the session's hour, N Paris days before", () => {
    const rule = { period: "SESSION" as const, maxPlaces: 1, liftDaysBefore: 3 };
    const session = parisTime("2027-03-30", 20);
    expect(quotaLiftsAt(rule, session)!.toISOString()).toBe("2027-03-27T19:00:00.000Z");
    // 19:30 in Paris on 27 March: three 24-hour days before would already have lifted the rule.
    expect(applicableQuota(rule, null, session, new Date("2027-03-27T18:30:00Z"))).toBe(1);
    expect(applicableQuota(rule, null, session, new Date("2027-03-27T19:00:00Z"))).toBeNull();
    expect(quotaLiftsAt({ ...rule, liftDaysBefore: null }, session)).toBeNull();
  });

  it("lays out a run of sessions at the same Paris hour on both sides of a change", () => {
    const starts = runStarts({ from: "2027-03-27", to: "2027-03-29", weekdays: [], times: ["20:30"] }).map((d) => d.toISOString());
    expect(starts).toEqual(["2027-03-27T19:30:00.000Z", "2027-03-28T18:30:00.000Z", "2027-03-29T18:30:00.000Z"]);
  });
});

describe("the end of a Paris day and the days between two instants (issue 28.2)", () => {
  it("ends a day at the midnight that starts the next, 23 hours long in March and 25 in October", () => {
    expect(endOfParisDay("2027-03-28").getTime() - parisTime("2027-03-28").getTime()).toBe(23 * 3_600_000);
    expect(endOfParisDay("2027-10-31").getTime() - parisTime("2027-10-31").getTime()).toBe(25 * 3_600_000);
    expect(endOfParisDay("2027-10-31")).toEqual(parisTime("2027-11-01"));
    expect(endOfParisDay(parisTime("2027-03-28", 23, 30))).toEqual(parisTime("2027-03-29"));
  });

  it("counts calendar days, whatever the hours between and the clock changes", () => {
    expect(daysBetween(parisTime("2027-03-27", 23, 30), parisTime("2027-03-28", 0, 30))).toBe(1);
    expect(daysBetween(parisTime("2027-03-20", 12), parisTime("2027-04-03", 12))).toBe(14);
    expect(daysBetween(parisTime("2027-10-31", 0, 30), parisTime("2027-10-31", 23, 30))).toBe(0);
    expect(daysBetween(parisTime("2027-11-01"), parisTime("2027-10-31"))).toBe(-1);
    // A convention's last day, stored as UTC midnight, is that Paris day.
    expect(daysBetween(parisTime("2027-03-01", 23, 30), new Date("2027-03-31T00:00:00Z"))).toBe(30);
  });
});

describe("Paris days, months and seasons", () => {
  it("names the Paris date of an instant and compares days in Paris", () => {
    expect(parisDate(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(isSameParisDay(new Date("2026-12-31T22:30:00Z"), new Date("2026-12-31T23:30:00Z"))).toBe(false);
    expect(isSameParisDay(new Date("2026-12-31T00:30:00Z"), new Date("2026-12-31T22:30:00Z"))).toBe(true);
  });

  it("gives the Paris month and the September-to-August season of an instant", () => {
    expect(monthRange(new Date("2027-01-31T23:30:00Z")).from.toISOString()).toBe("2027-01-31T23:00:00.000Z"); // 1 February, Paris
    expect(seasonOf(new Date("2027-08-31T21:59:00Z"))).toBe(2026);
    expect(seasonOf(new Date("2027-08-31T22:00:00Z"))).toBe(2027);
    expect(seasonRange(2026)).toEqual({ from: new Date("2026-08-31T22:00:00.000Z"), to: new Date("2027-08-31T22:00:00.000Z") });
  });
});

describe("the coming Sunday (the demo's weekend outing, issue 29)", () => {
  it("is the next Paris Sunday: tomorrow on a Saturday, a week later on a Sunday, whatever the hour in UTC", () => {
    expect(nextParisSunday(parisTime("2026-12-12", 23, 30)).toISOString()).toBe(parisTime("2026-12-13").toISOString());
    expect(nextParisSunday(parisTime("2026-12-13", 0, 30)).toISOString()).toBe(parisTime("2026-12-20").toISOString());
    expect(nextParisSunday(new Date("2026-12-13T23:30:00Z")).toISOString()).toBe(parisTime("2026-12-20").toISOString());
    expect(nextParisSunday(parisTime("2027-03-22", 12)).toISOString()).toBe(parisTime("2027-03-28").toISOString());
  });
});

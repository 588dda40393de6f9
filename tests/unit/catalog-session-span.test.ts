// The catalog's "12 séances du 3 au 28 février" keeps its own logic (what to leave out when the first
// and last sessions share a year, a month or a day) but writes each date with lib/format/dates.ts, and
// compares them as Paris days: a session at 00:30 in Paris is still the day before in UTC.
import { createTranslator } from "next-intl";
import { sessionSpan } from "@/components/offer/catalog-event-card";
import type { EventCard } from "@/lib/catalog/search";
import messages from "@/messages/fr";

const t = createTranslator({ locale: "fr", messages, namespace: "offer" }) as unknown as Parameters<typeof sessionSpan>[1];
const span = (count: number, first: string, last: string) =>
  sessionSpan({ sessionCount: count, firstStartsAt: new Date(first), lastStartsAt: new Date(last) } as EventCard, t);

describe("the span of an event's sessions on the catalog", () => {
  it("names the month once within a month, and the 1st as 1er", () => {
    expect(span(12, "2027-02-03T19:00:00Z", "2027-02-28T19:00:00Z")).toBe("12 séances du 3 au 28 février");
    expect(span(3, "2027-03-01T19:00:00Z", "2027-03-20T19:00:00Z")).toBe("3 séances du 1er au 20 mars");
  });

  it("names both months across two, and both years across two", () => {
    expect(span(4, "2027-02-28T19:00:00Z", "2027-03-03T19:00:00Z")).toBe("4 séances du 28 février au 3 mars");
    expect(span(5, "2026-12-28T19:00:00Z", "2027-01-03T19:00:00Z")).toBe("5 séances du 28 décembre 2026 au 3 janvier 2027");
  });

  it("says the one day when all sessions fall on it", () => {
    expect(span(2, "2027-02-03T13:00:00Z", "2027-02-03T19:00:00Z")).toBe("2 séances le 3 février");
  });

  it("reads the days in Paris: midnight there is still the day before in UTC", () => {
    // 31 January 23:30 UTC is 1 February 00:30 in Paris: both sessions are on 1 February.
    expect(span(2, "2027-01-31T23:30:00Z", "2027-02-01T19:00:00Z")).toBe("2 séances le 1er février");
    expect(span(2, "2027-01-31T22:30:00Z", "2027-02-01T19:00:00Z")).toBe("2 séances du 31 janvier au 1er février");
  });

  it("gives the day of a lone session", () => {
    expect(span(1, "2027-02-03T19:00:00Z", "2027-02-03T19:00:00Z")).toBe("Une séance le 3 février");
  });
});

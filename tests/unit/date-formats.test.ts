// The platform's named date formats (lib/format/dates.ts): each one's exact output on instants where
// dates bite (winter and summer time, both nights of a daylight-saving change, midnight in Paris that
// is still the day before in UTC, a month's end, the 1st, a time on the hour), the same whatever the
// machine's time zone. The suite runs outside Paris (America/New_York, jest.config.ts); try the zones on
// the other side too: TEST_TZ=UTC npx jest tests/unit/date-formats.test.ts, TEST_TZ=Pacific/Auckland …
// (jest.config.ts sets TZ from TEST_TZ: a plain TZ=… is overwritten).
import { formatDateInWords, formatDay, formatMoment, formatMonth, formatSessionDate, formatSessionShort, formatTime } from "@/lib/format/dates";

/** Non-breaking spaces shown as "_", so that each expectation also says where a line may not break. */
const shown = (text: string) => text.replace(/\u00a0/g, "_");

describe(`on a machine set to ${process.env.TZ ?? "its own zone"}`, () => {
  describe("a session, in full (pages about one session, mails, PDFs)", () => {
    it.each([
      ["a winter evening", "2026-12-12T19:30:00Z", "samedi 12 décembre 2026 à_20_h_30"],
      ["a summer evening", "2026-07-04T18:45:00Z", "samedi 4 juillet 2026 à_20_h_45"],
      ["a summer morning, minutes under ten", "2026-07-05T07:05:00Z", "dimanche 5 juillet 2026 à_9_h_05"],
      ["the 1st of a month, on the hour", "2026-12-01T19:00:00Z", "mardi 1er décembre 2026 à_20_h"],
      ["midnight in Paris, still the 31st in UTC", "2026-12-31T23:00:00Z", "vendredi 1er janvier 2027 à_0_h"],
      ["midnight in Paris in summer, still the 14th in UTC", "2027-07-14T22:00:00Z", "jeudi 15 juillet 2027 à_0_h"],
      ["a month's last minute", "2027-02-28T22:59:00Z", "dimanche 28 février 2027 à_23_h_59"],
      ["half an hour later, the next month", "2027-02-28T23:30:00Z", "lundi 1er mars 2027 à_0_h_30"],
      ["spring forward: 1:30 before the change", "2027-03-28T00:30:00Z", "dimanche 28 mars 2027 à_1_h_30"],
      ["spring forward: an hour later is 3:30", "2027-03-28T01:30:00Z", "dimanche 28 mars 2027 à_3_h_30"],
      ["spring forward: that evening, in summer time", "2027-03-28T18:00:00Z", "dimanche 28 mars 2027 à_20_h"],
      ["fall back: 2:30 in summer time", "2026-10-25T00:30:00Z", "dimanche 25 octobre 2026 à_2_h_30"],
      ["fall back: an hour later, 2:30 again in winter time", "2026-10-25T01:30:00Z", "dimanche 25 octobre 2026 à_2_h_30"],
      ["fall back: that evening, in winter time", "2026-10-25T19:00:00Z", "dimanche 25 octobre 2026 à_20_h"],
    ])("%s", (_, instant, expected) => {
      expect(shown(formatSessionDate(new Date(instant)))).toBe(expected);
    });
  });

  describe("a session in a list or a table", () => {
    it.each([
      ["a winter evening", "2026-12-12T19:30:00Z", "sam. 12 déc. 2026 à_20_h_30"],
      ["a summer evening", "2026-07-04T18:45:00Z", "sam. 4 juil. 2026 à_20_h_45"],
      ["the 1st of a month, on the hour", "2026-12-01T19:00:00Z", "mar. 1er déc. 2026 à_20_h"],
      ["midnight in Paris, still the 31st in UTC", "2026-12-31T23:00:00Z", "ven. 1er janv. 2027 à_0_h"],
      ["a month without an abbreviation", "2027-05-31T18:30:00Z", "lun. 31 mai 2027 à_20_h_30"],
      ["spring forward", "2027-03-28T01:30:00Z", "dim. 28 mars 2027 à_3_h_30"],
      ["fall back, second 2:30", "2026-10-25T01:30:00Z", "dim. 25 oct. 2026 à_2_h_30"],
    ])("%s", (_, instant, expected) => {
      expect(shown(formatSessionShort(new Date(instant)))).toBe(expected);
    });
  });

  describe("the moment of an action (journal, mail log, sign-in, cancellation)", () => {
    it.each([
      ["an afternoon in winter", "2026-12-12T13:05:00Z", "12 déc. 2026 à_14_h_05"],
      ["an afternoon in summer", "2026-08-03T12:00:00Z", "3 août 2026 à_14_h"],
      ["just after midnight in Paris, the day before in UTC", "2026-12-31T23:04:00Z", "1er janv. 2027 à_0_h_04"],
      ["fall back, first 2:30", "2026-10-25T00:30:00Z", "25 oct. 2026 à_2_h_30"],
    ])("%s", (_, instant, expected) => {
      expect(shown(formatMoment(new Date(instant)))).toBe(expected);
    });
  });

  describe("a day", () => {
    it.each([
      ["a @db.Date value (midnight UTC) at a month's end", new Date("2026-12-31T00:00:00Z"), "31 décembre 2026"],
      ["a @db.Date value on the 1st", new Date("2027-01-01T00:00:00Z"), "1er janvier 2027"],
      ["a @db.Date value on the night of the spring change", new Date("2027-03-28T00:00:00Z"), "28 mars 2027"],
      ["a @db.Date value on the night of the fall change", new Date("2026-10-25T00:00:00Z"), "25 octobre 2026"],
      ["a day written YYYY-MM-DD", "2027-02-28", "28 février 2027"],
      ["the 1st written YYYY-MM-DD", "2026-09-01", "1er septembre 2026"],
      ["an instant, by its Paris day (midnight in Paris)", new Date("2026-12-31T23:00:00Z"), "1er janvier 2027"],
      ["an instant late in the Paris day", new Date("2027-02-28T22:59:00Z"), "28 février 2027"],
    ])("%s", (_, day, expected) => {
      expect(formatDay(day)).toBe(expected);
    });

    it("gives the pieces of a span: without the year, or the day alone", () => {
      expect(formatDay(new Date("2027-02-03T19:00:00Z"), "dayMonth")).toBe("3 février");
      expect(formatDay(new Date("2027-02-28T22:59:00Z"), "dayMonth")).toBe("28 février");
      expect(formatDay(new Date("2027-02-28T23:30:00Z"), "dayMonth")).toBe("1er mars");
      expect(formatDay(new Date("2027-02-03T19:00:00Z"), "day")).toBe("3");
      expect(formatDay(new Date("2026-12-31T23:00:00Z"), "day")).toBe("1er");
    });

    it("refuses what is not a day", () => {
      expect(() => formatDay("12/12/2026")).toThrow(RangeError);
      expect(() => formatDay(new Date("not a date"))).toThrow(RangeError);
    });
  });

  describe("a month", () => {
    it.each([
      ["in winter", "2026-02-14T19:00:00Z", "février 2026"],
      ["midnight in Paris on the 1st, still the month before in UTC", "2026-12-31T23:00:00Z", "janvier 2027"],
      ["the last minute of a month", "2027-02-28T22:59:00Z", "février 2027"],
    ])("%s", (_, instant, expected) => {
      expect(formatMonth(new Date(instant))).toBe(expected);
    });
  });

  describe("a session in words, for the easy-to-read pages (decision 012)", () => {
    const now = new Date("2026-11-25T10:00:00Z");
    it.each([
      ["a winter evening, this year: no year", "2026-12-12T19:30:00Z", "samedi 12 décembre, le soir, à_20_h_30"],
      ["a morning", "2026-12-13T09:00:00Z", "dimanche 13 décembre, le matin, à_10_h_00"],
      ["noon is the afternoon", "2026-12-13T11:00:00Z", "dimanche 13 décembre, l'après-midi, à_12_h_00"],
      ["5:59 pm is still the afternoon", "2026-12-13T16:59:00Z", "dimanche 13 décembre, l'après-midi, à_17_h_59"],
      ["6 pm is the evening", "2026-12-13T17:00:00Z", "dimanche 13 décembre, le soir, à_18_h_00"],
      ["midnight in Paris, next year: the year", "2026-12-31T23:00:00Z", "vendredi 1er janvier 2027, le matin, à_0_h_00"],
      ["summer time, next year", "2027-07-14T18:45:00Z", "mercredi 14 juillet 2027, le soir, à_20_h_45"],
      ["fall back: the second 2:30", "2026-10-25T01:30:00Z", "dimanche 25 octobre, le matin, à_2_h_30"],
    ])("%s", (_, instant, expected) => {
      expect(shown(formatDateInWords(new Date(instant), now))).toBe(expected);
    });
    it("counts years at Paris time: on New Year's Eve in UTC, Paris is already in the new year", () => {
      expect(shown(formatDateInWords(new Date("2027-01-02T19:00:00Z"), new Date("2026-12-31T23:30:00Z")))).toBe("samedi 2 janvier, le soir, à_20_h_00");
    });
  });

  describe("a time alone", () => {
    it.each([
      ["with minutes", "2026-12-12T19:30:00Z", "20_h_30"],
      ["on the hour", "2026-07-04T18:00:00Z", "20_h"],
      ["midnight and five", "2026-12-31T23:05:00Z", "0_h_05"],
      ["fall back, second 2:30", "2026-10-25T01:30:00Z", "2_h_30"],
    ])("%s", (_, instant, expected) => {
      expect(shown(formatTime(new Date(instant)))).toBe(expected);
    });
  });
});

it("never lets a time split across two lines", () => {
  for (const text of [
    formatSessionDate(new Date("2026-12-12T19:30:00Z")),
    formatSessionShort(new Date("2026-12-12T19:30:00Z")),
    formatMoment(new Date("2026-12-12T19:30:00Z")),
  ]) {
    expect(text).toMatch(/ à\u00a020\u00a0h\u00a030$/);
  }
  expect(formatTime(new Date("2026-12-12T19:00:00Z"))).toBe("20\u00a0h");
});

// Issue 34.1: on the person's pages a date is written in full in the person's language, at Paris time
// whatever the machine's zone, with the Gregorian calendar and Western digits (those of the invitation,
// the booking number and the phone number), and a 24-hour time as in France.
import { formatDateInWords, formatDay, formatSessionShort } from "@/lib/format/dates";

const evening = new Date("2026-12-12T19:30:00Z"); // Saturday 12 December 2026, 20:30 in Paris
const now = new Date("2026-12-01T10:00:00Z");

describe("a date in the person's language", () => {
  it.each([
    ["en", "Saturday 12 December at 20:30"],
    ["ar", "السبت، 12 ديسمبر في 20:30"],
    ["uk", "субота, 12 грудня о 20:30"],
    ["ru", "суббота, 12 декабря в 20:30"],
  ])("in %s, in words, at Paris time", (language, expected) => {
    expect(formatDateInWords(evening, now, language)).toBe(expected);
  });

  it("in Dari, with the Gregorian month and Western digits, not the solar calendar", () => {
    const text = formatDateInWords(evening, now, "fa-AF");
    expect(text).toContain("12");
    expect(text).toContain("20:30");
    expect(text).not.toMatch(/[۰-۹]/);
    expect(text).not.toContain("قوس");
  });

  it("says the year when it is not this one, and midnight in Paris is already the next day", () => {
    expect(formatDateInWords(new Date("2026-12-31T23:00:00Z"), now, "en")).toBe("Friday, 1 January 2027 at 00:00");
  });

  it("in a list, and a day alone", () => {
    expect(formatSessionShort(evening, "en")).toBe("Sat, 12 Dec 2026, 20:30");
    expect(formatDay(evening, "dayMonth", "ru")).toBe("12 декабря");
    expect(formatDay(evening, "full", "uk")).toBe("12 грудня 2026 р.");
  });

  it("stays the French of the staff's pages by default", () => {
    expect(formatDateInWords(evening, now)).toBe("samedi 12 décembre, le soir, à\u00a020\u00a0h\u00a030");
    expect(formatDateInWords(evening, now, "fr")).toBe(formatDateInWords(evening, now));
  });
});

// Issue 29.3: every time a person reads in the easy reading is written one way, the one of decision 012
// ("à 20 h 30"), hours and minutes even on the hour ("à 20 h 00", never "à 20 h"): the offer's cards and
// their "Écouter", an outing's dates, the wish form's dates (formatDateInWords) and the texts sent to the
// person (lib/sms/texts.ts). Each is rendered here at every hour of a day, on the hour and not.
import { formatDateInWords } from "@/lib/format/dates";
import { composeText, TEXT_KINDS } from "@/lib/sms/texts";
import { parisTime } from "@/lib/time";

const NOW = new Date("2026-11-25T10:00:00Z");
const SPACE = "[\\s\\u00a0]";
/** Every time in a text: "20 h 30", "20 h 00", or the other form, "20 h" alone. */
const TIMES = new RegExp(`\\b\\d{1,2}${SPACE}h(?:${SPACE}\\d{2})?\\b`, "g");
const EASY_FORM = new RegExp(`^\\d{1,2}${SPACE}h${SPACE}\\d{2}$`);

const instants = Array.from({ length: 24 }, (_, hour) => [parisTime("2026-12-12", hour), parisTime("2026-12-12", hour, 30)]).flat();

/** The times a text writes, each of which must have its minutes. */
function timesIn(text: string): string[] {
  const times = text.match(TIMES) ?? [];
  expect(times.length).toBeGreaterThan(0);
  return times.filter((time) => !EASY_FORM.test(time));
}

describe("times in the easy reading (decision 012)", () => {
  it("a session in words writes hours and minutes, on the hour too", () => {
    expect(instants.flatMap((instant) => timesIn(formatDateInWords(instant, NOW)))).toEqual([]);
    expect(formatDateInWords(parisTime("2026-12-12", 20), NOW)).toBe("samedi 12 décembre, le soir, à\u00a020\u00a0h\u00a000");
  });

  it.each(TEXT_KINDS)("the text message %s writes hours and minutes, on the hour too", (kind) => {
    const facts = { firstName: "Awa", structure: "L'Escale", title: "Cyrano", venue: "Théâtre des Lilas", address: "12 rue des Lilas, Lyon" };
    expect(instants.flatMap((startsAt) => timesIn(composeText(kind, { ...facts, startsAt }, NOW).text))).toEqual([]);
  });
});

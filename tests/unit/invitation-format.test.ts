// The invitation writes the date in French at the venue's time, whatever the server's time zone, with
// the platform's one format for a session (lib/format/dates.ts, all of its formats in date-formats.test.ts).
import { formatSessionDate } from "@/lib/format/dates";
import { fill } from "@/lib/invitation/format";

const plain = (text: string) => text.replace(/\u00a0/g, " ");

describe("the session's date on the invitation", () => {
  it("is written in French at Paris time, winter and summer", () => {
    expect(plain(formatSessionDate(new Date("2026-12-12T19:30:00Z")))).toBe("samedi 12 décembre 2026 à 20 h 30");
    expect(plain(formatSessionDate(new Date("2026-07-05T07:05:00Z")))).toBe("dimanche 5 juillet 2026 à 9 h 05");
  });

  it("writes the first of the month 1er and a whole hour without minutes", () => {
    expect(plain(formatSessionDate(new Date("2026-12-01T19:00:00Z")))).toBe("mardi 1er décembre 2026 à 20 h");
  });

  it("never splits the time across two lines", () => {
    expect(formatSessionDate(new Date("2026-12-12T19:30:00Z"))).toMatch(/à\u00a020\u00a0h\u00a030$/);
  });
});

describe("fill", () => {
  it("replaces the placeholders it knows and leaves the others", () => {
    expect(fill("Place {position} sur {places} {x}", { position: 1, places: 2 })).toBe("Place 1 sur 2 {x}");
  });
});

// Issue 15: what the statistics' tables and exports write: the same rows and words as the page, counts
// of fewer than 5 people as "< 5" in a file that leaves the association, the offer never masked.
import type { FigureRow } from "@/lib/stats/figures";
import { change, feedbackInWords, partnerStatisticsCsv, rowLabel, shown, statisticsCsv, venueStatisticsCsv } from "@/lib/stats/tables";
import { sideSeason } from "@/lib/stats/sides";

const row = (dimension: FigureRow["dimension"], key: string, figures: Partial<FigureRow> = {}): FigureRow => ({
  dimension,
  key,
  offered: null,
  requested: 0,
  confirmed: 0,
  attended: 0,
  noShows: 0,
  cancelledByPartner: 0,
  cancelledByVenue: 0,
  cancelledByAssociation: 0,
  sessionCancelled: 0,
  expired: 0,
  withdrawn: 0,
  promotions: 0,
  unused: null,
  people: 0,
  structures: 0,
  companions: 0,
  ...figures,
});
const words = (key: string) => `«${key}»`;
const month = (key: string) => `mois ${key}`;
const venues = new Map([["v1", { name: "Théâtre des Lilas", city: "Lyon" }]]);

describe("the statistics' tables", () => {
  it("mask counts of 1 to 4 people in an export that leaves the association, never the offer nor a zero", () => {
    expect(shown("people", 3, { masked: true })).toBe("< 5");
    expect(shown("people", 0, { masked: true })).toBe(0);
    expect(shown("people", 5, { masked: true })).toBe(5);
    expect(shown("offered", 3, { masked: true })).toBe(3);
    expect(shown("people", 3)).toBe(3);
    expect(shown("unused", null)).toBe("");
  });

  it("write a breakdown with its labels and its columns, masked when asked", () => {
    const report = {
      current: [
        row("total", ""),
        row("venue", "v1", { offered: 12, confirmed: 4, attended: 3, people: 2, structures: 1, unused: 8 }),
        row("venue", "v2", { confirmed: 9 }),
      ],
      previous: [],
      venues,
    };
    const { header, rows } = statisticsCsv("lieux", report, { words, month, masked: true });
    expect(header[0]).toBe("«statistics.keyColumn.lieux»");
    expect(header[1]).toBe("«statistics.figures.offered»");
    // By confirmed places, most first; an unknown venue keeps its id.
    expect(rows.map((r) => r[0])).toEqual(["v2", "Théâtre des Lilas (Lyon)"]);
    // Issue 27.3: the unused places would give the confirmed ones back (12 − 8): masked. This total (all
    // zeros) fits no second table, so the whole row but its offer is hidden, its small counts written
    // "masqué" too: "< 5" would tell more than the total allows (tests/unit/statistics-disclosure.test.ts).
    const hidden = "«statistics.masked»";
    expect(rows[1]).toEqual(["Théâtre des Lilas (Lyon)", 12, hidden, hidden, hidden, hidden, hidden, hidden]);
  });

  it("write the season's account beside the period before", () => {
    const report = { current: [row("total", "", { confirmed: 40, offered: 100 })], previous: [row("total", "", { confirmed: 30, offered: 90 })], venues };
    const { header, rows } = statisticsCsv("bilan", report, { words, month });
    expect(header).toEqual(["«statistics.figureColumn»", "«statistics.thisPeriod»", "«statistics.previousPeriod»"]);
    expect(rows[0]).toEqual(["«statistics.figures.offered»", 100, 90]);
    expect(rows[2]).toEqual(["«statistics.figures.confirmed»", 40, 30]);
  });

  it("name rows in words: sectors, months, towns and areas (even unknown), needs", () => {
    expect(rowLabel("secteurs", "SOCIAL", words, venues, month)).toBe("«associationLabels.sector.SOCIAL»");
    expect(rowLabel("mois", "2026-10", words, venues, month)).toBe("mois 2026-10");
    expect(rowLabel("villes", "", words, venues, month)).toBe("«statistics.unknownTown»");
    expect(rowLabel("quartiers", "Lyon|", words, venues, month)).toBe("Lyon — «statistics.unknownArea»");
    expect(rowLabel("besoins", "HEARING_LOOP", words, venues, month)).toBe("«bookingForm.needs.HEARING_LOOP»");
  });

  it("say how a figure changed, in whole percent, and nothing when there is nothing to compare", () => {
    expect(change(120, 100)).toBe(20);
    expect(change(75, 100)).toBe(-25);
    expect(change(5, 0)).toBeNull();
    expect(change(5, undefined)).toBeNull();
  });

  it("write a venue's tables: its account beside the season before, its events with the people's feedback", () => {
    const statistics = {
      rows: [row("total", "", { offered: 20, confirmed: 8, attended: 6, noShows: 2, unused: 12, people: 3 })],
      previous: row("total", "", { offered: 10, confirmed: 4 }),
      events: [
        { title: "Le Cid", sessions: 2, offered: 20, confirmed: 8, attended: 6, noShows: 2, unused: 12, feedback: { LOVED: 2, LIKED: 1, NOT_FOR_ME: 0 } },
        { title: "=Danger", sessions: 1, offered: 0, confirmed: 0, attended: 0, noShows: 0, unused: 0, feedback: { LOVED: 0, LIKED: 0, NOT_FOR_ME: 0 } },
      ],
    };
    const account = venueStatisticsCsv("bilan", statistics, words);
    expect(account.rows[0]).toEqual(["«statistics.figures.offered»", 20, 10]);
    // Its own figures: a venue reads its counts as they are.
    expect(account.rows.find((r) => r[0] === "«statistics.figures.people»")).toEqual(["«statistics.figures.people»", 3, 0]);
    const events = venueStatisticsCsv("evenements", statistics, words);
    expect(events.header).toEqual([
      "«statistics.eventColumn»",
      "«statistics.sessionsColumn»",
      "«statistics.short.offered»",
      "«statistics.short.confirmed»",
      "«statistics.short.attended»",
      "«statistics.short.noShows»",
      "«statistics.short.unused»",
      "«statistics.feedbackColumn»",
    ]);
    expect(events.rows[0]).toEqual([
      "Le Cid",
      2,
      20,
      8,
      6,
      2,
      12,
      "«venue.report.mood.LOVED» : 2 · «venue.report.mood.LIKED» : 1 · «venue.report.mood.NOT_FOR_ME» : 0",
    ]);
    expect(events.rows[1]![7]).toBe("«statistics.noFeedback»");
    expect(feedbackInWords({ LOVED: 0, LIKED: 0, NOT_FOR_ME: 1 }, words)).toContain("NOT_FOR_ME» : 1");
  });

  it("write a structure's tables: its account, its months in order, its categories", () => {
    const statistics = {
      rows: [
        row("total", "", { requested: 5, confirmed: 4, people: 3 }),
        row("month", "2026-11", { confirmed: 1 }),
        row("month", "2026-10", { confirmed: 3 }),
        row("category", "THEATRE", { confirmed: 4, companions: 1 }),
      ],
      previous: null,
    };
    expect(partnerStatisticsCsv("bilan", statistics, words, month).rows[0]).toEqual(["«statistics.figures.confirmed»", 4, ""]);
    const months = partnerStatisticsCsv("mois", statistics, words, month);
    expect(months.header[0]).toBe("«statistics.keyColumn.mois»");
    expect(months.rows.map((r) => r[0])).toEqual(["mois 2026-10", "mois 2026-11"]);
    expect(partnerStatisticsCsv("categories", statistics, words, month).rows).toEqual([["«labels.category.THEATRE»", 0, 4, 0, 0, 0, 1]]);
  });

  it("let a venue and a structure look back on four seasons, the one under way by default", () => {
    const now = new Date("2026-11-25T12:00:00Z");
    expect(sideSeason(undefined, now)).toEqual({ season: 2026, current: 2026, seasons: [2026, 2025, 2024, 2023] });
    expect(sideSeason("2024", now).season).toBe(2024);
    expect(sideSeason(["2023", "2025"], now).season).toBe(2023);
    for (const wrong of ["2022", "2027", "abc", "2025.5", ""]) expect(sideSeason(wrong, now).season).toBe(2026);
  });
});

// Issue 15: what the statistics' tables and exports write: the same rows and words as the page, counts
// of fewer than 5 people as "< 5" in a file that leaves the association, the offer never masked.
import type { FigureRow } from "@/lib/stats/figures";
import { change, rowLabel, shown, statisticsCsv } from "@/lib/stats/tables";

const row = (dimension: FigureRow["dimension"], key: string, figures: Partial<FigureRow> = {}): FigureRow => ({
  dimension, key, offered: null, requested: 0, confirmed: 0, attended: 0, noShows: 0, cancelledByPartner: 0, cancelledByVenue: 0,
  cancelledByAssociation: 0, sessionCancelled: 0, expired: 0, withdrawn: 0, promotions: 0, unused: null, people: 0, structures: 0, companions: 0,
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
    const report = { current: [row("total", ""), row("venue", "v1", { offered: 12, confirmed: 4, attended: 3, people: 2, structures: 1, unused: 8 }), row("venue", "v2", { confirmed: 9 })], previous: [], venues };
    const { header, rows } = statisticsCsv("lieux", report, { words, month, masked: true });
    expect(header[0]).toBe("«statistics.keyColumn.lieux»");
    expect(header[1]).toBe("«statistics.figures.offered»");
    // By confirmed places, most first; an unknown venue keeps its id.
    expect(rows.map((r) => r[0])).toEqual(["v2", "Théâtre des Lilas (Lyon)"]);
    // Structures are not people: their count is never masked.
    expect(rows[1]).toEqual(["Théâtre des Lilas (Lyon)", 12, "< 5", "< 5", 0, 8, "< 5", 1]);
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
});

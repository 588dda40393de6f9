// The tables of the statistics pages and of their CSV exports: the same rows, columns and words, so that
// what a spreadsheet gets is what the page shows. Counts of fewer than 5 people are written "< 5" in
// exports meant to leave the association (MASKED_BELOW): a small count in a small town may point at one
// person; and whatever would let a reader compute one back is masked too (lib/stats/disclosure.ts).
import { absorbing, COUNTS_OF_PEOPLE, lineAdmits, moveKey, MASKED_BELOW, protectedCells, protection, type Marginal, type Shown } from "./disclosure";
import { formatDay, formatMonth } from "@/lib/format/dates";
import { parisTime, seasonLabel } from "@/lib/time";
import { toUrl } from "@/lib/lists";
import type { Dimension, FigureRow, Figures } from "./figures";

export const STAT_TABLES = ["bilan", "secteurs", "mois", "categories", "lieux", "villes", "quartiers", "besoins", "francais"] as const;
export type StatTable = (typeof STAT_TABLES)[number];

/** The breakdowns: the page shows one at a time (BREAKDOWN_DEFAULT unless the URL asks for another). */
export const BREAKDOWN_TABLES = STAT_TABLES.filter((table): table is Exclude<StatTable, "bilan"> => table !== "bilan");
export type BreakdownTable = (typeof BREAKDOWN_TABLES)[number];
export const BREAKDOWN_DEFAULT: BreakdownTable = "mois";

export const TABLE_DIMENSION: Record<Exclude<StatTable, "bilan">, Dimension> = {
  secteurs: "sector",
  mois: "month",
  categories: "category",
  lieux: "venue",
  villes: "town",
  quartiers: "area",
  besoins: "need",
  // Issue 34.4: places on events that need no French, surtitled, or in another language.
  francais: "french",
};

/** The columns of each breakdown: the offer where the dimension has one, the people where it makes sense. */
export const TABLE_COLUMNS: Record<Exclude<StatTable, "bilan">, (keyof Figures)[]> = {
  secteurs: ["requested", "confirmed", "attended", "noShows", "people", "structures", "companions"],
  mois: ["offered", "confirmed", "attended", "noShows", "unused", "people", "structures"],
  categories: ["offered", "confirmed", "attended", "noShows", "unused", "people", "structures"],
  lieux: ["offered", "confirmed", "attended", "noShows", "unused", "people", "structures"],
  villes: ["requested", "confirmed", "attended", "noShows", "people", "structures", "companions"],
  quartiers: ["requested", "confirmed", "attended", "noShows", "people", "structures", "companions"],
  besoins: ["confirmed", "attended", "noShows"],
  francais: ["requested", "confirmed", "attended", "noShows", "people", "structures"],
};

/** The season's account, line by line: what the invitations became. */
export const SUMMARY_LINES: (keyof Figures)[] = [
  "offered",
  "requested",
  "confirmed",
  "attended",
  "noShows",
  "unused",
  "people",
  "structures",
  "companions",
  "promotions",
  "cancelledByPartner",
  "cancelledByVenue",
  "cancelledByAssociation",
  "sessionCancelled",
  "expired",
  "withdrawn",
];

export { MASKED_BELOW } from "./disclosure";

/** A figure on a page, or one count alone: counts of 1 to 4 people as "< 5" when `masked`. A whole table to hand out goes through protectedCells. */
export function shown(name: keyof Figures, value: number | null, { masked = false } = {}): string | number {
  if (value === null) return "";
  if (masked && COUNTS_OF_PEOPLE.has(name) && value > 0 && value < MASKED_BELOW) return `< ${MASKED_BELOW}`;
  return value;
}

/** A cell of a CSV: "" for no figure; for a file that leaves the association, "< 5" or "masqué" (decision 011). */
function cell(value: Shown, words: (key: string) => string): string | number {
  if (value === null) return "";
  if (value === "small") return "< 5";
  if (value === "masked") return words("statistics.masked");
  return value;
}

/** A dimension's rows in the order people read them: months in order, the rest by confirmed places. */
export function rowsOf(rows: FigureRow[], dimension: Dimension): FigureRow[] {
  const of = rows.filter((row) => row.dimension === dimension);
  return dimension === "month" ? of.sort((a, b) => a.key.localeCompare(b.key)) : of.sort((a, b) => b.confirmed - a.confirmed || a.key.localeCompare(b.key));
}

export function totalOf(rows: FigureRow[]): FigureRow | undefined {
  return rows.find((row) => row.dimension === "total");
}

/** Change from the previous period, in whole percent; null when there is nothing to compare with. */
export function change(current: number | null, previous: number | null | undefined): number | null {
  if (current === null || previous === null || previous === undefined || previous === 0) return null;
  return Math.round(((current - previous) / previous) * 100);
}

/** What a row of a breakdown is called: a sector, a month, a venue, a town… in words. */
export function rowLabel(
  table: Exclude<StatTable, "bilan">,
  key: string,
  words: (key: string) => string,
  venues: Map<string, { name: string; city: string }>,
  month: (key: string) => string,
): string {
  switch (table) {
    case "secteurs":
      return words(`associationLabels.sector.${key}`);
    case "mois":
      return month(key);
    case "francais":
      return words(`labels.frenchNeed.${key}`);
    case "categories":
      return words(`labels.category.${key}`);
    case "lieux": {
      const venue = venues.get(key);
      return venue ? `${venue.name} (${venue.city})` : key;
    }
    case "villes":
      return key || words("statistics.unknownTown");
    case "quartiers": {
      const [town, area] = key.split("|") as [string, string];
      return `${town || words("statistics.unknownTown")} — ${area || words("statistics.unknownArea")}`;
    }
    case "besoins":
      return words(`bookingForm.needs.${key}`);
  }
}

/**
 * One table as CSV (lib/csv.ts: semicolons, a byte-order mark): the season's account ("bilan", with the
 * previous period beside it) or a breakdown. `masked`: for an export that leaves the association.
 */
export function statisticsCsv(
  table: StatTable,
  report: { current: FigureRow[]; previous: FigureRow[]; venues: Map<string, { name: string; city: string }> },
  { words, month, masked = false }: { words: (key: string) => string; month: (key: string) => string; masked?: boolean },
): { header: string[]; rows: (string | number)[][] } {
  if (table === "bilan")
    return summaryCsv(SUMMARY_LINES, totalOf(report.current), totalOf(report.previous) ?? null, words, {
      masked,
      account: masked ? (externalPlan(report.current)?.account ?? null) : null,
    });
  const columns = TABLE_COLUMNS[table];
  const rows = rowsOf(report.current, TABLE_DIMENSION[table]);
  const values = rows.map((row) => columns.map((name) => row[name]));
  const cells = masked ? (externalPlan(report.current)?.cells.get(table) ?? protectedCells(columns, values)) : values;
  return {
    header: [words(`statistics.keyColumn.${table}`), ...columns.map((name) => words(`statistics.figures.${name}`))],
    rows: rows.map((row, r) => [rowLabel(table, row.key, words, report.venues, month), ...cells[r]!.map((value) => cell(value, words))]),
  };
}

/**
 * What a reader of a breakdown knows besides it: the season's totals as the account to hand out shows
 * them (every row adds up to them, but the needs: a guest may have several), and for the areas each
 * town's row as the towns' file to hand out shows it. Each is protected as its own file is, so that the
 * files agree with each other (decision 011).
 */
function marginalsOf(table: Exclude<StatTable, "bilan">, rows: FigureRow[], report: FigureRow[], account: Shown[], townFile?: Shown[][]): Marginal[] {
  const total = totalOf(report);
  if (table === "besoins" || !total) return [];
  const columns = TABLE_COLUMNS[table];
  const accountValues = SUMMARY_LINES.map((name) => total[name]);
  const totalMarginal: Marginal = {
    values: columns.map((name) => total[name]),
    parts: rows.map((_, index) => index),
    shown: columns.map((name) => account[SUMMARY_LINES.indexOf(name)]!),
    // The account's other lines follow as its own relations ask (requested, companions, cancellations).
    // `opened`: the account's lines the move would mask (externalPlan then masks them).
    admits: (pattern, opened) =>
      lineAdmits(
        SUMMARY_LINES,
        accountValues,
        account.map((shown, line) => (opened.includes(columns.indexOf(SUMMARY_LINES[line]!)) ? "masked" : shown)),
        (line) => {
          const column = columns.indexOf(SUMMARY_LINES[line]!);
          return column >= 0 ? pattern[column] : undefined;
        },
      ),
  };
  if (table !== "quartiers") return [totalMarginal];
  // The towns' file, protected as /export?table=villes protects it.
  const towns = rowsOf(report, "town");
  const townCells =
    townFile ??
    protectedCells(
      TABLE_COLUMNS.villes,
      towns.map((town) => TABLE_COLUMNS.villes.map((name) => town[name])),
      [{ ...totalMarginal, parts: towns.map((_, index) => index) }],
    );
  const byTown = new Map<string, number[]>();
  rows.forEach((row, index) => {
    const town = row.key.split("|")[0]!;
    byTown.set(town, [...(byTown.get(town) ?? []), index]);
  });
  const marginals = [totalMarginal];
  for (const [key, parts] of byTown) {
    const t = towns.findIndex((town) => town.key === key);
    if (t >= 0) {
      marginals.push({ values: columns.map((name) => towns[t]![name]), parts, shown: townCells[t]! });
      continue;
    }
    // A town without its row (not read with the areas): its additive figures from its areas, the others unknown.
    const sum = (name: keyof Figures) =>
      parts.some((index) => rows[index]![name] === null) ? null : parts.reduce((s, index) => s + (rows[index]![name] as number), 0);
    marginals.push({ values: columns.map((name) => (name === "people" || name === "structures" ? null : sum(name))), parts });
  }
  return marginals;
}

/**
 * What the files to hand out show, decided together (decision 011): the season's account and every
 * breakdown. Where a breakdown's "< 5" can be protected only by hiding a total (a total of 6 made of a
 * venue's 5 and another's "< 5": that one is 1), the account masks that total too, and is protected again.
 * A second table that moves the season's total (the account's own, or a breakdown's whose row moves with
 * it) must be followed by a row of every other breakdown, or their rows, which add up to the same total,
 * would give it back: the cells that row needs are masked there. Until nothing more is masked.
 */
export type ExternalPlan = {
  account: Shown[];
  cells: Map<BreakdownTable, Shown[][]>;
  /** The small counts left without a second table, file by file ("bilan" for the account): none on every table tried. */
  unprotected: Partial<Record<StatTable, number[]>>;
};
const PLANS = new WeakMap<FigureRow[], ExternalPlan | null>();
export function externalPlan(report: FigureRow[]): ExternalPlan | null {
  if (PLANS.has(report)) return PLANS.get(report)!;
  const total = totalOf(report);
  if (!total) return null;
  const values = SUMMARY_LINES.map((name) => total[name]);
  const forced = new Set<number>();
  // Moves of the total some breakdown has no row to follow: no second table may use them.
  const refused = new Set<string>();
  const forcedIn = new Map<BreakdownTable, Set<number>>(BREAKDOWN_TABLES.map((table) => [table, new Set<number>()]));
  const tables = BREAKDOWN_TABLES.flatMap((table) => {
    const rows = rowsOf(report, TABLE_DIMENSION[table]);
    return rows.length === 0 ? [] : [{ table, rows, values: rows.map((row) => TABLE_COLUMNS[table].map((name) => row[name])) }];
  });
  for (;;) {
    let grew = false;
    const own = protection(SUMMARY_LINES, [values], [], { forced, isTotal: true, refused });
    const account = own.cells[0]!;
    const moves: { from: BreakdownTable | null; move: Partial<Record<keyof Figures, number>> }[] = own.totalMoves.map((move) => ({ from: null, move }));
    const cells = new Map<BreakdownTable, Shown[][]>();
    const unprotected: ExternalPlan["unprotected"] = own.unprotected.length ? { bilan: own.unprotected } : {};
    for (const { table, rows, values: tableValues } of tables) {
      const columns = TABLE_COLUMNS[table];
      const marginals = marginalsOf(table, rows, report, account, cells.get("villes"));
      const result = protection(columns, tableValues, marginals, { openMarginals: true, forced: forcedIn.get(table), refused });
      cells.set(table, result.cells);
      if (result.unprotected.length) unprotected[table] = result.unprotected;
      moves.push(...result.totalMoves.map((move) => ({ from: table, move })));
      for (const cell of result.required) {
        // Only the account's cells (the first marginal): a town's are the towns' file's own.
        if (cell >= columns.length) continue;
        const line = SUMMARY_LINES.indexOf(columns[cell]!);
        if (!forced.has(line)) grew = forced.add(line) !== null;
      }
    }
    // The needs do not add up to the total (a guest may have several); an area's row moves its town too
    // (decision 011: what is left).
    for (const { from, move } of moves) {
      for (const { table, values: tableValues } of tables) {
        if (table === from || table === "besoins" || table === "quartiers") continue;
        const masks = absorbing(TABLE_COLUMNS[table], tableValues, cells.get(table)!, move);
        if (!masks && !refused.has(moveKey(move))) grew = refused.add(moveKey(move)) !== null;
        for (const cell of masks ?? []) {
          if (!forcedIn.get(table)!.has(cell)) grew = forcedIn.get(table)!.add(cell) !== null;
        }
      }
    }
    if (!grew) {
      const plan = { account, cells, unprotected };
      PLANS.set(report, plan);
      return plan;
    }
  }
}

/**
 * A report's figures as they may leave the association (the printed report, issue 27.3): the account, the
 * period before and each breakdown's cells as the files to hand out write them (externalPlan), so that the
 * paper and the files agree and neither gives back what the other hides.
 */
export function handedOut(report: { current: FigureRow[]; previous: FigureRow[] }, masked: string) {
  const plan = externalPlan(report.current);
  const now = totalOf(report.current);
  const before = totalOf(report.previous);
  const periods = [now, before].map((row) => SUMMARY_LINES.map((name) => row?.[name] ?? 0));
  const previous = before ? protectedCells(SUMMARY_LINES, periods)[1]! : null;
  const words = () => masked;
  const at = (cells: Shown[] | null | undefined, names: readonly (keyof Figures)[], name: keyof Figures) => {
    const value = cells?.[names.indexOf(name)];
    return value === undefined ? "" : cell(value, words);
  };
  return {
    current: (name: keyof Figures) => at(plan?.account, SUMMARY_LINES, name),
    previous: (name: keyof Figures) => at(previous, SUMMARY_LINES, name),
    /** A breakdown's cell, its rows in the order of rowsOf. */
    cell: (table: BreakdownTable, row: number, name: keyof Figures) => at(plan?.cells.get(table)?.[row], TABLE_COLUMNS[table], name),
  };
}

/** A month key of the figures ("2026-10") in words: "octobre 2026". */
export function monthLabel(key: string): string {
  return formatMonth(parisTime(`${key}-01`));
}

/** How a figure changed, in words ("en hausse de 12 %"), from the "statistics" catalog. */
export function changeInWords(
  t: (key: "noPrevious" | "changeUp" | "changeDown" | "changeFlat", values?: { percent: number }) => string,
  current: number | null,
  previous: number | null | undefined,
): string {
  const percent = change(current, previous);
  return percent === null ? t("noPrevious") : percent > 0 ? t("changeUp", { percent }) : percent < 0 ? t("changeDown", { percent: -percent }) : t("changeFlat");
}

/** The words of a statistics period in the URL (lib/lists.ts, issue 28.5), read by `readPeriodFilters` (report.ts). */
export const PERIOD_WORDS = { season: "saison", from: "du", to: "au", breakdown: "repartition" } as const;

/** The period a report is about, in words and as the query of its links (the page, its exports, its one-page report). */
export function periodOf(
  report: { season: number | null; range: { from: string; to: string } | null },
  t: (key: "periodSeason" | "periodRange", values: Record<string, string>) => string,
): { words: string; query: string } {
  if (report.season !== null)
    return { words: t("periodSeason", { label: seasonLabel(report.season) }), query: toUrl(PERIOD_WORDS, { season: report.season }).slice(1) };
  const { from, to } = report.range!;
  return { words: t("periodRange", { from: formatDay(from), to: formatDay(to) }), query: toUrl(PERIOD_WORDS, { from, to }).slice(1) };
}

/** The tables a venue's and a structure's statistics pages show, each downloadable as CSV. */
export const VENUE_TABLES = ["bilan", "evenements"] as const;
export const PARTNER_TABLES = ["bilan", "mois", "categories"] as const;
/** The figures of each side's account and breakdowns: what the pages show. */
export const VENUE_SUMMARY: (keyof Figures)[] = ["offered", "confirmed", "attended", "noShows", "unused", "people"];
export const VENUE_EVENT_COLUMNS = ["offered", "confirmed", "attended", "noShows", "unused"] as const;
export const PARTNER_SUMMARY: (keyof Figures)[] = ["confirmed", "attended", "noShows", "people", "companions", "cancelledByPartner"];
export const PARTNER_COLUMNS: (keyof Figures)[] = ["requested", "confirmed", "attended", "noShows", "people", "companions"];

type Moods = { LOVED: number; LIKED: number; NOT_FOR_ME: number };

/** An event's feedback in words ("Adoré : 3 · Aimé : 1 · Pas pour moi : 0"), or that there is none yet. */
export function feedbackInWords(feedback: Moods, words: (key: string) => string): string {
  if (feedback.LOVED + feedback.LIKED + feedback.NOT_FOR_ME === 0) return words("statistics.noFeedback");
  return (["LOVED", "LIKED", "NOT_FOR_ME"] as const).map((key) => `${words(`venue.report.mood.${key}`)} : ${feedback[key]}`).join(" · ");
}

/** An account as CSV rows: these figures for the period and the one before (the association's, a venue's, a structure's). */
function summaryCsv(
  names: readonly (keyof Figures)[],
  current: FigureRow | undefined,
  previous: FigureRow | null,
  words: (key: string) => string,
  { masked = false, account = null as Shown[] | null } = {},
) {
  const periods = [names.map((name) => current?.[name] ?? 0), names.map((name) => previous?.[name] ?? null)];
  // Each period is a row of figures bound by the same relations as a breakdown's row; this period's as
  // the breakdowns need it (externalPlan).
  const [now, before] = masked ? protectedCells(names, periods).map((cells, i) => (i === 0 && account ? account : cells)) : periods;
  return {
    header: [words("statistics.figureColumn"), words("statistics.thisPeriod"), words("statistics.previousPeriod")],
    rows: names.map((name, i) => [words(`statistics.figures.${name}`), cell(now![i]!, words), cell(before![i]!, words)]),
  };
}

/** A venue's table as CSV: its account, or its events with the feedback. Its own figures: nothing masked. */
export function venueStatisticsCsv(
  table: (typeof VENUE_TABLES)[number],
  statistics: {
    rows: FigureRow[];
    previous: FigureRow | null;
    events: ({ title: string; sessions: number; feedback: Moods } & Record<(typeof VENUE_EVENT_COLUMNS)[number], number>)[];
  },
  words: (key: string, values?: Record<string, string | number>) => string,
): { header: string[]; rows: (string | number)[][] } {
  if (table === "bilan") return summaryCsv(VENUE_SUMMARY, totalOf(statistics.rows), statistics.previous, words);
  return {
    header: [
      words("statistics.eventColumn"),
      words("statistics.sessionsColumn"),
      ...VENUE_EVENT_COLUMNS.map((name) => words(`statistics.short.${name}`)),
      words("statistics.feedbackColumn"),
    ],
    rows: statistics.events.map((event) => [
      event.title,
      event.sessions,
      ...VENUE_EVENT_COLUMNS.map((name) => event[name]),
      feedbackInWords(event.feedback, words),
    ]),
  };
}

/** A structure's table as CSV: its account, or its outings by month or by category. */
export function partnerStatisticsCsv(
  table: (typeof PARTNER_TABLES)[number],
  statistics: { rows: FigureRow[]; previous: FigureRow | null },
  words: (key: string) => string,
  month: (key: string) => string,
): { header: string[]; rows: (string | number)[][] } {
  if (table === "bilan") return summaryCsv(PARTNER_SUMMARY, totalOf(statistics.rows), statistics.previous, words);
  return {
    header: [words(`statistics.keyColumn.${table}`), ...PARTNER_COLUMNS.map((name) => words(`statistics.short.${name}`))],
    rows: rowsOf(statistics.rows, TABLE_DIMENSION[table]).map((row) => [
      rowLabel(table, row.key, words, new Map(), month),
      ...PARTNER_COLUMNS.map((name) => cell(row[name], words)),
    ]),
  };
}

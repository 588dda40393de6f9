// What an export meant to leave the association may show (decision 011, "Complementary suppression",
// issue 27.3). Counts of 1 to 4 people are masked ("primary"); but a masked count must not follow from
// what is shown: the offer minus the unused places gives the confirmed ones, the total minus the other
// rows gives the last, the structures bound the people. So the table is read as a reader would, with
// every relation its figures obey (taken as exact even where they only bound: a finished season makes
// them exact), and while a masked cell can be computed, one more cell of a relation holding it is masked
// ("complementary"), the smallest first, the offer last (it is public elsewhere).
import type { Figures } from "./figures";

export const MASKED_BELOW = 5;

/** A cell as the file writes it: its number, "< 5" (1 to 4), or masked (0 or 5 and more: a complement). */
export type Shown = number | null | "small" | "masked";

type Term = { cell: number; sign: 1 | -1 };
/** Σ sign·cell = 0 (a known constant is a fixed cell with sign −1). */
type Equation = Term[];

/** Counts of places or people: primary suppression below 5. The offer is not one; structures are bounded below. */
export const COUNTS_OF_PEOPLE = new Set<keyof Figures>(["requested", "confirmed", "attended", "noShows", "people", "companions", "cancelledByPartner", "cancelledByVenue", "cancelledByAssociation", "sessionCancelled", "expired", "withdrawn", "promotions"]);
/** Figures that add up across the rows of a breakdown (distinct people and structures do not). */
const ADDITIVE = new Set<keyof Figures>(["offered", "requested", "confirmed", "attended", "noShows", "unused", "companions", "cancelledByPartner", "cancelledByVenue", "cancelledByAssociation", "sessionCancelled", "expired", "withdrawn", "promotions"]);
const CANCELLED: (keyof Figures)[] = ["cancelledByPartner", "cancelledByVenue", "cancelledByAssociation", "sessionCancelled", "expired", "withdrawn"];

/** A row's own relations, as a reader may take them: each left side is the sum of its right side. */
export const ROW_RELATIONS: [keyof Figures, (keyof Figures)[]][] = [
  ["offered", ["confirmed", "unused"]], // unused = offered − confirmed once the sessions are past
  ["confirmed", ["attended", "noShows"]], // once attendance is recorded
  ["confirmed", ["people", "companions"]], // when nobody came twice
  ["requested", ["confirmed", ...CANCELLED]], // when nobody is still waiting
];
/** A row's bounds: each figure is at most the next (a structure has a person, a person a place). */
export const ROW_BOUNDS: (keyof Figures)[][] = [["structures", "people", "confirmed"]];

/**
 * The cells to show of `rows` (one per row of the file, `names` its columns) given `marginals`: rows the
 * reader knows from elsewhere (the season's totals, a town's row for its areas), each with the indexes of
 * the rows that add up to it. A marginal is masked only where it is itself 1 to 4.
 */
export function protectedCells(
  names: readonly (keyof Figures)[],
  rows: readonly (number | null)[][],
  marginals: readonly { values: readonly (number | null)[]; parts: readonly number[] }[] = [],
): Shown[][] {
  const width = names.length;
  const values = [...rows, ...marginals.map((m) => m.values)].flat();
  const fixed = rows.length * width; // cells from here on are marginals: known unless small, never complements
  const at = (row: number, name: keyof Figures) => {
    const column = names.indexOf(name);
    return column < 0 || values[row * width + column] === null || values[row * width + column] === undefined ? -1 : row * width + column;
  };
  const equations: Equation[] = [];
  const bounds: [number, number][] = [];
  const allRows = rows.length + marginals.length;
  for (let row = 0; row < allRows; row++) {
    for (const [whole, parts] of ROW_RELATIONS) {
      const cells = [whole, ...parts].map((name) => at(row, name));
      if (cells.every((cell) => cell >= 0)) equations.push(cells.map((cell, i) => ({ cell, sign: i === 0 ? 1 : -1 })));
    }
    for (const chain of ROW_BOUNDS) {
      const cells = chain.map((name) => at(row, name)).filter((cell) => cell >= 0);
      for (let i = 1; i < cells.length; i++) bounds.push([cells[i - 1]!, cells[i]!]);
    }
  }
  marginals.forEach((marginal, m) => {
    names.forEach((name, column) => {
      if (!ADDITIVE.has(name)) return;
      const whole = (rows.length + m) * width + column;
      const parts = marginal.parts.map((row) => row * width + column);
      if ([whole, ...parts].some((cell) => values[cell] === null)) return;
      equations.push([{ cell: whole, sign: 1 }, ...parts.map((cell) => ({ cell, sign: -1 as const }))]);
    });
  });

  const small = (cell: number) => {
    const value = values[cell];
    return typeof value === "number" && value > 0 && value < MASKED_BELOW;
  };
  const preference = (cell: number) => {
    const value = values[cell] as number;
    return (names[cell % width] === "offered" ? 2e9 : 0) + (value >= MASKED_BELOW ? value : 1e9);
  };
  const masked = new Set<number>();
  values.forEach((_, cell) => {
    if (small(cell) && COUNTS_OF_PEOPLE.has(names[cell % width]!)) masked.add(cell);
  });
  // The structures bound the people: where a count of the row is masked, so are they when 1 to 4.
  for (const [lower, upper] of bounds) if (masked.has(upper) && small(lower)) masked.add(lower);

  // Greedy, one complement at a time: among the cells of the relations holding a computable cell, the one
  // after which the fewest cells stay computable; then a count of 5 or more before a zero (masking a zero
  // rarely hides anything), the smallest, the offer last.
  // The shown cells nearest a computable one: in its relations, or else in those of the masked cells there
  // (the leak may come from further: the offer minus the unused places gives a masked confirmed count,
  // which with the attendance gives a small one).
  const around = (found: number): number[] => {
    const seen = new Set([found]);
    for (let ring = [found]; ring.length > 0; ) {
      const next = [...new Set(ring.flatMap((cell) => equations.filter((equation) => equation.some((term) => term.cell === cell)).flatMap((equation) => equation.map((term) => term.cell))))].filter((cell) => !seen.has(cell));
      next.forEach((cell) => seen.add(cell));
      const shownCells = next.filter((cell) => cell < fixed && !masked.has(cell) && values[cell] !== null).sort((a, b) => preference(a) - preference(b));
      if (shownCells.length > 0) return shownCells;
      ring = next.filter((cell) => masked.has(cell));
    }
    return [];
  };
  // First the classic rule, cheap at any size: no relation holds exactly one masked cell.
  for (let again = true; again; ) {
    again = false;
    for (const equation of equations) {
      if (equation.filter((term) => masked.has(term.cell)).length !== 1) continue;
      const complement = equation.map((term) => term.cell).filter((cell) => cell < fixed && !masked.has(cell) && values[cell] !== null).sort((a, b) => preference(a) - preference(b))[0];
      if (complement === undefined) continue;
      masked.add(complement);
      again = true;
    }
  }
  // Then the reader's full reading, while a small count can still be computed. Its cost grows with the
  // rows times the complements: a large table (a venue's breakdown at national scale has 1,500 rows) keeps
  // the classic rule alone.
  const large = rows.length > 25;
  for (let computed = large ? [] : computable(values, masked, equations, bounds); computed.length > 0; ) {
    const candidates = computed.map((found) => around(found)).find((cells) => cells.length > 0);
    if (candidates === undefined) break; // nothing left to mask around them: every cell of their relations is masked
    let best = { cell: -1, computed: [] as number[] };
    for (const cell of candidates.slice(0, 6)) {
      const after = computable(values, new Set([...masked, cell]), equations, bounds);
      if (best.cell < 0 || after.length < best.computed.length) best = { cell, computed: after };
      if (after.length === 0) break;
    }
    masked.add(best.cell);
    computed = best.computed;
  }

  return rows.map((row, r) => row.map((value, column) => (value === null || !masked.has(r * width + column) ? value : small(r * width + column) ? "small" : "masked")));
}

/**
 * The masked cells the reader can compute: bounds carried through the relations until nothing changes
 * ("< 5" is 1 to 4; a masked complement is 0 or at least 5).
 */
function computable(values: readonly (number | null)[], masked: ReadonlySet<number>, equations: Equation[], bounds: [number, number][]): number[] {
  const lo = values.map((value, cell) => (masked.has(cell) ? (isSmall(value) ? 1 : 0) : (value ?? 0)));
  const hi = values.map((value, cell) => (masked.has(cell) ? (isSmall(value) ? MASKED_BELOW - 1 : Infinity) : (value ?? 0)));
  const narrow = (cell: number, low: number, high: number) => {
    let [l, h] = [Math.max(lo[cell]!, low), Math.min(hi[cell]!, high)];
    if (!isSmall(values[cell])) {
      if (l > 0 && l < MASKED_BELOW) l = MASKED_BELOW;
      if (h > 0 && h < MASKED_BELOW) h = 0;
    }
    if (l > h || (l === lo[cell] && h === hi[cell])) return false; // a relation that does not hold here: ignored
    [lo[cell], hi[cell]] = [l, h];
    return true;
  };
  // Only relations holding a masked cell can teach anything.
  const useful = equations.filter((equation) => equation.some((term) => masked.has(term.cell)));
  for (let changed = true, rounds = 0; changed && rounds < 30; rounds++) {
    changed = false;
    for (const equation of useful) {
      // Σ sign·x = 0: the range of Σ sign·x over every term, then each masked term against the others.
      let low = 0;
      let high = 0;
      for (const { cell, sign } of equation) {
        low += sign === 1 ? lo[cell]! : -hi[cell]!;
        high += sign === 1 ? hi[cell]! : -lo[cell]!;
      }
      for (const { cell, sign } of equation) {
        if (!masked.has(cell)) continue;
        const own = sign === 1 ? [lo[cell]!, hi[cell]!] : [-hi[cell]!, -lo[cell]!];
        // others' range, from the whole's range minus this term's (an infinite bound does not subtract)
        const othersLow = own[0] === -Infinity || own[0] === Infinity ? othersBound(equation, cell, lo, hi, "low") : low - own[0]!;
        const othersHigh = own[1] === Infinity || own[1] === -Infinity ? othersBound(equation, cell, lo, hi, "high") : high - own[1]!;
        // sign·x = −others
        const [l, h] = sign === 1 ? [-othersHigh, -othersLow] : [othersLow, othersHigh];
        if (narrow(cell, l, h)) changed = true;
      }
    }
    for (const [lower, upper] of bounds) {
      if (masked.has(lower) && narrow(lower, -Infinity, hi[upper]!)) changed = true;
      if (masked.has(upper) && narrow(upper, lo[lower]!, Infinity)) changed = true;
    }
  }
  // Only the small counts are to protect: a complement found again (0, or 5 and more) tells nothing small.
  return [...masked].filter((cell) => isSmall(values[cell]) && lo[cell] === hi[cell]);
}

/** The others' bound of an equation, summed again (when this term's own bound is infinite). */
function othersBound(equation: Equation, skip: number, lo: number[], hi: number[], which: "low" | "high"): number {
  let sum = 0;
  for (const { cell, sign } of equation) {
    if (cell === skip) continue;
    sum += which === "low" ? (sign === 1 ? lo[cell]! : -hi[cell]!) : sign === 1 ? hi[cell]! : -lo[cell]!;
  }
  return sum;
}

function isSmall(value: number | null | undefined): boolean {
  return typeof value === "number" && value > 0 && value < MASKED_BELOW;
}

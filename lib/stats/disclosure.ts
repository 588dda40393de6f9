// What an export meant to leave the association may show (decision 011, "A suppression that proves itself"
// and "Files read together", issue 27.3). Counts of 1 to 4 people are written "< 5"; none of them may follow
// from what is shown: the offer minus the unused places, the total minus the other rows, the structures
// bounding the people. The proof kept for each is a second table, different in that cell, that agrees with
// everything the file and the other files to hand out show and with every relation the figures obey:
// whoever reads them cannot tell the two apart, so cannot compute the cell. While one has no such table,
// the cells the cheapest one needs are masked too ("masqué", which may be any number); where "< 5" itself
// gives the count away, it is written "masqué" as well. The second tables are local (one row and its
// marginals, or two rows moving in opposite directions), so the cost grows with the number of rows, not
// its square; tables.ts (externalPlan) makes the files' second tables agree.
import type { Figures } from "./figures";

export const MASKED_BELOW = 5;

/** How a line moves in a second table, figure by figure. */
export type Move = Partial<Record<keyof Figures, number>>;
/** A move of the season's total as the breakdowns see it (what their rows add up to), in one spelling. */
export const moveKey = (move: Move) =>
  Object.entries(move)
    .filter(([name, delta]) => ADDITIVE.has(name as keyof Figures) && delta !== 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, delta]) => `${name}${delta! > 0 ? "+" : ""}${delta}`)
    .join(" ");

/** A cell as the file writes it: its number, "< 5" (1 to 4), or masked (any number: a complement, or a small count "< 5" would give away). */
export type Shown = number | null | "small" | "masked";

/** Counts of places or people: primary suppression below 5. The offer is not one; nor are the structures. */
export const COUNTS_OF_PEOPLE = new Set<keyof Figures>([
  "requested",
  "confirmed",
  "attended",
  "noShows",
  "people",
  "companions",
  "cancelledByPartner",
  "cancelledByVenue",
  "cancelledByAssociation",
  "sessionCancelled",
  "expired",
  "withdrawn",
  "promotions",
]);
/** Figures that add up across the rows of a breakdown (distinct people and structures do not). */
const ADDITIVE = new Set<keyof Figures>([
  "offered",
  "requested",
  "confirmed",
  "attended",
  "noShows",
  "unused",
  "companions",
  "cancelledByPartner",
  "cancelledByVenue",
  "cancelledByAssociation",
  "sessionCancelled",
  "expired",
  "withdrawn",
  "promotions",
]);
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

const SHOWN = 0;
const SMALL = 1;
const MASKED = 2;
/** Masking the offer costs this many other cells: it is public elsewhere, hidden only when nothing else will do. */
const OFFER_COST = 1000;
/** Rows of a kind tried before the search moves on (a kind: the same masked columns). */
const TRIES_PER_KIND = 64;
/** Masking a cell of another file (the account) costs more than anything here: the last resort. */
const MARGINAL_COST = 10_000;

const isSmall = (value: number | null | undefined) => typeof value === "number" && value > 0 && value < MASKED_BELOW;
/**
 * How a hidden cell is written: a count of people from 1 to 4 "< 5"; anything else hidden (a complement, the
 * offer, the unused places, the structures) "masqué", which says nothing of the number: small counts are
 * written "masqué" too where "< 5" would give them away, so a reader may not take "masqué" as 0 or 5 and more.
 */
const hiddenOf = (name: keyof Figures, value: number | null | undefined) => (COUNTS_OF_PEOPLE.has(name) && isSmall(value) ? SMALL : MASKED);

/** A marginal: a row the reader knows from another file (the season's totals, a town's row), the rows adding up to it, and how that file shows it. */
export type Marginal = {
  values: readonly (number | null)[];
  parts: readonly number[];
  shown?: readonly Shown[];
  /**
   * How its own file lets it move by this pattern of the breakdown's columns (the account has more lines,
   * bound by more relations), `opened` the columns the move would mask there; null when it does not.
   */
  admits?: (pattern: Int8Array, opened: readonly number[]) => Move | null;
};

/**
 * The cells to show of `rows` (one per row of the file, `names` its columns) given `marginals`. Each
 * marginal is shown as `shown` says (by default: exact, "< 5" where a count is 1 to 4): it is never masked
 * here, its own file decides.
 */
export function protectedCells(names: readonly (keyof Figures)[], rows: readonly (number | null)[][], marginals: readonly Marginal[] = []): Shown[][] {
  return protection(names, rows, marginals).cells;
}

/** protectedCells, and the "< 5" cells left without a second table (none, unless the relations leave no room at all). */
export function protection(
  names: readonly (keyof Figures)[],
  rows: readonly (number | null)[][],
  marginals: readonly Marginal[] = [],
  {
    forced = new Set<number>(),
    openMarginals = false,
    isTotal = false,
    refused = new Set<string>(),
  }: {
    forced?: ReadonlySet<number>;
    openMarginals?: boolean;
    /** The one row is the season's total (the account). */
    isTotal?: boolean;
    /** Moves of the season's total (moveKey) another breakdown cannot follow: no second table may use them. */
    refused?: ReadonlySet<string>;
  } = {},
) {
  const width = names.length;
  const lines = [...rows, ...marginals.map((m) => m.values)];
  const values = lines.flat();
  const fixedFrom = rows.length * width; // marginal cells: their state is given
  const state = values.map((value, cell) => {
    if (cell >= fixedFrom) {
      const given = marginals[Math.floor(cell / width) - rows.length]!.shown?.[cell % width];
      if (given !== undefined) return given === "small" ? SMALL : given === "masked" ? MASKED : SHOWN;
    }
    if (forced.has(cell) && value !== null) return hiddenOf(names[cell % width]!, value);
    return isSmall(value) && COUNTS_OF_PEOPLE.has(names[cell % width]!) ? SMALL : SHOWN;
  });
  const offered = names.indexOf("offered");
  const additive = marginals.length === 0 ? [] : names.flatMap((name, column) => (ADDITIVE.has(name) ? [column] : []));
  const absent = names.flatMap((_, column) => (lines.every((line) => line[column] === null) ? [column] : []));
  const { byColumn, byProjection, metaOf } = patternsOf(names, additive, absent);
  // The marginals holding each row (two rows holding the same ones move without touching them).
  const holding = rows.map(() => [] as number[]);
  marginals.forEach((marginal, m) => marginal.parts.forEach((row) => holding[row]!.push(m)));
  const groupOf = holding.map((list) => list.join(","));

  // Rows by group and by kind (the bit set of their hidden columns), small rows first: a complement is
  // sought among the rows of the fewest places.
  const kinds = new Map<string, Map<number, Set<number>>>();
  const kindOf = (row: number) => names.reduce((bits, _, column) => (state[row * width + column] === SHOWN ? bits : bits | (1 << column)), 0);
  const rowKind = rows.map((_, row) => kindOf(row));
  const file = (row: number) => {
    const group = kinds.get(groupOf[row]!) ?? kinds.set(groupOf[row]!, new Map()).get(groupOf[row]!)!;
    const kind = group.get(rowKind[row]!) ?? group.set(rowKind[row]!, new Set()).get(rowKind[row]!)!;
    kind.add(row);
  };
  for (let row = rows.length - 1; row >= 0; row--) file(row);

  /** A cell's value after `delta`, as the reader would accept it (the state it has, or would have once masked). */
  const accepts = (cell: number, delta: number, masking: boolean) => {
    const value = values[cell];
    if (value === null || value === undefined) return false;
    const next = value + delta;
    const name = names[cell % width]!;
    const hidden = state[cell] !== SHOWN ? state[cell] : masking ? hiddenOf(name, value) : SHOWN;
    if (hidden === SMALL) return next >= 1 && next < MASKED_BELOW;
    return next >= 0; // "masqué": any number
  };
  const chains = ROW_BOUNDS.map((chain) => chain.map((name) => names.indexOf(name)).filter((column) => column >= 0));
  /** The bounds of a line (structures ≤ people ≤ confirmed) still hold after `pattern`. */
  const ordered = (line: number, pattern: Int8Array) =>
    chains.every((chain) =>
      chain.every((column, i) => {
        if (i === 0) return true;
        const lower = values[line * width + chain[i - 1]!];
        const upper = values[line * width + column];
        return lower === null || upper === null || lower! + pattern[chain[i - 1]!]! <= upper! + pattern[column]!;
      }),
    );
  /** What moving a file's row by `pattern` costs (cells to mask), or null when the reader would refuse it. */
  const rowCost = (row: number, pattern: Int8Array): { cost: number; masks: number[] } | null => {
    let cost = 0;
    const masks: number[] = [];
    for (let column = 0; column < width; column++) {
      if (pattern[column] === 0) continue;
      const cell = row * width + column;
      if (!accepts(cell, pattern[column]!, true)) return null;
      if (state[cell] === SHOWN) {
        cost += column === offered ? OFFER_COST : 1;
        masks.push(cell);
      }
    }
    return ordered(row, pattern) ? { cost, masks } : null;
  };
  /**
   * A marginal moved by the additive part `key` (of a pattern): the cells of its file to mask for a
   * completion it allows (none when its file hides them already), or null. Its file's cells are masked
   * only when asked (`openMarginals`: the account, the first marginal, is then protected again with them,
   * see tables.ts; a town's cells stay as the towns' file decided).
   */
  const moveOf = (pattern: Int8Array): Move => Object.fromEntries(names.flatMap((name, column) => (pattern[column] !== 0 ? [[name, pattern[column]!]] : [])));
  /** How marginal `m` moves by `pattern` as its own file allows (masking `masks` there), or null. */
  const marginalMove = (m: number, pattern: Int8Array, masks: readonly number[]): Move | null => {
    const admits = marginals[m]!.admits;
    return admits
      ? admits(
          pattern,
          masks.map((cell) => cell % width),
        )
      : moveOf(pattern);
  };
  const marginalMoves = (m: number, key: string): { masks: number[]; move: Move } | null => {
    const line = rows.length + m;
    let best: { masks: number[]; move: Move } | null = null;
    for (const pattern of byProjection.get(key) ?? []) {
      const masks: number[] = [];
      let fits = true;
      for (let column = 0; column < width && fits; column++) {
        if (pattern[column] === 0) continue;
        const cell = line * width + column;
        if (state[cell] === SHOWN && (!openMarginals || m !== 0 || column === offered)) fits = false;
        else if (!accepts(cell, pattern[column]!, true)) fits = false;
        else if (state[cell] === SHOWN) masks.push(cell);
      }
      if (!fits || !ordered(line, pattern) || (best && masks.length >= best.masks.length)) continue;
      const move = marginalMove(m, pattern, masks);
      if (move) best = { masks, move };
      if (best?.masks.length === 0) break;
    }
    return best;
  };
  /** The marginals `lines` moved by `key`: the cells to mask in their files and how the season's total moves, or null. */
  const marginalsMove = (lines: number[], key: string): { masks: number[]; total?: Move } | null => {
    const masks: number[] = [];
    let total: Move | undefined;
    for (const m of lines) {
      const more = marginalMoves(m, key);
      if (!more) return null;
      masks.push(...more.masks);
      if (m === 0) total = more.move;
    }
    return { masks, total };
  };

  /** A second table: the cells to mask for it, the cells it moves, and how it moves the season's total, if it does. */
  type Witness = { cost: number; masks: number[]; moved: number[]; total?: Move };
  const movedOf = (line: number, pattern: Int8Array) => names.flatMap((_, column) => (pattern[column] !== 0 ? [line * width + column] : []));
  /** The cheapest second table different in `cell`: one row (and its marginals), or two rows in opposite directions. */
  const witness = (cell: number): Witness | null => {
    const row = Math.floor(cell / width);
    const own = kinds.get(groupOf[row]!)!;
    let best = null as Witness | null;
    const consider = (found: Witness) => {
      if (found.total && refused.has(moveKey(found.total))) return;
      if (!best || found.cost < best.cost) best = found;
    };
    // Another row of these kinds moving by `back`: the first the reader would accept, kind by kind.
    const pair = (pattern: Int8Array, back: Int8Array, here: { cost: number; masks: number[] }, byKind: Map<number, Set<number>>) => {
      for (const [kind, members] of byKind) {
        let extra = 0;
        for (let column = 0; column < width; column++) if (back[column] !== 0 && !(kind & (1 << column))) extra += column === offered ? OFFER_COST : 1;
        if (best && here.cost + extra >= best.cost) continue;
        let tries = 0;
        for (const other of members) {
          if (other === row) continue;
          if (++tries > TRIES_PER_KIND) break;
          const their = rowCost(other, back);
          if (!their) continue;
          consider({ cost: here.cost + their.cost, masks: [...here.masks, ...their.masks], moved: [...movedOf(row, pattern), ...movedOf(other, back)] });
          break;
        }
        if (best?.cost === 0) return;
      }
    };
    // First the row alone, or with a row of its own group (their marginals do not move); then, if none
    // will do, with a row of another group (a town's area with another town's: both towns move).
    for (const pass of [0, 1]) {
      for (const pattern of byColumn[cell % width]!) {
        const here = rowCost(row, pattern);
        if (!here || (best && here.cost >= best.cost)) continue;
        const meta = metaOf.get(pattern)!;
        if (!meta.moving) {
          if (pass === 0) consider({ cost: here.cost, masks: here.masks, moved: movedOf(row, pattern), total: isTotal ? moveOf(pattern) : undefined });
        } else if (pass === 0) {
          // The row alone, its marginals following it (a row that is its town, a table of one row).
          const along = holding[row]!.length > 0 ? marginalsMove(holding[row]!, meta.key) : null;
          if (along)
            consider({
              cost: here.cost + MARGINAL_COST * along.masks.length,
              masks: [...here.masks, ...along.masks],
              moved: movedOf(row, pattern),
              total: along.total,
            });
          for (const back of meta.opposite) {
            pair(pattern, back, here, own);
            if (best?.cost === 0) return best;
          }
        } else {
          for (const [group, byKind] of kinds) {
            if (group === groupOf[row]) continue;
            const theirs = group === "" ? [] : group.split(",").map(Number);
            const mine = marginalsMove(
              holding[row]!.filter((m) => !theirs.includes(m)),
              meta.key,
            );
            const their = meta.opposite[0]
              ? marginalsMove(
                  theirs.filter((m) => !holding[row]!.includes(m)),
                  metaOf.get(meta.opposite[0])!.key,
                )
              : null;
            if (!mine || !their || mine.masks.length + their.masks.length > 0) continue; // another group's row: only where the towns' file hides them already
            for (const back of meta.opposite) pair(pattern, back, here, byKind);
          }
        }
        if (best?.cost === 0) return best;
      }
      if (best) return best;
    }
    return best;
  };

  const covered = new Set<number>();
  const unprotected: number[] = [];
  const required = new Set<number>();
  const hide = (cell: number) => {
    if (cell >= fixedFrom) {
      state[cell] = hiddenOf(names[cell % width]!, values[cell]);
      required.add(cell - fixedFrom);
      return;
    }
    const row = Math.floor(cell / width);
    kinds.get(groupOf[row]!)!.get(rowKind[row]!)!.delete(row);
    state[cell] = hiddenOf(names[cell % width]!, values[cell]);
    rowKind[row] = kindOf(row);
    file(row);
  };
  // How the second tables used move the season's total: every other breakdown must follow (externalPlan, tables.ts).
  const totalMoves = new Map<string, Move>();
  const apply = (found: Witness) => {
    found.masks.forEach(hide);
    found.moved.forEach((moved) => covered.add(moved));
    if (!found.total) return;
    if (moveKey(found.total)) totalMoves.set(moveKey(found.total), found.total);
  };
  /** A small count hidden in the file (written "< 5", or "masqué" once raised): it needs a second table. */
  const needs = (cell: number) => state[cell] !== SHOWN && isSmall(values[cell]) && COUNTS_OF_PEOPLE.has(names[cell % width]!);
  const protect = (cell: number) => {
    const row = Math.floor(cell / width);
    let found = witness(cell);
    if (!found) {
      // None within reach: the whole row but its offer is hidden (no relation of the row then holds a
      // single hidden cell), and a second table sought again.
      names.forEach((_, column) => {
        if (column !== offered && state[row * width + column] === SHOWN && values[row * width + column] !== null) hide(row * width + column);
      });
      found = witness(cell);
    }
    if (!found) {
      // Still none: "< 5" itself gives it away (four rows of "< 5" under a total of "< 5" are 1 each; an
      // offer of 1 and a "< 5" confirmed). The row's small counts are written "masqué", which may be any
      // number, small or not: the second table may then take them to 0 or to 5 and more.
      names.forEach((_, column) => {
        if (state[row * width + column] === SMALL) state[row * width + column] = MASKED;
      });
      found = witness(cell);
    }
    if (!found) return false;
    apply(found);
    return true;
  };
  for (let cell = 0; cell < fixedFrom; cell++) {
    if (!needs(cell) || covered.has(cell)) continue;
    if (!protect(cell)) unprotected.push(cell);
  }
  // The marginals' own small counts (a total "< 5" in the account, a town's): their files found a second
  // table each, but a breakdown showing every row of a column gives that column's total back. A second table
  // here moves the marginal as its file allows and one of its rows with it (their other marginals only where
  // their files hide the cells), masking cells of that row if need be.
  const marginalWitness = (m: number, column: number): Witness | null => {
    const line = rows.length + m;
    let best = null as Witness | null;
    for (const pattern of byColumn[column]!) {
      let fits = ordered(line, pattern);
      for (let c = 0; c < width && fits; c++) {
        if (pattern[c] === 0) continue;
        fits = state[line * width + c] !== SHOWN && accepts(line * width + c, pattern[c]!, false);
      }
      const total = fits ? marginalMove(m, pattern, []) : null;
      if (!total) continue;
      const meta = metaOf.get(pattern)!;
      if (!meta.moving) return { cost: 0, masks: [], moved: movedOf(line, pattern) }; // no row adds up to these
      let tries = 0;
      for (const row of marginals[m]!.parts) {
        if (++tries > TRIES_PER_KIND * 4) break;
        const along = marginalsMove(
          holding[row]!.filter((other) => other !== m),
          meta.key,
        );
        if (!along) continue;
        for (const back of byProjection.get(meta.key) ?? []) {
          const here = rowCost(row, back);
          const cost = (here?.cost ?? 0) + MARGINAL_COST * along.masks.length;
          if (here && (!best || cost < best.cost) && !refused.has(moveKey(m === 0 ? total : (along.total ?? {}))))
            best = {
              cost,
              masks: [...here.masks, ...along.masks],
              moved: [...movedOf(line, pattern), ...movedOf(row, back)],
              total: m === 0 ? total : along.total,
            };
          if (best?.cost === 0) return best;
        }
      }
    }
    return best;
  };
  for (let cell = fixedFrom; cell < values.length; cell++) {
    if (!needs(cell) || covered.has(cell)) continue;
    const found = marginalWitness(Math.floor(cell / width) - rows.length, cell % width);
    if (found) apply(found); // else its own file's second table is all there is
  }

  // A cell raised to "masqué" after an earlier one of its row was covered: sought again (none is left
  // behind by the loop above, which only moves forward).
  for (let cell = 0; cell < fixedFrom; cell++) {
    if (!needs(cell) || covered.has(cell) || unprotected.includes(cell)) continue;
    if (!protect(cell)) unprotected.push(cell);
  }

  const cells = rows.map((row, r) =>
    row.map((value, column): Shown =>
      value === null ? null : state[r * width + column] === SMALL ? "small" : state[r * width + column] === MASKED ? "masked" : value,
    ),
  );
  // The marginals' cells their files must mask too (as line × width + column, from the first marginal).
  return { cells, unprotected, required: [...required], totalMoves: [...totalMoves.values()] };
}

/**
 * The cells of a breakdown (`rows` written as `cells`) to mask so that one of its rows moves as the season's
 * total does in another file's second table (`move`): [] when one already can, null when none may.
 */
export function absorbing(
  names: readonly (keyof Figures)[],
  rows: readonly (number | null)[][],
  cells: readonly Shown[][],
  move: Partial<Record<keyof Figures, number>>,
): number[] | null {
  const additive = names.flatMap((name, column) => (ADDITIVE.has(name) ? [column] : []));
  const key = additive.map((column) => move[names[column]!] ?? 0).join();
  if (additive.every((column) => !move[names[column]!])) return [];
  const { byProjection } = patternsOf(
    names,
    additive,
    names.flatMap((_, column) => (rows.every((line) => line[column] === null) ? [column] : [])),
  );
  const chains = ROW_BOUNDS.map((chain) => chain.map((name) => names.indexOf(name)).filter((column) => column >= 0));
  let best: number[] | null = null;
  let bestCost = Infinity;
  rows.forEach((values, row) => {
    if (bestCost === 0) return;
    for (const pattern of byProjection.get(key) ?? []) {
      let cost = 0;
      const masks: number[] = [];
      const fits = names.every((name, column) => {
        const delta = pattern[column]!;
        if (delta === 0) return true;
        const value = values[column];
        if (value === null || value === undefined) return false;
        const shown = cells[row]![column];
        const small = shown === "small" || (typeof shown === "number" && hiddenOf(name, value) === SMALL);
        if (typeof shown === "number") {
          cost += name === "offered" ? OFFER_COST : 1;
          masks.push(row * names.length + column);
        }
        return small ? value + delta >= 1 && value + delta < MASKED_BELOW : value + delta >= 0;
      });
      const ordered = chains.every((chain) => chain.every((c, i) => i === 0 || values[chain[i - 1]!]! + pattern[chain[i - 1]!]! <= values[c]! + pattern[c]!));
      if (fits && ordered && cost < bestCost) [best, bestCost] = [masks, cost];
      if (bestCost === 0) return;
    }
  });
  return best;
}

/**
 * How a line of a file written as `shown` may move with `fixed` (the moves of some of its cells, as another
 * file's pattern asks) and its relations still holding: its shown cells stay, its "< 5" stay 1 to 4. The
 * smallest such move (cells not asked for stay where they can), or null.
 */
export function lineAdmits(
  names: readonly (keyof Figures)[],
  values: readonly (number | null)[],
  shown: readonly Shown[],
  fixed: (column: number) => number | undefined,
): Move | null {
  const equations = ROW_RELATIONS.map(([whole, parts]) => [whole, ...parts].map((name) => names.indexOf(name))).filter((columns) =>
    columns.every((column) => column >= 0 && values[column] !== null),
  );
  const closing = names.map((_, column) => equations.filter((columns) => Math.max(...columns) === column));
  const chains = ROW_BOUNDS.map((chain) => chain.map((name) => names.indexOf(name)).filter((column) => column >= 0 && values[column] !== null));
  const pattern = new Int8Array(names.length);
  const fits = (column: number, delta: number) => {
    const value = values[column];
    if (value === null || value === undefined) return delta === 0;
    const next = value + delta;
    if (delta === 0) return true;
    if (typeof shown[column] === "number") return false;
    return shown[column] === "small" ? next >= 1 && next < MASKED_BELOW : next >= 0;
  };
  const walk = (column: number): boolean => {
    if (column === names.length)
      return chains.every((chain) => chain.every((c, i) => i === 0 || values[chain[i - 1]!]! + pattern[chain[i - 1]!]! <= values[c]! + pattern[c]!));
    const asked = fixed(column);
    for (const delta of asked !== undefined ? [asked] : [0, 1, -1]) {
      if (!fits(column, delta)) continue;
      pattern[column] = delta;
      if (closing[column]!.every(([whole, ...parts]) => pattern[whole!] === parts.reduce((sum, part) => sum + pattern[part]!, 0)) && walk(column + 1))
        return true;
    }
    pattern[column] = 0;
    return false;
  };
  return walk(0) ? Object.fromEntries(names.flatMap((name, column) => (pattern[column] !== 0 ? [[name, pattern[column]!]] : []))) : null;
}

/**
 * Every way a row may move by −1, 0 or +1 per cell with its relations still holding (at most 6 cells:
 * the smallest moves are the ones worth showing), by the column they move and by their additive part.
 */
const PATTERNS = new Map<string, ReturnType<typeof buildPatterns>>();
function patternsOf(names: readonly (keyof Figures)[], additive: number[], absent: number[] = []) {
  const key = `${names.join()}|${additive.join()}|${absent.join()}`;
  return PATTERNS.get(key) ?? PATTERNS.set(key, buildPatterns(names, additive, absent)).get(key)!;
}

/** `absent`: columns no line of the file has (the offer of an account whose rows have none): their relations do not bind. */
function buildPatterns(names: readonly (keyof Figures)[], additive: number[], absent: number[]) {
  const width = names.length;
  const equations = ROW_RELATIONS.map(([whole, parts]) => [whole, ...parts].map((name) => names.indexOf(name))).filter((columns) =>
    columns.every((column) => column >= 0 && !absent.includes(column)),
  );
  // An equation is checked once its last column is set.
  const closing = names.map((_, column) => equations.filter((columns) => Math.max(...columns) === column));
  const found: Int8Array[] = [];
  const pattern = new Int8Array(width);
  const walk = (column: number, support: number) => {
    if (column === width) {
      if (support > 0) found.push(Int8Array.from(pattern));
      return;
    }
    for (const delta of absent.includes(column) ? [0] : [0, 1, -1]) {
      if (delta !== 0 && support >= 6) continue;
      pattern[column] = delta;
      if (closing[column]!.every(([whole, ...parts]) => pattern[whole!] === parts.reduce((sum, part) => sum + pattern[part]!, 0)))
        walk(column + 1, support + (delta === 0 ? 0 : 1));
    }
    pattern[column] = 0;
  };
  walk(0, 0);
  const supportOf = (p: Int8Array) => p.reduce((sum, delta) => sum + (delta === 0 ? 0 : 1), 0);
  found.sort((a, b) => supportOf(a) - supportOf(b));
  const projectionKey = (p: Int8Array) => additive.map((column) => p[column]).join();
  const byProjection = new Map<string, Int8Array[]>();
  for (const p of found) {
    const k = projectionKey(p);
    byProjection.set(k, [...(byProjection.get(k) ?? []), p]);
  }
  // Per pattern: its additive part, whether it has one, and the patterns that undo it on another row.
  const metaOf = new Map<Int8Array, { key: string; moving: boolean; opposite: Int8Array[] }>();
  for (const p of found) {
    const moving = additive.some((column) => p[column] !== 0);
    const opposite = moving ? (byProjection.get(additive.map((column) => -p[column]!).join()) ?? []) : [];
    metaOf.set(p, { key: projectionKey(p), moving, opposite });
  }
  return { byColumn: names.map((_, column) => found.filter((p) => p[column] !== 0)), byProjection, metaOf };
}

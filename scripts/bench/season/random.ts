// The season's dice: a small seeded generator (mulberry32), so that `--seed` replays the same season.
// Each day draws from its own generator, forked from the seed and the day's number, so that a day's
// choices do not depend on how many draws the days before it made (a day whose lookups in the database
// return other rows, on a busier run, leaves the next days' plans as they were).
import { createHash } from "node:crypto";

export interface Dice {
  /** In [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(list: readonly T[]): T;
  /** A value by weight: [[weight, value], …]. */
  weighted<T>(choices: readonly (readonly [number, T])[]): T;
}

export function dice(seed: number): Dice {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (list) => list[Math.floor(next() * list.length)]!,
    weighted: (choices) => {
      const total = choices.reduce((sum, [weight]) => sum + weight, 0);
      let at = next() * total;
      for (const [weight, value] of choices) if ((at -= weight) < 0) return value;
      return choices[choices.length - 1]![1];
    },
  };
}

/** A generator of its own for one part of the season (a day, a batch), from the run's seed. */
export function fork(seed: number, ...parts: (string | number)[]): Dice {
  return dice(
    createHash("sha256")
      .update([seed, ...parts].join(":"))
      .digest()
      .readUInt32LE(0),
  );
}

/**
 * A stable UUID for the n-th row of a kind (a structure, a person, a session…), the same in JavaScript
 * and in the SQL that writes the rows (stableIdSql): the driver names rows without reading them back.
 * Version 4 and RFC 4122 variant bits, as zod's uuid() expects.
 */
export function stableId(kind: string, ...parts: number[]): string {
  return toUuid(
    createHash("md5")
      .update([kind, ...parts].join(":"))
      .digest("hex"),
  );
}

/** The same id in SQL, from text expressions: stableIdSql("'person'", "p", "j"). */
export function stableIdSql(kind: string, ...parts: string[]): string {
  const text = [kind, ...parts.map((part) => `${part}::text`)].join(" || ':' || ");
  const h = `md5(${text})`;
  return `(substr(${h}, 1, 8) || '-' || substr(${h}, 9, 4) || '-4' || substr(${h}, 14, 3) || '-8' || substr(${h}, 18, 3) || '-' || substr(${h}, 21, 12))::uuid`;
}

function toUuid(h: string): string {
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

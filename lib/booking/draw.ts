// The fair draw of a scarce session (issue 17, docs/decisions/013-fair-draw.md), as pure functions: no
// database, no clock. lib/booking applies them to the applications it has locked; the property and
// statistical tests check them on their own, and scripts/bench/fairness.ts measures them over a season.
//
// The order is a weighted random permutation drawn with exponential keys (Efraimidis and Spirakis,
// "Weighted random sampling with a reservoir", 2006): each application gets u in (0, 1) from an HMAC of
// its own id keyed with the draw's seed, and the key -ln(u) / weight; the draw order is the keys' order.
// Hence: the first drawn is application i with probability weight_i / Σ weights (and so on down the
// order); one application's key depends on its id and the seed alone, so adding or removing an
// application never reorders the others; anyone with the seed and the list re-runs it exactly.
import { createHash, createHmac } from "node:crypto";

export interface DrawApplication {
  id: string;
  partnerId: string;
  /** Places asked for (1 to 6). */
  places: number;
  /** The fewest the structure would accept (1 to places): a group may get fewer, never fewer than this. */
  minPlaces: number;
  /** √minPlaces / (1 + k), k the structure's outings this season (drawWeight). */
  weight: number;
}

export interface DrawnApplication extends DrawApplication {
  /** 1 for the first drawn. */
  rank: number;
  /** The uniform number and the key it gives, published with the draw so anyone can check it. */
  u: number;
  key: number;
}

/**
 * The weight of an application: 1 / (1 + k), k the structure's outings this season, so that the
 * structures least served come first; times √m, m the fewest places it would accept, because a group
 * that must have m places together fits less often at its turn than one that can take a single place.
 * Measured (npm run bench:fairness, decision 013): without √m, the best win rate by group size was 1.9
 * to 2.9 times the worst over nine seeded seasons (above the goal of 2 in seven), single places ahead;
 * with it, 1.3 to 1.9 over five, smaller groups still slightly ahead, so that asking for a larger
 * minimum than one needs does not pay.
 */
export function drawWeight(outingsThisSeason: number, minPlaces = 1): number {
  return Math.sqrt(Math.max(1, minPlaces)) / (1 + Math.max(0, outingsThisSeason));
}

/** What is published when the application window opens: the seed's SHA-256, in hex. */
export function seedFingerprint(seed: string): string {
  return createHash("sha256").update(seed, "utf8").digest("hex");
}

/** The application's uniform number in (0, 1): 53 bits of HMAC-SHA256(seed, id), never 0 nor 1. */
export function drawUniform(seed: string, applicationId: string): number {
  const digest = createHmac("sha256", seed).update(applicationId, "utf8").digest();
  const bits = digest.readBigUInt64BE(0) >> 11n; // 53 bits
  return (Number(bits) + 0.5) / 2 ** 53;
}

/** The draw order: applications by increasing key -ln(u) / weight (ties, never seen, by id). */
export function drawOrder<T extends DrawApplication>(applications: readonly T[], seed: string): (T & DrawnApplication)[] {
  return applications
    .map((application) => {
      const u = drawUniform(seed, application.id);
      return { ...application, u, key: -Math.log(u) / application.weight, rank: 0 };
    })
    .sort((a, b) => a.key - b.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((application, index) => ({ ...application, rank: index + 1 }));
}

export interface DrawOutcome {
  /** Served in draw order: how many places each got (between its minimum and what it asked). */
  served: { id: string; places: number }[];
  /** The others, in draw order: the session's waitlist. */
  waitlist: string[];
}

/**
 * Serves applications in draw order within the places left and each structure's quota left: one gets
 * what it asked if that fits, else what fits if that is at least its minimum, else waits; the order
 * goes on, so a smaller application further down may take places a larger one could not. Also moves
 * the waitlist up (in its draw order) when places come back.
 */
export function serveInDrawOrder(
  ordered: readonly Pick<DrawApplication, "id" | "partnerId" | "places" | "minPlaces">[],
  placesLeft: number,
  quotaLeft: (partnerId: string) => number,
): DrawOutcome {
  const served: DrawOutcome["served"] = [];
  const waitlist: string[] = [];
  const quotas = new Map<string, number>();
  let left = placesLeft;
  for (const application of ordered) {
    const quota = quotas.get(application.partnerId) ?? quotaLeft(application.partnerId);
    const fits = Math.min(application.places, left, quota);
    if (fits >= application.minPlaces && fits > 0) {
      served.push({ id: application.id, places: fits });
      left -= fits;
      quotas.set(application.partnerId, quota - fits);
    } else {
      quotas.set(application.partnerId, quota);
      waitlist.push(application.id);
    }
  }
  return { served, waitlist };
}

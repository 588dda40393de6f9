// Issue 17, the fair draw (lib/booking/draw.ts), checked on its own: property tests (fast-check) over
// random sets of applications, places and quotas, and a statistical test over 10,000 seeded draws that
// the first drawn follows the weights.
import fc from "fast-check";
import { gini } from "@/lib/stats/gini";
import { drawOrder, drawUniform, drawWeight, seedFingerprint, serveInDrawOrder, type DrawApplication } from "@/lib/booking/draw";
import { pickPromotionParts } from "@/lib/booking/rules";

const application = fc
  .record({
    id: fc.uuid(),
    partnerId: fc.constantFrom("A", "B", "C", "D", "E", "F"),
    places: fc.integer({ min: 1, max: 6 }),
    minPlaces: fc.integer({ min: 1, max: 6 }),
    outings: fc.integer({ min: 0, max: 12 }),
  })
  .map(({ outings, ...a }): DrawApplication => {
    const minPlaces = Math.min(a.minPlaces, a.places);
    return { ...a, minPlaces, weight: drawWeight(outings, minPlaces) };
  });
const applications = fc.uniqueArray(application, { selector: (a) => a.id, maxLength: 40 });
const seed = fc.stringMatching(/^[0-9a-f]{64}$/);
const quotas = fc.record({
  A: fc.integer({ min: 0, max: 12 }),
  B: fc.integer({ min: 0, max: 12 }),
  C: fc.integer({ min: 0, max: 12 }),
  D: fc.constant(Infinity),
  E: fc.constant(Infinity),
  F: fc.integer({ min: 0, max: 3 }),
});

describe("the draw order", () => {
  it("is the same from the same seed, and every application has one rank", () => {
    fc.assert(
      fc.property(applications, seed, (list, s) => {
        const once = drawOrder(list, s).map((a) => a.id);
        expect(drawOrder([...list].reverse(), s).map((a) => a.id)).toEqual(once);
        expect([...once].sort()).toEqual(list.map((a) => a.id).sort());
      }),
    );
  });

  it("keeps the others' order when an application is added or withdrawn", () => {
    fc.assert(
      fc.property(applications, application, seed, (list, extra, s) => {
        fc.pre(!list.some((a) => a.id === extra.id));
        const before = drawOrder(list, s).map((a) => a.id);
        expect(
          drawOrder([...list, extra], s)
            .map((a) => a.id)
            .filter((id) => id !== extra.id),
        ).toEqual(before);
        if (list.length) expect(drawOrder(list.slice(1), s).map((a) => a.id)).toEqual(before.filter((id) => id !== list[0]!.id));
      }),
    );
  });

  it("changes with the seed, which its fingerprint does not give away", () => {
    const list = Array.from({ length: 30 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      partnerId: "A",
      places: 1,
      minPlaces: 1,
      weight: 1,
    }));
    expect(drawOrder(list, "a".repeat(64)).map((a) => a.id)).not.toEqual(drawOrder(list, "b".repeat(64)).map((a) => a.id));
    expect(seedFingerprint("a".repeat(64))).toMatch(/^[0-9a-f]{64}$/);
    expect(seedFingerprint("a".repeat(64))).not.toContain("a".repeat(8));
    const u = drawUniform("a".repeat(64), list[0]!.id);
    expect(u).toBeGreaterThan(0);
    expect(u).toBeLessThan(1);
  });

  it("weighs √m / (1 + k), k the structure's outings this season, m the fewest places it would accept", () => {
    expect([0, 1, 3].map((k) => drawWeight(k))).toEqual([1, 0.5, 0.25]);
    expect(drawWeight(1, 4)).toBe(1);
    expect(drawWeight(0, 9)).toBe(3);
  });
});

describe("serving in draw order", () => {
  it("never goes over the places or a structure's quota, respects minimums, and waits the rest in draw order", () => {
    fc.assert(
      fc.property(applications, seed, fc.integer({ min: 0, max: 30 }), quotas, (list, s, capacity, quota) => {
        const ordered = drawOrder(list, s);
        const quotaOf = (partnerId: string) => quota[partnerId as keyof typeof quota];
        const { served, waitlist } = serveInDrawOrder(ordered, capacity, quotaOf);
        const byId = new Map(list.map((a) => [a.id, a]));
        // Within the places, and within each structure's quota.
        expect(served.reduce((sum, s) => sum + s.places, 0)).toBeLessThanOrEqual(capacity);
        for (const partnerId of Object.keys(quota)) {
          expect(served.filter((s) => byId.get(s.id)!.partnerId === partnerId).reduce((sum, s) => sum + s.places, 0)).toBeLessThanOrEqual(quotaOf(partnerId));
        }
        // Between its minimum and what it asked.
        for (const s of served) {
          expect(s.places).toBeGreaterThanOrEqual(byId.get(s.id)!.minPlaces);
          expect(s.places).toBeLessThanOrEqual(byId.get(s.id)!.places);
        }
        // Everyone once; served and waiting each in draw order.
        const order = ordered.map((a) => a.id);
        expect([...served.map((s) => s.id), ...waitlist].sort()).toEqual([...order].sort());
        expect(waitlist).toEqual(order.filter((id) => waitlist.includes(id)));
        expect(served.map((s) => s.id)).toEqual(order.filter((id) => served.some((s) => s.id === id)));
        // Nobody waits who could have been served when their turn came: the first waiting one did not fit.
        let left = capacity;
        const used = new Map<string, number>();
        for (const a of ordered) {
          const got = served.find((s) => s.id === a.id);
          const room = Math.min(left, quotaOf(a.partnerId) - (used.get(a.partnerId) ?? 0));
          if (got) {
            left -= got.places;
            used.set(a.partnerId, (used.get(a.partnerId) ?? 0) + got.places);
          } else {
            expect(Math.min(a.places, room)).toBeLessThan(a.minPlaces);
          }
        }
      }),
    );
  });
});

describe("places given back after a draw (issue 26.4)", () => {
  it("serve a drawn application waiting down to its minimum, before the waitlist's whole bookings", () => {
    const waiting = [
      { id: "drawn-needs-3", partnerId: "A", places: 4, minPlaces: 3 },
      { id: "drawn-takes-1", partnerId: "B", places: 4, minPlaces: 1 },
      { id: "newcomer", partnerId: "C", places: 1 },
    ];
    expect(pickPromotionParts(waiting, 2, () => Infinity)).toEqual([{ id: "drawn-takes-1", places: 2 }]);
    expect(pickPromotionParts(waiting, 3, () => Infinity)).toEqual([{ id: "drawn-needs-3", places: 3 }]);
    expect(pickPromotionParts(waiting, 6, () => Infinity)).toEqual([
      { id: "drawn-needs-3", places: 4 },
      { id: "drawn-takes-1", places: 2 },
    ]);
    // Its structure's quota bounds it as it bounds the draw; a whole booking still goes whole or not at all.
    expect(pickPromotionParts(waiting, 5, (partnerId) => (partnerId === "B" ? 1 : 0))).toEqual([{ id: "drawn-takes-1", places: 1 }]);
    expect(pickPromotionParts([{ id: "whole", partnerId: "C", places: 2 }], 1, () => Infinity)).toEqual([]);
  });
});

describe("the first drawn follows the weights", () => {
  it("over 10,000 seeded draws, each structure comes first in proportion to its weight", () => {
    // Four applications whose structures had 0, 1, 3 and 7 outings: weights 1, 1/2, 1/4, 1/8.
    const list = [0, 1, 3, 7].map((k, i) => ({
      id: `0190e0a0-0000-7000-8000-00000000000${i}`,
      partnerId: `P${i}`,
      places: 2,
      minPlaces: 1,
      weight: drawWeight(k),
    }));
    const total = list.reduce((sum, a) => sum + a.weight, 0);
    const runs = 10_000;
    const first = new Map<string, number>();
    for (let run = 0; run < runs; run++) {
      const [winner] = drawOrder(list, `seed-${run}`);
      first.set(winner!.id, (first.get(winner!.id) ?? 0) + 1);
    }
    // Pearson's chi-square with 3 degrees of freedom: 16.27 is its 0.999 quantile.
    const chi2 = list.reduce((sum, a) => {
      const expected = (runs * a.weight) / total;
      return sum + ((first.get(a.id) ?? 0) - expected) ** 2 / expected;
    }, 0);
    expect(chi2).toBeLessThan(16.27);
    // And the shares read as the weights: 8/15, 4/15, 2/15, 1/15 within two points.
    for (const a of list) expect(Math.abs((first.get(a.id) ?? 0) / runs - a.weight / total)).toBeLessThan(0.02);
  });
});

describe("the Gini of places per structure", () => {
  it("is 0 when all hold as many, and grows toward 1 as one holds everything", () => {
    expect(gini([3, 3, 3, 3])).toBe(0);
    expect(gini([0, 0, 0, 12])).toBeCloseTo(0.75);
    expect(gini([1, 2, 3, 4])).toBeCloseTo(0.25);
    expect(gini([])).toBe(0);
  });
});

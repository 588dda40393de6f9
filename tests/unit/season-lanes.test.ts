// Issue 35.1: the replay's `--clients` operations in flight come from distinct structures, as the
// country's many structures would send them, and never as one structure's clicks at the same instant
// (scripts/bench/season/lanes.ts).
import { deal, runDistinct, senderOf } from "@/scripts/bench/season/lanes";
import type { Op } from "@/scripts/bench/season/ops";

const request = (partner: number, n: number): Op => ({
  kind: "request",
  now: n,
  partner,
  sessionId: `s${n}`,
  person: 0,
  companions: [],
  ifShort: "WAITLIST",
});

/** A batch where a few structures send most operations, as in a season's afternoon. */
const batch: Op[] = Array.from({ length: 120 }, (_, n) => request(n % 3 === 0 ? 7 : n % 5, n));
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("the replay's operations in flight", () => {
  it("are never two of one structure at once, and as many at once as asked", async () => {
    const inFlight = new Map<string, number>();
    let most = 0;
    let mostOfOne = 0;
    const started: number[] = [];
    const results = await runDistinct(batch, 4, async (op) => {
      const sender = senderOf(op);
      inFlight.set(sender, (inFlight.get(sender) ?? 0) + 1);
      mostOfOne = Math.max(mostOfOne, inFlight.get(sender)!);
      most = Math.max(
        most,
        [...inFlight.values()].reduce((a, b) => a + b, 0),
      );
      started.push(op.now);
      for (let i = 0; i < 1 + (op.now % 4); i++) await tick();
      inFlight.set(sender, inFlight.get(sender)! - 1);
      return op.now;
    });
    expect(mostOfOne).toBe(1);
    expect(most).toBe(4);
    // Every operation ran once, its result in its place.
    expect(results).toEqual(batch.map((op) => op.now));
    // A structure's operations ran in their order.
    for (const partner of [7, 0, 1, 2, 3, 4]) {
      const own = started.filter((n) => senderOf(batch[n]!) === `partner:${partner}`);
      expect(own).toEqual([...own].sort((a, b) => a - b));
    }
  });

  it("of one structure all go to one app server, in their order", () => {
    const shares = deal(batch, 2);
    expect(shares.flatMap((share) => share.indexes).sort((a, b) => a - b)).toEqual(batch.map((_, n) => n));
    const serverOf = new Map<string, number>();
    shares.forEach((share, server) =>
      share.ops.forEach((op) => {
        expect(serverOf.get(senderOf(op)) ?? server).toBe(server);
        serverOf.set(senderOf(op), server);
      }),
    );
    for (const share of shares) expect(share.indexes).toEqual([...share.indexes].sort((a, b) => a - b));
  });
});

// Rule 7: never overbook, never exceed a quota, never lose or duplicate a booking, whatever the
// concurrency, in one process or several sharing the database. Each test checks the final state
// against a replay of the rules in order of request: concurrent outcomes equal some serial order.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { cancelBooking } from "@/lib/booking/cancel";
import { requestBooking } from "@/lib/booking/request";
import { allocate, quotaLeft } from "@/lib/booking/rules";
import { getPrisma } from "@/lib/db/client";
import { bookingsInOrder, partners, request, sessionCounters, stage, type TestPartner } from "../factories/booking";

const run = promisify(execFile);
const root = path.resolve(__dirname, "..", "..");

/** Confirmed places equal the counter, never exceed capacity, and every status is what a serial replay gives. */
async function expectSerialEquivalent(sessionId: string, maxPerPartner: number | null) {
  const counters = await sessionCounters(sessionId);
  const bookings = await getPrisma().booking.findMany({
    where: { sessionId },
    orderBy: { requestSeq: "asc" },
    select: { status: true, places: true, partnerId: true, splitFromId: true, id: true },
  });
  const confirmed = bookings.filter((b) => b.status === "CONFIRMED");
  const sum = (list: typeof bookings) => list.reduce((total, b) => total + b.places, 0);
  expect(counters.confirmedPlaces).toBe(sum(confirmed));
  expect(counters.waitlistedPlaces).toBe(sum(bookings.filter((b) => b.status === "WAITLISTED")));
  expect(counters.waitlistedBookings).toBe(bookings.filter((b) => b.status === "WAITLISTED").length);
  expect(counters.confirmedPlaces).toBeLessThanOrEqual(counters.capacity);

  const perPartner = new Map<string, number>();
  for (const b of confirmed) perPartner.set(b.partnerId, (perPartner.get(b.partnerId) ?? 0) + b.places);
  if (maxPerPartner !== null) for (const places of perPartner.values()) expect(places).toBeLessThanOrEqual(maxPerPartner);

  // Replay: a booking is confirmed if and only if it fit, given the bookings confirmed before it.
  // (The second part of a split is the waitlisted remainder of the request just before it.)
  let placesLeft = counters.capacity;
  const used = new Map<string, number>();
  for (const b of bookings) {
    const quota = quotaLeft(maxPerPartner, used.get(b.partnerId) ?? 0);
    if (b.splitFromId) {
      expect(b.status).toBe("WAITLISTED");
      continue;
    }
    const decision = allocate(b.places, placesLeft, quota, "WAITLIST");
    const split = bookings.some((x) => x.splitFromId === b.id);
    const expected = split ? "CONFIRMED" : decision.kind === "CONFIRM" ? "CONFIRMED" : "WAITLISTED";
    expect(b.status).toBe(expected);
    if (b.status === "CONFIRMED") {
      placesLeft -= b.places;
      used.set(b.partnerId, (used.get(b.partnerId) ?? 0) + b.places);
    }
  }
  return { confirmedPlaces: counters.confirmedPlaces, bookings: bookings.length, perPartner };
}

describe("concurrent requests", () => {
  it("500 requests from 20 partners for 50 places with a quota of 5: exactly 50 confirmed, no partner above 5, the rest waitlisted in order", async () => {
    const { sessionId } = await stage({ capacity: 50, quota: { period: "SESSION", maxPlaces: 5 } });
    const all = await partners(20);
    const results = await Promise.allSettled(Array.from({ length: 500 }, (_, i) => requestBooking(all[i % 20]!.actor, request(sessionId, all[i % 20]!.id, 1))));

    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const outcomes = results.map((r) => (r.status === "fulfilled" ? r.value.outcome : "error"));
    expect(outcomes.filter((o) => o === "CONFIRMED")).toHaveLength(50);
    expect(outcomes.filter((o) => o === "WAITLISTED")).toHaveLength(450);

    const { confirmedPlaces, bookings, perPartner } = await expectSerialEquivalent(sessionId, 5);
    expect(confirmedPlaces).toBe(50);
    expect(bookings).toBe(500);
    expect([...perPartner.values()].every((places) => places <= 5)).toBe(true);
    // The waitlist is in order of request, numbered 1, 2, 3…
    const positions = results.flatMap((r) => (r.status === "fulfilled" && r.value.outcome === "WAITLISTED" ? [r.value.waitlisted.position!] : []));
    expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
    expect(new Set((await bookingsInOrder(sessionId)).map((b) => b.number)).size).toBe(500);
  }, 120_000);

  it("groups of mixed sizes, splitting or waiting, stay equivalent to a serial order", async () => {
    const { sessionId } = await stage({ capacity: 40, quota: { period: "SESSION", maxPlaces: 6 } });
    const all = await partners(10);
    const results = await Promise.allSettled(
      Array.from({ length: 150 }, (_, i) => requestBooking(all[i % 10]!.actor, request(sessionId, all[i % 10]!.id, 1 + (i % 4), i % 3 ? "SPLIT" : "WAITLIST"))),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    await expectSerialEquivalent(sessionId, 6);
  }, 120_000);
});

describe("concurrent cancellations and requests", () => {
  it("keep the counter equal to the confirmed bookings at every moment, and move the waitlist up in order", async () => {
    const { sessionId } = await stage({ capacity: 20 });
    const all = await partners(10);
    const initial: string[] = [];
    for (let i = 0; i < 30; i++) {
      const result = await requestBooking(all[i % 10]!.actor, request(sessionId, all[i % 10]!.id, 1));
      if (result.outcome === "CONFIRMED") initial.push(result.confirmed.id);
    }
    expect(initial).toHaveLength(20);

    let running = true;
    const drift: number[] = [];
    const poller = (async () => {
      while (running) {
        const [row] = await getPrisma().$queryRaw<{ drift: number }[]>`
          SELECT (s."confirmedPlaces" - (SELECT coalesce(sum(b.places), 0) FROM "Booking" b WHERE b."sessionId" = s.id AND b.status = 'CONFIRMED'))::int AS drift
          FROM "Session" s WHERE s.id = ${sessionId}::uuid`;
        drift.push(row!.drift);
      }
    })();
    const owners = new Map(all.map((p) => [p.id, p]));
    const toCancel = await getPrisma().booking.findMany({ where: { id: { in: initial.slice(0, 12) } }, select: { id: true, partnerId: true } });
    const work = [
      ...toCancel.map((b) => cancelBooking(owners.get(b.partnerId)!.actor, { bookingId: b.id })),
      ...Array.from({ length: 30 }, (_, i) => requestBooking(all[i % 10]!.actor, request(sessionId, all[i % 10]!.id, 1))),
    ];
    const results = await Promise.allSettled(work);
    running = false;
    await poller;

    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(drift.length).toBeGreaterThan(0);
    expect(drift.every((d) => d === 0)).toBe(true);
    const bookings = await getPrisma().booking.findMany({ where: { sessionId }, select: { status: true, requestSeq: true, promotedAt: true } });
    const counters = await sessionCounters(sessionId);
    expect(counters.confirmedPlaces).toBe(bookings.filter((b) => b.status === "CONFIRMED").length);
    // Someone still waits only if the session is full, and everyone promoted asked before anyone still waiting.
    const waiting = bookings.filter((b) => b.status === "WAITLISTED").map((b) => b.requestSeq);
    if (waiting.length) expect(counters.confirmedPlaces).toBe(20);
    const promoted = bookings.filter((b) => b.promotedAt).map((b) => b.requestSeq);
    expect(promoted.length).toBeGreaterThanOrEqual(1);
    if (waiting.length) expect(promoted.every((seq) => waiting.every((w) => seq < w))).toBe(true);
  }, 120_000);
});

describe("two app servers", () => {
  it("keeps the guarantees with the requests spread over two separate Node processes", async () => {
    const { sessionId } = await stage({ capacity: 60, quota: { period: "SESSION", maxPlaces: 8 } });
    const all: TestPartner[] = await partners(12);
    const list = JSON.stringify(all.map((p) => ({ partnerId: p.id, userId: p.actor.kind === "user" ? p.actor.userId : "" })));
    const worker = (seed: number) =>
      run(
        process.execPath,
        [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "tests/support/booking-worker.ts", sessionId, list, "150", String(seed)],
        {
          cwd: root,
          env: { ...process.env },
        },
      );
    const outputs = await Promise.all([worker(1), worker(2)]);
    const reports = outputs.map((o) => JSON.parse(o.stdout.trim().split("\n").pop()!) as { outcomes: Record<string, number>; errors: string[] });
    expect(reports.flatMap((r) => r.errors)).toEqual([]);
    expect(reports.reduce((n, r) => n + Object.values(r.outcomes).reduce((a, b) => a + b, 0), 0)).toBe(300);

    const { confirmedPlaces } = await expectSerialEquivalent(sessionId, 8);
    expect(confirmedPlaces).toBeGreaterThan(50);
  }, 180_000);
});

describe("a transaction aborted half-way", () => {
  // A test-only trigger makes the second write of a split fail, after the first has been written in
  // the same transaction: by an error, or by the connection itself dropping.
  async function failSecondPartOfSplits(how: "error" | "drop") {
    await getPrisma().$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION test_fail_split() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."splitFromId" IS NOT NULL THEN
          ${how === "error" ? "RAISE EXCEPTION 'panne simulée'" : "PERFORM pg_terminate_backend(pg_backend_pid())"};
        END IF;
        RETURN NEW;
      END $$`);
    await getPrisma().$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_fail_split ON "Booking"`);
    await getPrisma().$executeRawUnsafe(`CREATE TRIGGER test_fail_split BEFORE INSERT ON "Booking" FOR EACH ROW EXECUTE FUNCTION test_fail_split()`);
  }
  afterEach(async () => {
    await getPrisma().$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_fail_split ON "Booking"`);
  });

  it.each(["error", "drop"] as const)("by %s leaves no partial booking, and the next request works", async (how) => {
    const { sessionId } = await stage({ capacity: 2 });
    const [partner] = await partners(1);
    await failSecondPartOfSplits(how);

    await expect(requestBooking(partner!.actor, request(sessionId, partner!.id, 4, "SPLIT"))).rejects.toThrow(
      how === "error" ? /panne simulée/ : /terminat|connection|closed/i,
    );
    expect(await getPrisma().booking.count({ where: { sessionId } })).toBe(0);
    expect(await getPrisma().bookingGuest.count({ where: { booking: { sessionId } } })).toBe(0);
    expect(await sessionCounters(sessionId)).toMatchObject({ confirmedPlaces: 0, waitlistedPlaces: 0 });

    expect(await requestBooking(partner!.actor, request(sessionId, partner!.id, 2, "SPLIT"))).toMatchObject({ outcome: "CONFIRMED" });
  });
});

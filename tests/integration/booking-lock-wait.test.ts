// Hardening item 4: requests for different venues never wait for each other, even when one venue is
// saturated; and waiting for a venue is bounded, ending in a plain "try again" with nothing written.
import pg from "pg";
import { requestBooking } from "@/lib/booking/request";
import { BusyError } from "@/lib/errors";
import { disconnectPrisma, getPrisma } from "@/lib/db/client";
import { ConfigurationError, poolSettings } from "@/lib/db/pool-settings";
import { bookingsInOrder, partners, request, stage } from "../factories/booking";
import { until } from "../support/jobs";
import { metrics } from "@/lib/observability/metrics";

/** How many connections wait for an advisory lock (a venue's) in this test's database. */
async function lockWaiters(): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE d.datname = current_database() AND l.locktype = 'advisory' AND NOT l.granted`,
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/** Holds a venue's lock from another connection, as a long transaction (or another server) would. */
async function holdVenueLock(venueId: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  client.on("error", () => {}); // the test database is dropped at the end of the file
  await client.connect();
  await client.query("BEGIN");
  await client.query("SELECT pg_advisory_xact_lock(hashtextextended('venue:' || $1::text, 0))", [venueId]);
  return async () => {
    await client.query("COMMIT");
    await client.end();
  };
}

/** Sets an environment variable for a while; the function returned puts it back. */
function setEnv(name: string, value: string) {
  const before = process.env[name];
  process.env[name] = value;
  return () => {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  };
}

it("books at a quiet venue at once while a crowd waits for a busy one", async () => {
  const busy = await stage({ capacity: 100 });
  const quiet = await stage({ capacity: 10 });
  const crowd = await partners(30);
  const [other] = await partners(1);

  // The crowd may wait as long as this test needs on a busy machine: what is checked is who waits, not how long.
  const restore = setEnv("BOOKING_LOCK_WAIT_MS", "120000");
  const release = await holdVenueLock(busy.venueId);
  // More requests for the busy venue than the pool has connections (DATABASE_POOL_SIZE, 10).
  const waiting = crowd.map((partner) => requestBooking(partner.actor, request(busy.sessionId, partner.id, 1)));
  // The crowd is at the database, waiting for the busy venue's lock.
  await until(async () => (await lockWaiters()) > 0, { what: "la foule en attente du verrou du lieu" });

  // The quiet venue's booking must be done while the busy venue's lock is still held; before the fix it
  // waited for a connection until that lock was released. The lock is let go once it is done, or after
  // a while in any case, so that a failure ends.
  const quickRequest = requestBooking(other!.actor, request(quiet.sessionId, other!.id, 1));
  const quickDone = quickRequest.then(
    () => performance.now(),
    () => performance.now(),
  );
  await Promise.race([quickDone, new Promise((resolve) => setTimeout(resolve, 20_000))]);
  await release();
  const releasedAt = performance.now();
  const quick = await quickRequest;
  const crowdResults = await Promise.all(waiting);

  restore();
  expect(await quickDone).toBeLessThan(releasedAt);
  expect(quick.outcome).toBe("CONFIRMED");
  expect(crowdResults.every((result) => result.outcome === "CONFIRMED")).toBe(true);
  expect(await bookingsInOrder(busy.sessionId)).toHaveLength(30);
});

it("answers 'busy, try again' past BOOKING_LOCK_WAIT_MS, and writes nothing", async () => {
  const { venueId, sessionId } = await stage({ capacity: 10 });
  const [first, second] = await partners(2);
  const release = await holdVenueLock(venueId);
  const before = process.env.BOOKING_LOCK_WAIT_MS;
  const count = async () => (await metrics().lockTimeouts.get()).values[0]?.value ?? 0;
  const busyBefore = await count();
  process.env.BOOKING_LOCK_WAIT_MS = "400";
  try {
    const started = performance.now();
    const outcomes = await Promise.allSettled([
      requestBooking(first!.actor, request(sessionId, first!.id, 1)),
      requestBooking(second!.actor, request(sessionId, second!.id, 1)),
    ]);
    const took = performance.now() - started;
    // The one waiting for the lock and the one waiting its turn behind it both give up in time.
    for (const outcome of outcomes) {
      expect(outcome.status).toBe("rejected");
      const error = (outcome as PromiseRejectedResult).reason;
      expect(error).toBeInstanceOf(BusyError);
      expect(error.message).toMatch(/réessayez/);
    }
    // Given up at its deadline, not the default 10 s, while the lock was still held.
    expect(took).toBeLessThan(8_000);
    // Both counted for /api/metrics and its alert (issue 31.3).
    expect((await count()) - busyBefore).toBe(2);
  } finally {
    if (before === undefined) delete process.env.BOOKING_LOCK_WAIT_MS;
    else process.env.BOOKING_LOCK_WAIT_MS = before;
    await release();
  }
  expect(await bookingsInOrder(sessionId)).toEqual([]);
  // And the venue works again at once.
  await expect(requestBooking(first!.actor, request(sessionId, first!.id, 1))).resolves.toMatchObject({ outcome: "CONFIRMED" });
});

describe("a pool no larger than a venue's slots (issue 26.10)", () => {
  // With as many slots per venue as connections, a crowd for one venue holds the whole pool and every
  // other venue waits again (decision 004): such a configuration is refused when the pool opens.
  afterEach(() => disconnectPrisma());

  it.each([
    ["2", "2"],
    ["4", "6"],
  ])("refuses DATABASE_POOL_SIZE=%s with BOOKING_VENUE_SLOTS=%s, in a French sentence naming both", async (pool, slots) => {
    await disconnectPrisma();
    const restorePool = setEnv("DATABASE_POOL_SIZE", pool);
    const restoreSlots = setEnv("BOOKING_VENUE_SLOTS", slots);
    try {
      expect(() => getPrisma()).toThrow(/BOOKING_VENUE_SLOTS.*doit rester inférieur à DATABASE_POOL_SIZE/);
      expect(() => poolSettings()).toThrow(ConfigurationError);
    } finally {
      restorePool();
      restoreSlots();
    }
  });

  it("takes a pool larger than the slots, and refuses values that are not whole numbers", async () => {
    expect(poolSettings({ DATABASE_POOL_SIZE: "3", BOOKING_VENUE_SLOTS: "2" })).toEqual({ poolSize: 3, venueSlots: 2 });
    expect(poolSettings({})).toEqual({ poolSize: 10, venueSlots: 2 });
    expect(() => poolSettings({ DATABASE_POOL_SIZE: "dix" })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => poolSettings({ BOOKING_VENUE_SLOTS: "0" })).toThrow(/BOOKING_VENUE_SLOTS/);
  });
});

// Hardening item 4: requests for different venues never wait for each other, even when one venue is
// saturated; and waiting for a venue is bounded, ending in a plain "try again" with nothing written.
import pg from "pg";
import { requestBooking } from "@/lib/booking";
import { BusyError } from "@/lib/errors";
import { bookingsInOrder, partners, request, stage } from "../factories/booking";

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

it("books at a quiet venue at once while a crowd waits for a busy one", async () => {
  const busy = await stage({ capacity: 100 });
  const quiet = await stage({ capacity: 10 });
  const crowd = await partners(30);
  const [other] = await partners(1);

  const release = await holdVenueLock(busy.venueId);
  // The busy venue's lock is held for 1.5 s whatever happens.
  const released = new Promise((resolve) => setTimeout(resolve, 1_500)).then(release);
  // More requests for the busy venue than the pool has connections (DATABASE_POOL_SIZE, 10).
  const waiting = crowd.map((partner) => requestBooking(partner.actor, request(busy.sessionId, partner.id, 1)));
  await new Promise((resolve) => setTimeout(resolve, 300));

  const started = performance.now();
  const quick = await requestBooking(other!.actor, request(quiet.sessionId, other!.id, 1));
  const took = performance.now() - started;
  await released;
  const crowdResults = await Promise.all(waiting);

  expect(quick.outcome).toBe("CONFIRMED");
  // Before the fix it waited for a connection until the busy venue's lock was released (1.2 s here).
  expect(took).toBeLessThan(250);
  expect(crowdResults.every((result) => result.outcome === "CONFIRMED")).toBe(true);
  expect(await bookingsInOrder(busy.sessionId)).toHaveLength(30);
});

it("answers 'busy, try again' past BOOKING_LOCK_WAIT_MS, and writes nothing", async () => {
  const { venueId, sessionId } = await stage({ capacity: 10 });
  const [first, second] = await partners(2);
  const release = await holdVenueLock(venueId);
  const before = process.env.BOOKING_LOCK_WAIT_MS;
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
    expect(took).toBeLessThan(2_000);
  } finally {
    if (before === undefined) delete process.env.BOOKING_LOCK_WAIT_MS;
    else process.env.BOOKING_LOCK_WAIT_MS = before;
    await release();
  }
  expect(await bookingsInOrder(sessionId)).toEqual([]);
  // And the venue works again at once.
  await expect(requestBooking(first!.actor, request(sessionId, first!.id, 1))).resolves.toMatchObject({ outcome: "CONFIRMED" });
});

// Issue 35.2 and decision 030: a burst for one session is served one booking at a time (the venue's
// lock, rule 7), so the time a booking holds the lock sets the burst's pace. While it holds it, each round
// trip to PostgreSQL waits for this server's event loop, busy with the other requests of the burst. The
// first statement of the work (lib/booking's read of the session) is sent with the lock's request, so
// PostgreSQL runs it the moment the lock is granted, whatever the event loop is doing then.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { withVenueLockOnPool } from "@/lib/booking/transaction";
import { BusyError } from "@/lib/errors";
import { until } from "../support/jobs";

jest.setTimeout(60_000);

/** How long this server's event loop stays busy once the lock is released: the scenario's length, not a wait. */
const BUSY_MS = 1_000;

async function connect() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  client.on("error", () => {}); // the test database is dropped at the end of the file
  await client.connect();
  return client;
}

/** Connections of this test's database waiting for an advisory lock (a venue's). */
async function lockWaiters(): Promise<number> {
  const client = await connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE d.datname = current_database() AND l.locktype = 'advisory' AND NOT l.granted`,
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/** Holds a venue's lock from another connection, as another server's booking would. */
async function holdVenueLock(venueId: string) {
  const client = await connect();
  await client.query("BEGIN");
  await client.query("SELECT pg_advisory_xact_lock(hashtextextended('venue:' || $1::text, 0))", [venueId]);
  return client;
}

it("runs the work's first statement as soon as the venue's lock is granted, while the event loop is busy", async () => {
  const venueId = randomUUID();
  const holder = await holdVenueLock(venueId);
  const work = withVenueLockOnPool(venueId, async (sql) => (await sql.query<{ at: Date }>("SELECT clock_timestamp() AS at"))[0]!.at);
  await until(async () => (await lockWaiters()) >= 1, { what: "the booking waiting for the venue's lock" });

  const [{ releasedAt }] = (await holder.query<{ releasedAt: Date }>(`SELECT clock_timestamp() AS "releasedAt"`)).rows as [{ releasedAt: Date }];
  // The other booking commits; this server is then busy (other requests' work) for BUSY_MS.
  const committed = holder.query("COMMIT");
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, BUSY_MS);
  await committed;
  const firstStatementAt = await work;
  await holder.end();

  expect(firstStatementAt.getTime() - releasedAt.getTime()).toBeLessThan(BUSY_MS / 2);
});

it("still answers BusyError, nothing run, when the lock does not come in time", async () => {
  const venueId = randomUUID();
  const holder = await holdVenueLock(venueId);
  const before = process.env.BOOKING_LOCK_WAIT_MS;
  process.env.BOOKING_LOCK_WAIT_MS = "300";
  let ran = false;
  try {
    await expect(
      withVenueLockOnPool(venueId, async (sql) => {
        await sql.query("SELECT 1");
        ran = true;
      }),
    ).rejects.toBeInstanceOf(BusyError);
  } finally {
    if (before === undefined) delete process.env.BOOKING_LOCK_WAIT_MS;
    else process.env.BOOKING_LOCK_WAIT_MS = before;
    await holder.query("ROLLBACK");
    await holder.end();
  }
  expect(ran).toBe(false);
});

it("gives the pool back a connection that works as before", async () => {
  const venueId = randomUUID();
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      withVenueLockOnPool(venueId, async (sql) => {
        const [{ n }] = (await sql.query<{ n: number }>("SELECT $1::int AS n", [i])) as [{ n: number }];
        const [{ m }] = (await sql.query<{ m: number }>("SELECT $1::int + 1 AS m", [n])) as [{ m: number }];
        return m;
      }),
    ),
  );
  expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
});

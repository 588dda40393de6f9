// Issue 35.1: PostgreSQL planned the booking request's read of its session, and the queue's statement
// that takes jobs, anew at each call (custom plans), though both are prepared: 1.3 ms and 0.3 ms of the
// database's time each, more than running them. They are now planned once per connection.
import { requestBooking } from "@/lib/booking/request";
import { closeSessionOnTime } from "@/lib/booking/timed";
import { withVenueLockOnPool } from "@/lib/booking/transaction";
import { getPool } from "@/lib/db/client";
import { queuePool } from "@/lib/jobs/batching";
import { bookingsInOrder, partners, request, stage } from "../factories/booking";
import { until } from "../support/jobs";

jest.setTimeout(60_000);

describe("statements planned once per connection", () => {
  it("a booking request's read of its session: a generic plan from the first request, no custom plan", async () => {
    const { venueId, sessionId } = await stage({ capacity: 50 });
    const asking = await partners(8);
    // One after the other: the pool hands the same connection back each time.
    for (const partner of asking) await requestBooking(partner.actor, request(sessionId, partner.id, 1));
    const [read] = await withVenueLockOnPool(venueId, (sql) =>
      sql.query<{ generic: number; custom: number }>(
        `SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE name LIKE 'booking-lock-session-for-request-%'`,
      ),
    );
    expect(read).toBeDefined();
    expect(read!.custom).toBe(0);
    expect(read!.generic).toBeGreaterThanOrEqual(1);
  });

  it("a session's closing: its lock, the waitlist's expiry and the notices, each planned once per connection", async () => {
    // Close-session runs once per session of a season, at night: these were sent unnamed, planned at each
    // call (the notices' statement 1.6 ms a plan in a season's replay, more than running it).
    const { venueId, sessionId } = await stage({ capacity: 1, startsInDays: 3 });
    const asking = await partners(4);
    for (const partner of asking) await requestBooking(partner.actor, request(sessionId, partner.id, 1));
    // Closed at the session's start: the three waiting bookings expire, their structures are told.
    expect(await closeSessionOnTime(sessionId, new Date(Date.now() + 4 * 86_400_000))).toEqual({ expired: 3 });
    expect((await bookingsInOrder(sessionId)).map((b) => b.status)).toEqual(["CONFIRMED", "CANCELLED", "CANCELLED", "CANCELLED"]);
    const plans = await withVenueLockOnPool(venueId, (sql) =>
      sql.query<{ name: string; generic: number; custom: number }>(
        `SELECT name, generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements
         WHERE name IN ('lock-session', 'end-session-bookings', 'notify-partners') ORDER BY name`,
      ),
    );
    // The pool lent the same connection to the closing and to this read (nothing else runs).
    expect(plans.map((plan) => plan.name)).toEqual(["end-session-bookings", "lock-session", "notify-partners"]);
    for (const plan of plans) expect(plan).toEqual({ name: plan.name, generic: 1, custom: 0 });
  });

  it("the queue's own connections", async () => {
    const pool = queuePool(process.env.DATABASE_URL!, 1);
    try {
      const { rows } = await pool.query("SHOW plan_cache_mode");
      expect(rows[0].plan_cache_mode).toBe("force_generic_plan");
      // The app's time zone is kept.
      expect((await pool.query("SHOW TimeZone")).rows[0].TimeZone).toBe("UTC");
    } finally {
      await pool.end();
    }
  });

  it("the queue's pool outlives a connection the server closes (keepPoolAlive)", async () => {
    const pool = queuePool(process.env.DATABASE_URL!, 1);
    try {
      // Its one connection, idle in the pool, closed by the server (as by a restart): without a listener,
      // the pool's error event would end the whole process.
      const { pid } = (await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!;
      await getPool().query("SELECT pg_terminate_backend($1)", [pid]);
      // The pool drops the closed connection when it hears of it: waited for, not for a fixed time.
      await until(() => pool.totalCount === 0, { what: "la connexion fermée retirée du pool" });
      expect((await pool.query("SELECT 1 AS one")).rows[0].one).toBe(1);
    } finally {
      await pool.end();
    }
  });
});

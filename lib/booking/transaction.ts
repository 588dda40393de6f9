// How lib/booking coordinates concurrent changes: every change that reads then writes places or quotas
// runs in one transaction that first takes a transaction-scoped advisory lock on the session's venue,
// then locks the rows it reads. PostgreSQL holds the lock, so it works across any number of app servers;
// one lock per venue (quotas span a venue's sessions), always taken first, means no deadlock between
// booking transactions. See docs/decisions/002-booking-allocation.md.
//
// Two kinds of transaction take that same lock: Prisma's interactive transactions, for the rarer
// changes (capacity, quotas), and a connection borrowed from the same pool for the frequent ones,
// where Prisma's per-statement overhead cost four fifths of the throughput: a booking request, a
// cancellation, and the jobs that close a session, lift its quota or run its draw (a season runs each
// thousands of times; a draw sends a statement per application).
//
// Waiting is bounded: a request waits its turn for the venue on its server without a connection
// (venue-queue.ts), then at most what is left of BOOKING_LOCK_WAIT_MS for the lock itself
// (lock_timeout); past that it gets BusyError ("try again"), with nothing written. Both the wait and the
// timeouts are counted for /api/metrics (issue 31.3).
import "server-only";
import { getPool, getPrisma } from "@/lib/db/client";
import { pgSql, prismaSql, type Sql, type Tx } from "@/lib/db/sql";
import { BusyError } from "@/lib/errors";
import { metrics } from "@/lib/observability/metrics";
import { isUuid } from "@/lib/validation";
import { inVenueLine } from "./venue-queue";

export type { Tx };

const MAX_ATTEMPTS = 5;
const LOCK_VENUE = `SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended('venue:' || $1::text, 0))`;

/** How long a request may wait for its venue, in all (its turn on this server, then the lock). */
function maxWaitMs(): number {
  const configured = Number(process.env.BOOKING_LOCK_WAIT_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : 10_000;
}

/** What is left until the deadline, as a lock_timeout PostgreSQL accepts ("0" would mean forever). */
function lockTimeout(deadline: number): string {
  const left = Math.floor(deadline - Date.now());
  if (left < 1) throw new BusyError();
  return `${left}ms`;
}

/** A Prisma transaction holding the venue's lock. */
export function withVenueLock<T>(venueId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  const deadline = Date.now() + maxWaitMs();
  const asked = performance.now();
  return counted(
    inVenueLine(venueId, deadline, () =>
      retrying(() =>
        getPrisma()
          .$transaction(
            async (tx) => {
              await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${lockTimeout(deadline)}'`);
              await prismaSql(tx).query(LOCK_VENUE, [venueId]);
              lockTaken(asked);
              return work(tx);
            },
            { maxWait: Math.max(1, deadline - Date.now()), timeout: 60_000 },
          )
          .catch(asBusy),
      ),
    ),
  );
}

/** A transaction on a pooled connection holding the venue's lock, for the hot path. */
export function withVenueLockOnPool<T>(venueId: string, work: (sql: Sql) => Promise<T>): Promise<T> {
  // BEGIN, the timeout and the lock in one round trip: a multi-statement query cannot take parameters,
  // so the venue's id is checked to be a UUID before it is written into the text. The request's prepared
  // statements (its read of the session, its insert) are planned once per connection: PostgreSQL chose
  // custom plans for them, planned at every call (1.3 ms of the database's time for the read, more than
  // running it; issue 35.1), though they find their rows by ids whatever the values.
  if (!isUuid(venueId)) throw new Error(`Identifiant de lieu invalide : ${venueId}`);
  const deadline = Date.now() + maxWaitMs();
  const asked = performance.now();
  return counted(
    inVenueLine(venueId, deadline, () =>
      retrying(async () => {
        const client = await getPool().connect();
        let broken: Error | undefined;
        // A connection lost mid-transaction emits an error on the client as well as failing the query.
        const onError = (error: Error) => (broken = error);
        client.on("error", onError);
        try {
          await client.query(
            `BEGIN; SET LOCAL lock_timeout = '${lockTimeout(deadline)}'; SET LOCAL plan_cache_mode = force_generic_plan; ${LOCK_VENUE.replace("$1::text", `'${venueId}'`)}`,
          );
          lockTaken(asked);
          const result = await work(pgSql(client));
          await client.query("COMMIT");
          return result;
        } catch (error) {
          await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
          return asBusy(error);
        } finally {
          client.off("error", onError);
          // A broken connection is dropped rather than returned to the pool.
          client.release(broken);
        }
      }),
    ),
  );
}

/** The wait for a venue, from the request to its lock (its turn on this server included): /api/metrics. */
function lockTaken(asked: number): void {
  metrics().lockWaits.observe((performance.now() - asked) / 1000);
}

/** A request that did not get its venue in time is counted (an alert watches them: docs/operations/). */
function counted<T>(work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    if (error instanceof BusyError) metrics().lockTimeouts.inc();
    throw error;
  });
}

/** PostgreSQL's lock_timeout (55P03) and Prisma's "no connection in time" (P2028) mean: busy, try again. */
function asBusy(error: unknown): never {
  const code = (error as { code?: string })?.code;
  const text = String((error as Error)?.message ?? "") + JSON.stringify((error as { meta?: unknown })?.meta ?? {});
  if (code === "55P03" || code === "P2028" || /\b55P03\b|lock timeout|Unable to start a transaction in the given time/i.test(text)) throw new BusyError();
  throw error;
}

async function retrying<T>(attempt: () => Promise<T>): Promise<T> {
  for (let count = 1; ; count++) {
    try {
      return await attempt();
    } catch (error) {
      if (count >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * count + Math.random() * 20));
    }
  }
}

/**
 * Serialization failures and deadlocks are safe to retry: PostgreSQL rolled the whole transaction back.
 * A lost connection is not retried: if it dropped during COMMIT the booking may exist, and a retry
 * could duplicate it (the form's idempotency key makes the user's own retry safe).
 */
export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  if (code === "P2034" || code === "40001" || code === "40P01") return true;
  const text = String((error as Error)?.message ?? "") + JSON.stringify((error as { meta?: unknown })?.meta ?? {});
  return /\b40001\b|\b40P01\b|could not serialize|deadlock detected/i.test(text);
}

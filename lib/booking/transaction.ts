// How lib/booking coordinates concurrent changes: every change that reads then writes places or quotas
// runs in one transaction that first takes a transaction-scoped advisory lock on the session's venue,
// then locks the rows it reads. PostgreSQL holds the lock, so it works across any number of app servers;
// one lock per venue (quotas span a venue's sessions), always taken first, means no deadlock between
// booking transactions. See docs/decisions/002-booking-allocation.md.
//
// Two kinds of transaction take that same lock: Prisma's interactive transactions, for the rarer
// changes (cancellations, capacity, quotas), and a connection borrowed from the same pool for the hot
// path, a booking request, where Prisma's per-statement overhead cost four fifths of the throughput.
import { getPool, getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pgSql, prismaSql, type Sql } from "./sql";

export type Tx = Prisma.TransactionClient;

const MAX_ATTEMPTS = 5;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCK_VENUE = `SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended('venue:' || $1::text, 0))`;

/** A Prisma transaction holding the venue's lock. */
export function withVenueLock<T>(venueId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return retrying(() =>
    getPrisma().$transaction(
      async (tx) => {
        await prismaSql(tx).query(LOCK_VENUE, [venueId]);
        return work(tx);
      },
      // Under a burst, requests queue for a connection and for the lock: wait rather than fail.
      { maxWait: 60_000, timeout: 60_000 },
    ),
  );
}

/** A transaction on a pooled connection holding the venue's lock, for the hot path. */
export function withVenueLockOnPool<T>(venueId: string, work: (sql: Sql) => Promise<T>): Promise<T> {
  return retrying(async () => {
    const client = await getPool().connect();
    let broken: Error | undefined;
    // A connection lost mid-transaction emits an error on the client as well as failing the query.
    const onError = (error: Error) => (broken = error);
    client.on("error", onError);
    try {
      // BEGIN and the lock in one round trip: a multi-statement query cannot take parameters, so the
      // venue's id is checked to be a UUID before it is written into the text.
      if (!UUID.test(venueId)) throw new Error(`Identifiant de lieu invalide : ${venueId}`);
      await client.query(`BEGIN; ${LOCK_VENUE.replace("$1::text", `'${venueId}'`)}`);
      const sql = pgSql(client);
      const result = await work(sql);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.off("error", onError);
      // A broken connection is dropped rather than returned to the pool.
      client.release(broken);
    }
  });
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
 * could duplicate it.
 */
export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  if (code === "P2034" || code === "40001" || code === "40P01") return true;
  const text = String((error as Error)?.message ?? "") + JSON.stringify((error as { meta?: unknown })?.meta ?? {});
  return /\b40001\b|\b40P01\b|could not serialize|deadlock detected/i.test(text);
}

// How lib/booking coordinates concurrent changes: every change that reads then writes places or quotas
// runs in one transaction that first takes a transaction-scoped advisory lock on the session's venue,
// then locks the rows it reads. PostgreSQL holds the lock, so it works across any number of app servers;
// one lock per venue (quotas span a venue's sessions) and always taken first means no deadlock between
// booking transactions. See docs/decisions/002-booking-allocation.md.
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type Tx = Prisma.TransactionClient;

const MAX_ATTEMPTS = 5;

export async function withVenueLock<T>(venueId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await getPrisma().$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`venue:${venueId}`}, 0))`;
          return work(tx);
        },
        // Under a burst, requests queue for a connection and for the lock: wait rather than fail.
        { maxWait: 60_000, timeout: 60_000 },
      );
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
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
  if (code === "P2034") return true; // write conflict or deadlock
  const text = String((error as Error)?.message ?? "") + JSON.stringify((error as { meta?: unknown })?.meta ?? {});
  return /\b40001\b|\b40P01\b|could not serialize|deadlock detected/i.test(text);
}

// Requests for one venue take turns (its lock, transaction.ts). Waiting for that lock while holding a
// pooled connection let one popular venue take every connection of a server, so that requests for any
// other venue waited too. Here each server lines up the requests of a venue in memory, in order of
// arrival, and lets one at a time go to the database: a crowd for one venue holds one connection per
// server, never the pool. The order and the guarantees still come from PostgreSQL's lock (several
// servers); this line only decides who asks for a connection, and how long anyone may wait.
import { BusyError } from "@/lib/errors";

const lines = new Map<string, Promise<void>>();

/**
 * Runs `work` once every earlier request of this server for the venue has finished, or throws BusyError
 * if that has not happened by `deadline` (epoch ms). Never call it again for the same venue from inside
 * `work`: it would wait for itself.
 */
export async function inVenueLine<T>(venueId: string, deadline: number, work: () => Promise<T>): Promise<T> {
  const before = lines.get(venueId) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((resolve) => (done = resolve));
  const tail = before.then(() => mine);
  lines.set(venueId, tail);
  try {
    await waitUntil(before, deadline);
    return await work();
  } finally {
    // Whether it ran or gave up, its turn is over: the next one goes as soon as the previous have.
    done();
    if (lines.get(venueId) === tail) lines.delete(venueId);
  }
}

function waitUntil(promise: Promise<void>, deadline: number): Promise<void> {
  const left = deadline - Date.now();
  if (left <= 0) return Promise.race([promise, Promise.reject(new BusyError())]);
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<void>((_, reject) => {
      timer = setTimeout(() => reject(new BusyError()), left);
    }),
  ]).finally(() => clearTimeout(timer));
}

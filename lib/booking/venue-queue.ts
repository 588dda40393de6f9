// Requests for one venue take turns (its lock, transaction.ts). Waiting for that lock while holding a
// pooled connection let one popular venue take every connection of a server, so that requests for any
// other venue waited too. Here each server lines up the requests of a venue in memory, in order of
// arrival, and lets only a few of them (BOOKING_VENUE_SLOTS, default 2) go to the database at once: a
// crowd for one venue holds two connections per server, never the pool. Two rather than one, so that
// the next request has its transaction open and its place in PostgreSQL's lock queue while the current
// one commits. The order and the guarantees still come from PostgreSQL's lock (several servers); this
// line only decides who asks for a connection, and how long anyone may wait. See
// docs/decisions/004-bounded-venue-waits.md.
import { poolSettings } from "@/lib/db/pool-settings";
import { BusyError } from "@/lib/errors";

interface Line {
  /** Requests of the venue holding a slot (at the database). */
  active: number;
  /** Requests waiting for a slot, first come first served: each is handed its slot by a leaving one. */
  waiting: (() => void)[];
}

const lines = new Map<string, Line>();

/** Always fewer than the pool's connections: a configuration where they are not is refused (pool-settings.ts). */
function slots(): number {
  return poolSettings().venueSlots;
}

/**
 * Runs `work` once it holds one of the venue's slots on this server, or throws BusyError if that has not
 * happened by `deadline` (epoch ms). Never call it again for the same venue from inside `work`.
 */
export async function inVenueLine<T>(venueId: string, deadline: number, work: () => Promise<T>): Promise<T> {
  let line = lines.get(venueId);
  if (!line) lines.set(venueId, (line = { active: 0, waiting: [] }));
  if (line.active < slots()) line.active++;
  else await waitForSlot(line, deadline);
  try {
    return await work();
  } finally {
    const next = line.waiting.shift();
    // The slot goes straight to the next in line; with nobody waiting it is given back.
    if (next) next();
    else if (--line.active === 0) lines.delete(venueId);
  }
}

function waitForSlot(line: Line, deadline: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const granted = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(
      () => {
        const index = line.waiting.indexOf(granted);
        if (index >= 0) line.waiting.splice(index, 1);
        reject(new BusyError());
      },
      Math.max(0, deadline - Date.now()),
    );
    line.waiting.push(granted);
  });
}

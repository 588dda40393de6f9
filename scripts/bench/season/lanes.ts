// Issue 35.1: "--clients requests run at once from distinct structures, as many app servers would send
// them". A batch of a moment may hold several operations of one structure (a structure that books twice
// the same afternoon, cancels two bookings in the morning); run at once they would be one structure's
// two clicks at the same instant, not the country's many structures. So each operation has a sender (its
// structure; a venue for a venue's cancellations), a sender's operations all go to the same app server,
// and a server never has two of one sender's operations in flight: it takes the next operation whose
// sender is free, and leaves the others for later in the batch, in their order.
import type { Op } from "./ops";

/** Who sends the operation: the structure, or the venue for a venue's cancellations. */
export function senderOf(op: Op): string {
  switch (op.kind) {
    case "cancel-session":
    case "cancel-event":
      return `venue:${op.venue}`;
    default:
      return `partner:${op.partner}`;
  }
}

/** Deals a batch out to `count` servers by sender: each sender's operations to one server, in their order; `indexes` says where each came from. */
export function deal(ops: Op[], count: number): { ops: Op[]; indexes: number[] }[] {
  const shares = Array.from({ length: count }, () => ({ ops: [] as Op[], indexes: [] as number[] }));
  ops.forEach((op, index) => {
    const share = shares[hash(senderOf(op)) % count]!;
    share.ops.push(op);
    share.indexes.push(index);
  });
  return shares;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Runs the operations `concurrency` at a time, never two of one sender at once; the results in the
 * operations' order. A sender's operations run in their order.
 */
export async function runDistinct<R>(ops: Op[], concurrency: number, run: (op: Op) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(ops.length);
  const taken = new Array<boolean>(ops.length).fill(false);
  const busy = new Set<string>();
  let first = 0; // every operation before it is taken
  let running = 0;
  return new Promise<R[]>((resolve, reject) => {
    let done = 0;
    const next = () => {
      if (done === ops.length) return resolve(results);
      while (first < ops.length && taken[first]) first++;
      const seen = new Set<string>();
      for (let index = first; index < ops.length && running < concurrency; index++) {
        if (taken[index]) continue;
        const sender = senderOf(ops[index]!);
        // A sender's operations in their order: the first of its left is the only one it may start.
        if (busy.has(sender) || seen.has(sender)) {
          seen.add(sender);
          continue;
        }
        seen.add(sender);
        taken[index] = true;
        busy.add(sender);
        running++;
        run(ops[index]!).then((result) => {
          results[index] = result;
          busy.delete(sender);
          running--;
          done++;
          next();
        }, reject);
      }
    };
    if (!ops.length) resolve(results);
    else next();
  });
}

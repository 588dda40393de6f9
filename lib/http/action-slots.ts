// Issue 27.1 and decision 010: a process runs at most `slots` server actions at once, the others waiting
// their turn in arrival order; and one client (its address, an IPv6 client by its /64) holds at most
// `perAddress` of them, so that one client sending many forms at once cannot take every turn: the
// others' forms pass its waiting ones. A slot is taken once the body is read (lib/http/request-body.ts).

/** Runs a task with a slot; the task calls `release` when its answer is over (once is enough). */
export type Task = (release: () => void) => void;

export function actionSlots(slots: number, perAddress: number) {
  let running = 0;
  const held = new Map<string, number>();
  const waiting: { client: string; task: Task }[] = [];

  const start = (client: string, task: Task) => {
    running++;
    held.set(client, (held.get(client) ?? 0) + 1);
    let released = false;
    task(() => {
      if (released) return;
      released = true;
      running--;
      const left = held.get(client)! - 1;
      if (left) held.set(client, left);
      else held.delete(client);
      next();
    });
  };

  const next = () => {
    for (let i = 0; i < waiting.length && running < slots;) {
      const { client, task } = waiting[i]!;
      if ((held.get(client) ?? 0) >= perAddress) {
        i++;
        continue;
      }
      waiting.splice(i, 1);
      start(client, task);
    }
  };

  return (client: string, task: Task) => {
    waiting.push({ client, task });
    next();
  };
}

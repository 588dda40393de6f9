// Who a request acts for, for its log line: the gate (lib/http/request-log.ts) opens a context around
// each request and lib/auth/current.ts notes the actor it resolved into it, so that the line written when
// the answer leaves says "user 3f…, ADMIN" without the gate reading the session cookie a second time.
// Only an id and a role are kept: nothing that names the person.
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestFacts {
  actorId?: string;
  role?: string;
}

// On globalThis: Next.js' bundle (which notes the actor) and scripts/server.ts (which opened the context)
// load separate copies of this module, and must share the one storage.
const slot = globalThis as typeof globalThis & { __billetterieRequest?: AsyncLocalStorage<RequestFacts> };
const storage = (slot.__billetterieRequest ??= new AsyncLocalStorage<RequestFacts>());

export function withRequestFacts<T>(facts: RequestFacts, work: () => T): T {
  return storage.run(facts, work);
}

/** Records the actor of the current request, if there is one (outside a request, does nothing). */
export function noteActor(actor: { kind: string; userId?: string; partnerId?: string; role?: string }): void {
  const facts = storage.getStore();
  if (!facts) return;
  if (actor.kind === "user") Object.assign(facts, { actorId: actor.userId, role: actor.role });
  // A visitor is known by the structure whose code opened the session, never by the code itself.
  else if (actor.kind === "visitor") Object.assign(facts, { actorId: actor.partnerId, role: "VISITOR" });
  else facts.role ??= actor.kind.toUpperCase();
}

// Who is acting, as the data layer sees it. Built on the server for every request from the session
// and the database (never trusted from the client), then passed to every data-access function.
export type Actor =
  | { kind: "user"; userId: string; role: "ADMIN" }
  | { kind: "user"; userId: string; role: "PARTNER"; partnerId: string }
  | { kind: "user"; userId: string; role: "VENUE"; venueIds: readonly string[] }
  /**
   * A person supported by a partner, with the structure's visitor code: read-only. `session` names the
   * visitor session (drawn when the code is typed, lib/auth/visitor.ts): limits count per session first,
   * so that one visitor cannot spend the whole structure's share (issue 27.7). Without it, the actor counts
   * as the structure's one session (the strictest reading).
   */
  | { kind: "visitor"; partnerId: string; session?: string }
  | { kind: "anonymous" }
  /** Scheduled work (closing bookings, expiring waitlists): acts for no one, may do what the rules do. */
  | { kind: "system" };

export type UserActor = Extract<Actor, { kind: "user" }>;

export const systemActor: Actor = { kind: "system" };
export const anonymousActor: Actor = { kind: "anonymous" };

/** The user id recorded in the audit log and on bookings, if any. */
export function actorUserId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.userId : null;
}

/** How the audit log names the kind of actor. */
export function actorKind(actor: Actor): string {
  return actor.kind === "user" ? actor.role.toLowerCase() : actor.kind;
}

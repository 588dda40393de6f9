// The actor of the current request, for pages, server actions and route handlers: read from the
// next-auth session, then checked against the database (an account deactivated, a password changed or
// a visitor code renewed since sign-in ends the session here, at its next request).
import "server-only";
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { anonymousActor, type Actor, type UserActor } from "./actor";
import { userActor } from "./sign-in";
import { decodeSessionToken } from "./session-token";
import { visitorActor } from "./visitor";
import { noteActor } from "@/lib/observability/request-context";

interface SessionToken {
  kind?: "user" | "visitor";
  userId?: string;
  sessionVersion?: number;
  partnerId?: string;
  codeVersion?: number;
  openedAt?: number;
  /** The visitor session's name (lib/auth/visitor.ts); a cookie written before it counts by its opening time. */
  visitorSession?: string;
}

async function readToken(): Promise<SessionToken | null> {
  // getToken checks the cookie's signature and expiry and gives its claims (decoded with the key remembered).
  const cookieStore = await cookies();
  const headerStore = await headers();
  const req = { cookies: Object.fromEntries(cookieStore.getAll().map((c) => [c.name, c.value])), headers: Object.fromEntries(headerStore.entries()) };
  return (await getToken({ req: req as never, secret: process.env.NEXTAUTH_SECRET, decode: decodeSessionToken })) as SessionToken | null;
}

/** Once per request (React's cache), however many components ask. */
export const currentActor = cache(async (): Promise<Actor> => {
  const actor = await resolveActor();
  // The request's log line says who acted, by id and role (lib/http/request-log.ts).
  noteActor(actor);
  return actor;
});

async function resolveActor(): Promise<Actor> {
  const token = await readToken();
  if (!token) return anonymousActor;
  if (token.kind === "user" && token.userId) return (await userActor(token.userId, token.sessionVersion ?? -1)) ?? anonymousActor;
  if (token.kind === "visitor" && token.partnerId) {
    const session = token.visitorSession ?? `opened-${token.openedAt ?? 0}`;
    return (await visitorActor(token.partnerId, token.codeVersion ?? -1, token.openedAt ?? 0, Date.now(), session)) ?? anonymousActor;
  }
  return anonymousActor;
}

/** A signed-in user of one of these roles, or off to the sign-in page (then back here). */
export async function requireUser<R extends UserActor["role"]>(path: string, ...roles: R[]): Promise<Extract<UserActor, { role: R }>> {
  const actor = await currentActor();
  // A visitor is signed in already, as a visitor: send them to the offer, not round the sign-in page.
  if (actor.kind === "visitor") redirect(homeOf(actor));
  if (actor.kind !== "user") redirect(`/connexion?suite=${encodeURIComponent(path)}`);
  if (roles.length && !roles.includes(actor.role as R)) redirect(homeOf(actor));
  return actor as Extract<UserActor, { role: R }>;
}

export function homeOf(actor: Actor): string {
  if (actor.kind === "visitor") return "/offre";
  if (actor.kind !== "user") return "/connexion";
  return actor.role === "ADMIN" ? "/admin" : actor.role === "PARTNER" ? "/partenaire" : "/lieu";
}

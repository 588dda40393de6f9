// Limits on sign-in attempts, forgotten-password requests and visitor codes, kept in PostgreSQL so that
// they hold across every app server. An attempt is counted *before* the password or the code is
// checked: under a lock on its keys it counts the rows of the window and, if within the limit, inserts
// its own; twenty attempts at once therefore get exactly as many checks as the limit allows. A
// successful attempt is forgiven afterwards, so that only failures (and every reset request) count.
import "server-only";
import { getPrisma } from "@/lib/db/client";
import { addressBlock } from "@/lib/http/client-address";

export const WINDOW_MS = 15 * 60_000;
export const LIMITS = {
  /** Wrong passwords for one account. */
  email: 5,
  /** Wrong passwords from one address. */
  ip: 30,
  /** Wrong visitor codes from one address. */
  "visitor-ip": 10,
  /** Wrong visitor codes from everywhere at once: guessing from many addresses stays slow. */
  "visitor-all": 200,
  /** Forgotten-password requests for one address, and from one client. */
  "reset-email": 3,
  "reset-ip": 10,
  /** Wrong feedback codes in one visitor session (lib/feedback): counted first (issue 27.7). */
  "feedback-session": 5,
  /** Wrong feedback codes through one structure's visitor access, all its sessions together: twenty times
   * one session's share, so that one visitor never locks the others out (issue 27.7). */
  "feedback-partner": 100,
  /** Registrations for the association's activities, and tries of a number to cancel one, from one client. */
  "activity-ip": 20,
  /** Registrations from every client at once (issue 27.6): a form that mails any address it is given stays
   * a slow way to mail strangers, however many addresses send it. Well above a busy quarter of an hour. */
  "activity-all": 200,
  /** "Become a partner" requests from one client. */
  "partnership-ip": 5,
  /** "Become a partner" requests from every client at once (issue 27.6): the association receives a few a
   * week; each one opens a structure in its pipeline and acknowledges an address nobody confirmed. */
  "partnership-all": 10,
} as const;

export type Scope = keyof typeof LIMITS;
/** The scopes that count per client address: an IPv6 client is counted by its /64 (issue 27.4). */
const perAddress = (scope: Scope) => scope === "ip" || scope.endsWith("-ip");
const keyOf = (scope: Scope, value: string) => `${scope}:${(perAddress(scope) ? addressBlock(value) : value).toLowerCase()}`;

export interface Attempt {
  ids: bigint[];
}

/** Takes an attempt against every key; null when one of them has reached its limit (nothing is kept then). */
export async function takeAttempt(keys: [Scope, string][], now = new Date()): Promise<Attempt | null> {
  const named = keys.map(([scope, value]) => ({ key: keyOf(scope, value), limit: LIMITS[scope] }));
  const since = new Date(now.getTime() - WINDOW_MS);
  const attempt = await getPrisma().$transaction(async (tx) => {
    // One lock per key, always in the same order: concurrent attempts on a key count one after another.
    for (const key of named.map((n) => n.key).sort())
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${`attempt:${key}`}, 0))`;
    const counts = await Promise.all(named.map(({ key }) => tx.signInAttempt.count({ where: { key, at: { gt: since } } })));
    if (counts.some((count, index) => count >= named[index]!.limit)) return null;
    const rows = await tx.signInAttempt.createManyAndReturn({ data: named.map(({ key }) => ({ key, at: now })), select: { id: true } });
    return { ids: rows.map((row) => row.id) };
  });
  // Housekeeping, cheap thanks to the index on "at": nothing older than a day is of any use.
  if (attempt) await getPrisma().signInAttempt.deleteMany({ where: { at: { lt: new Date(now.getTime() - 24 * 3600_000) } } });
  return attempt;
}

/** The attempt succeeded: it does not count against anyone. */
export async function forgiveAttempt(attempt: Attempt): Promise<void> {
  await getPrisma().signInAttempt.deleteMany({ where: { id: { in: attempt.ids } } });
}

export async function clearFailures(scope: Scope, value: string): Promise<void> {
  await getPrisma().signInAttempt.deleteMany({ where: { key: keyOf(scope, value) } });
}

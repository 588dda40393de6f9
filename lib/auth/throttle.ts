// Limits on sign-in attempts, per account and per address, kept in PostgreSQL so that they hold across
// every app server. Only failures are recorded; a success clears the account's failures.
import { getPrisma } from "@/lib/db/client";

export const WINDOW_MS = 15 * 60_000;
export const LIMITS = { email: 5, ip: 30, "visitor-ip": 10 } as const;

type Scope = keyof typeof LIMITS;
const keyOf = (scope: Scope, value: string) => `${scope}:${value.toLowerCase()}`;

/** True when any of the given keys has reached its limit within the window. */
export async function isThrottled(keys: [Scope, string][], now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - WINDOW_MS);
  for (const [scope, value] of keys) {
    const failures = await getPrisma().signInAttempt.count({ where: { key: keyOf(scope, value), at: { gt: since } } });
    if (failures >= LIMITS[scope]) return true;
  }
  return false;
}

export async function recordFailure(keys: [Scope, string][], now = new Date()): Promise<void> {
  const prisma = getPrisma();
  await prisma.signInAttempt.createMany({ data: keys.map(([scope, value]) => ({ key: keyOf(scope, value), at: now })) });
  // Housekeeping, cheap thanks to the index on "at": nothing older than a day is of any use.
  await prisma.signInAttempt.deleteMany({ where: { at: { lt: new Date(now.getTime() - 24 * 3600_000) } } });
}

export async function clearFailures(scope: Scope, value: string): Promise<void> {
  await getPrisma().signInAttempt.deleteMany({ where: { key: keyOf(scope, value) } });
}

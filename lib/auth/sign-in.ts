// Signing in: the address and password checked against the account, attempts counted per account and per
// address (throttle.ts), and the actor rebuilt from the database on every request, so that a deactivated
// account or a bumped sessionVersion ends the sessions already open (current.ts asks it).
import "server-only";
import { z } from "zod";
import { getPool, getPrisma } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "./actor";
import { hashPassword, verifyPassword } from "./password";
import { clearFailures, forgiveAttempt, takeAttempt } from "./throttle";
import { email } from "./schemas";

export type SignInResult = { ok: true; userId: string; sessionVersion: number } | { ok: false; reason: "INVALID" | "THROTTLED" };

// Verifying against a real hash even for an unknown address keeps the answer time the same, so timing
// does not tell whether an account exists either.
let decoyHash: Promise<string> | undefined;

export async function verifyCredentials(input: { email?: unknown; password?: unknown }, ip: string, now = new Date()): Promise<SignInResult> {
  const parsed = z.object({ email, password: z.string().min(1).max(200) }).safeParse(input);
  if (!parsed.success) return { ok: false, reason: "INVALID" };
  // Counted before the password is checked: a burst of guesses gets no more checks than the limit.
  const attempt = await takeAttempt(
    [
      ["email", parsed.data.email],
      ["ip", ip],
    ],
    now,
  );
  if (!attempt) return { ok: false, reason: "THROTTLED" };
  const user = await getPrisma().user.findUnique({ where: { email: parsed.data.email } });
  decoyHash ??= hashPassword("not a password of anyone");
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), parsed.data.password);
  if (!user || !user.active || !user.passwordHash || !valid) return { ok: false, reason: "INVALID" };
  await forgiveAttempt(attempt);
  await clearFailures("email", parsed.data.email);
  await getPrisma().user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
  return { ok: true, userId: user.id, sessionVersion: user.sessionVersion };
}

/**
 * The actor of a signed-in session, rebuilt from the database on every request. Every page and every
 * action asks first, so it is one prepared statement on the pool rather than Prisma's two queries (the
 * user, then their venues) through its query engine, which took 6 % of the servers' CPU in a burst of
 * bookings (npm run bench:burst).
 */
export async function userActor(userId: string, sessionVersion: number): Promise<Actor | null> {
  if (!z.guid().safeParse(userId).success) return null; // a token never carries another, but the cast would fail
  const {
    rows: [user],
  } = await getPool().query<{ id: string; role: Role; partnerId: string | null; active: boolean; sessionVersion: number; venueIds: string[] }>({
    name: "user-actor",
    text: `SELECT u."id"::text AS "id", u."role"::text AS "role", u."partnerId"::text AS "partnerId", u."active", u."sessionVersion",
                  ARRAY(SELECT m."venueId"::text FROM "VenueManager" m WHERE m."userId" = u."id" ORDER BY m."venueId") AS "venueIds"
           FROM "User" u WHERE u."id" = $1::uuid`,
    values: [userId],
  });
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  if (user.role === "ADMIN") return { kind: "user", role: "ADMIN", userId: user.id };
  if (user.role === "PARTNER") return { kind: "user", role: "PARTNER", userId: user.id, partnerId: user.partnerId! };
  return { kind: "user", role: "VENUE", userId: user.id, venueIds: user.venueIds };
}

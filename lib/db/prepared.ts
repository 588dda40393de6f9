// The statements every view of a heavy page sends, prepared once per connection of the pool: PostgreSQL
// then parses and plans them once, not on every view (issue 35.2, decision 032). Prisma's $queryRaw sends
// unnamed statements, planned anew each time: for the memberships page's campaign figures the planning
// alone was 1–1.5 ms of the database's time per view, as much as half of running it. As the signed-in
// actor's lookup (lib/auth/sign-in.ts), through the app's own pool (Prisma's adapter runs on it).
// Only for statements whose rows need none of Prisma's conversions: numbers, texts, booleans, JSON and
// arrays of text come back from pg as they do from Prisma, but pg reads a `date` column at local midnight.
import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getPool } from "./client";

/** Each text's statement name, worked out once (the texts come from code and whitelists, never from a URL: about a hundred). */
const names = new Map<string, string>();

export async function preparedRows<T>(statement: Prisma.Sql): Promise<T[]> {
  return preparedQuery<T>(statement.text, statement.values as unknown[]);
}

/** The same for a statement written as text with $1, $2… (the jobs' mail statements: lib/mail/booking-mails.ts). */
export async function preparedQuery<T>(text: string, values: unknown[]): Promise<T[]> {
  let name = names.get(text);
  if (!name) names.set(text, (name = `prepared-${createHash("sha256").update(text).digest("hex").slice(0, 24)}`));
  return (await getPool().query({ name, text, values })).rows as T[];
}

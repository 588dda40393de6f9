// How many statements a call sends to PostgreSQL, counted on the app's own pool (lib/db/client.ts): each
// statement outside a transaction checks a connection out of it, Prisma's included (its pg adapter runs on
// that pool). Nothing is replaced: the pool's "acquire" event is only listened to, for the call's time.
// For the lists of the heavy pages (issue 35.2): every statement is a round trip, and under 16 clients on
// two cores the database's share of them is what a page waits for.
import { getPool } from "@/lib/db/client";

export async function statementsOf<T>(call: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const pool = getPool();
  let statements = 0;
  const count = () => statements++;
  pool.on("acquire", count);
  try {
    const result = await call();
    return { result, statements };
  } finally {
    pool.off("acquire", count);
  }
}

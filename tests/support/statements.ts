// How many statements a call sends to PostgreSQL, counted on the app's own pool (lib/db/client.ts): each
// statement outside a transaction checks a connection out of it, Prisma's included (its pg adapter runs on
// that pool). statementsOf replaces nothing: the pool's "acquire" event is only listened to, for the call's time.
// For the lists of the heavy pages (issue 35.2): every statement is a round trip, and under 16 clients on
// two cores the database's share of them is what a page waits for.
import type { PoolClient } from "pg";
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

/**
 * The statements PostgreSQL holds prepared on the app pool's connections (its own view of each session,
 * pg_prepared_statements): a statement prepared once per connection is parsed and planned once, not on
 * every call (decision 032). Call it when nothing else uses the pool: it borrows every idle connection.
 */
export async function preparedStatements(): Promise<string[]> {
  const pool = getPool();
  const clients = await Promise.all(Array.from({ length: pool.idleCount }, () => pool.connect()));
  try {
    const texts = await Promise.all(
      clients.map(async (client) => (await client.query<{ statement: string }>("SELECT statement FROM pg_prepared_statements")).rows),
    );
    return texts.flat().map((row) => row.statement);
  } finally {
    for (const client of clients) client.release();
  }
}

/**
 * Every round trip a call makes, those inside a transaction included (statementsOf counts a transaction
 * once: it checks one connection out); a text of several statements sent at once counts once. Each
 * connection checked out while the call runs has its `query` wrapped to count until the call ends, then
 * given back as it was.
 */
export async function queriesOf<T>(call: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const pool = getPool();
  let queries = 0;
  const counted = new Map<PoolClient, PoolClient["query"]>();
  const count = (client: PoolClient) => {
    if (counted.has(client)) return;
    const query = client.query;
    counted.set(client, query);
    client.query = ((...args: Parameters<PoolClient["query"]>) => {
      queries++;
      return (query as (...a: unknown[]) => unknown).apply(client, args);
    }) as PoolClient["query"];
  };
  pool.on("acquire", count);
  try {
    const result = await call();
    return { result, queries };
  } finally {
    pool.off("acquire", count);
    for (const [client, query] of counted) client.query = query;
  }
}

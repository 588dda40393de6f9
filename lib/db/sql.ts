// The SQL statements that must run inside either kind of transaction of the app (a Prisma interactive
// transaction, or a connection borrowed from the pool on lib/booking's hot path) go through this
// interface: parameters as $1, $2…, rows back as plain objects.
import "server-only";
import type pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";

export type Tx = Prisma.TransactionClient;

export interface Sql {
  /** `name` makes it a prepared statement on a pg connection (parsed and planned once per connection). */
  query<T>(text: string, values?: unknown[], name?: string): Promise<T[]>;
}

export function prismaSql(tx: Pick<Tx, "$queryRawUnsafe">): Sql {
  return { query: <T>(text: string, values: unknown[] = []) => tx.$queryRawUnsafe<T[]>(text, ...values) };
}

/** Outside a transaction, on the app's pool (no Prisma between: its raw queries cost the servers more). */
export function poolSql(pool: pg.Pool): Sql {
  return {
    query: async <T>(text: string, values: unknown[] = [], name?: string) => (await pool.query({ text, values, name })).rows as T[],
  };
}

export function pgSql(client: pg.PoolClient): Sql {
  return {
    query: async <T>(text: string, values: unknown[] = [], name?: string) => (await client.query({ text, values, name })).rows as T[],
  };
}

// The one connection pool and Prisma client of a server process, created on first use (so importing a
// module never needs a database) and kept across hot reloads in development. Prisma runs on the pool
// through its pg adapter; lib/booking's hot path borrows connections from the same pool.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { keepPoolAlive } from "./keep-pool-alive";
import { poolSettings } from "./pool-settings";

interface Database {
  pool: pg.Pool;
  prisma: PrismaClient;
}

const globalForDb = globalThis as unknown as { database?: Database };

/**
 * How every connection of the app is opened. Prisma's pg adapter sends dates as UTC wall-clock text
 * without an offset ("2026-12-12 19:30:00"), which PostgreSQL reads in the session's time zone: on a
 * server set to Europe/Paris every date Prisma wrote would be an hour or two off. UTC sessions make
 * what is written what is meant, whatever the server's setting.
 */
export function connectionConfig(databaseUrl: string): pg.PoolConfig {
  return { connectionString: databaseUrl, options: "-c TimeZone=UTC" };
}

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(connectionConfig(databaseUrl)) });
}

function database(): Database {
  if (!globalForDb.database) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL n'est pas défini : lancez l'application avec npm run demo ou npm run dev.");
    // Refused here, before any connection, when a venue's slots could take the whole pool (pool-settings.ts).
    const pool = keepPoolAlive(new pg.Pool({ ...connectionConfig(url), max: poolSettings().poolSize }));
    // A transaction opened while every connection is busy (an opening rush) waits its turn, as a booking
    // does (BOOKING_LOCK_WAIT_MS, 10 s), rather than failing after Prisma's default 2 s: slow, not lost.
    const transactionOptions = { maxWait: 10_000, timeout: 15_000 };
    globalForDb.database = { pool, prisma: new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions }) };
  }
  return globalForDb.database;
}

export function getPrisma(): PrismaClient {
  return database().prisma;
}

export function getPool(): pg.Pool {
  return database().pool;
}

/** Closes the client and its pool; the next getPrisma() opens new ones (tests, scripts). */
export async function disconnectPrisma(): Promise<void> {
  const current = globalForDb.database;
  globalForDb.database = undefined;
  if (!current) return;
  await current.prisma.$disconnect();
  await current.pool.end();
}

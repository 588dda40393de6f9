// Which PostgreSQL the scripts use: DATABASE_URL when set (production, a managed server), otherwise the
// embedded one whose data lives in .data/postgres. When the demo already runs it, scripts connect to it.
import path from "node:path";
import pg from "pg";
import { describeDataDir, ensureDatabase, superviseEmbeddedPostgres } from "../../lib/db/embedded";

export const projectRoot = path.resolve(__dirname, "..", "..");
/** Local data (embedded PostgreSQL, generated secrets); the end-to-end tests use their own folder. */
export const dataDir = path.resolve(projectRoot, process.env.BILLETTERIE_DATA_DIR ?? ".data");
const DATABASE = "billetterie";

export interface OpenDatabase {
  url: string;
  /** True when this process started the embedded server (and must stop it). */
  startedHere: boolean;
  /** Where the data lives, for people. */
  where: string;
  close(): Promise<void>;
}

/** Loads .env when present (Node's own loader); variables already set win. */
export function loadEnv() {
  try {
    process.loadEnvFile(path.join(projectRoot, ".env"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/**
 * The embedded server started here is kept running: started again when it dies (issue 26.13). When it
 * cannot be, `onGiveUp` is told (the demo then stops, with that sentence, for a supervisor to restart it).
 */
export async function openDatabase({ onGiveUp = (error: Error) => console.error(error.message) } = {}): Promise<OpenDatabase> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, startedHere: false, where: "la base de DATABASE_URL", close: async () => {} };
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const url = `postgresql://postgres:postgres@localhost:${port}/${DATABASE}`;
  const folder = path.join(dataDir, "postgres");
  if (await answers(url)) return { url, startedHere: false, where: describeDataDir(folder), close: async () => {} };

  const server = await superviseEmbeddedPostgres({ dataDir: folder, port, persistent: true }, { onEvent: (message) => console.warn(message), onGiveUp });
  await ensureDatabase(server.url("postgres"), DATABASE);
  return { url: server.url(DATABASE), startedHere: true, where: describeDataDir(folder), close: () => server.stop() };
}

/**
 * Gives every session still to come the jobs of its timed rules it lacks (closing, a quota lifting, the
 * reminder and the attendance request): for data loaded by the demo's seed, or written before the jobs
 * existed; and warns of conventions ending soon now rather than at the next morning's run. Harmless to
 * repeat: each warning is written once.
 */
export async function scheduleTimedJobs(url: string): Promise<number> {
  process.env.DATABASE_URL = url;
  const { scheduleAllSessionJobs } = await import("../../lib/booking/timed");
  const { warnEndingConventions } = await import("../../lib/association/convention-warnings");
  const { disconnectPrisma, getPrisma } = await import("../../lib/db/client");
  const { prismaSql } = await import("../../lib/db/sql");
  try {
    await warnEndingConventions(prismaSql(getPrisma()));
    return await scheduleAllSessionJobs();
  } finally {
    await disconnectPrisma();
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

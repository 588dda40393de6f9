// What a bench needs to measure the production build over HTTP as npm start serves it, the way
// scripts/bench/pages.ts does it: an embedded PostgreSQL in a temporary folder, scripts/server.ts on a free
// port, requests, and the real sign-in (an account or a structure's visitor code). Whatever it starts is
// stopped, and its folders removed, on the way out, on a signal or on a failure (runCleanups).
import "../lib/allow-server-only";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrations";
import { projectRoot } from "../lib/database";
import { freePort, request, sleep } from "./http-client";

export { freePort, request, signIn, signInAsVisitor, sleep, type Answer } from "./http-client";

const tsxCli = path.join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs");

// ── Cleaning up whatever happens ──

const cleanups: { name: string; run: () => Promise<void> }[] = [];
const children = new Set<ChildProcess>();
let cleaning: Promise<void> | undefined;

/** Something to undo on the way out; the last registered runs first. */
export function onCleanup(name: string, run: () => Promise<void>) {
  cleanups.push({ name, run });
}

export function runCleanups(): Promise<void> {
  return (cleaning ??= (async () => {
    for (const { name, run } of cleanups.reverse()) {
      try {
        await run();
      } catch (error) {
        process.stderr.write(`nettoyage (${name}) : ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
  })());
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal} : arrêt des serveurs et suppression des dossiers temporaires…\n`);
    void runCleanups().finally(() => process.exit(130));
  });
}
// Last resort (an exception past the finally): no app server outlives the bench. PostgreSQL has its own.
process.on("exit", () => {
  for (const child of children) killGroup(child, "SIGKILL");
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the process group this bench created for it (detached)
  } catch {
    // already gone
  }
}

// ── The database ──

/** An embedded PostgreSQL in `tempRoot` with the migrations applied; stopped on the way out. */
export async function startDatabase(tempRoot: string, name: string): Promise<string> {
  const server = await startEmbeddedPostgres({ dataDir: path.join(tempRoot, `pg-${name}`), port: 0, persistent: false });
  onCleanup(`PostgreSQL ${name}`, () => server.stop());
  await ensureDatabase(server.url("postgres"), "bench");
  const url = server.url("bench");
  await applyMigrations(url);
  return url;
}

/** The secrets an app server needs, new for each run. */
export function benchSecrets(): Record<string, string> {
  return {
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    INVITATION_SIGNING_KEY: randomBytes(32).toString("base64url"),
    INVITATION_ED25519_KEY: randomBytes(32).toString("base64url"),
  };
}

// ── HTTP ──

export interface AppServer {
  name: string;
  port: number;
  origin: string;
  agent: http.Agent;
  /** The server's last 200 lines of output. */
  log: string[];
  child: ChildProcess;
}

// ── The app server ──

/**
 * scripts/server.ts on a free port of 127.0.0.1, as npm start runs it, from the production build in .next,
 * on `databaseUrl`, without the job queue's workers; ready when /api/health answers 200. `env` adds to
 * the environment (WEB_CONCURRENCY…), `nodeArgs` replaces tsx's CLI (a profiler's flags and tsx as a loader).
 */
export async function startApp(
  name: string,
  databaseUrl: string,
  secrets: Record<string, string>,
  { env = {}, nodeArgs = [tsxCli], sockets = 32 }: { env?: Record<string, string>; nodeArgs?: string[]; sockets?: number } = {},
): Promise<AppServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, path.join(projectRoot, "scripts", "server.ts")], {
    cwd: projectRoot,
    detached: true, // its own process group, stopped as a whole
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      ...secrets,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      BILLETTERIE_WORKER: "off",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
  });
  children.add(child);
  const log: string[] = [];
  const remember = (chunk: Buffer) => {
    log.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (log.length > 200) log.splice(0, log.length - 200);
  };
  child.stdout!.on("data", remember);
  child.stderr!.on("data", remember);
  const server: AppServer = { name, port, origin: `http://127.0.0.1:${port}`, agent: new http.Agent({ keepAlive: true, maxSockets: sockets }), log, child };
  onCleanup(`serveur ${name}`, async () => {
    server.agent.destroy();
    const exited =
      child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once("exit", () => resolve()));
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
    killGroup(child, "SIGKILL"); // anything left in its group
    children.delete(child);
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Le serveur ${name} s'est arrêté :\n${log.slice(-20).join("\n")}`);
    try {
      if ((await request(server, "GET", "/api/health")).status === 200) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Le serveur ${name} ne répond pas sur le port ${port} :\n${log.slice(-20).join("\n")}`);
    await sleep(300);
  }
}

/** A temporary folder, removed on the way out. */
export function temporaryFolder(prefix: string, parent: string): string {
  const folder = fs.mkdtempSync(path.join(parent, prefix));
  onCleanup("dossier temporaire", async () => fs.rmSync(folder, { recursive: true, force: true }));
  return folder;
}

// npm run demo | npm run dev: the whole application on one machine with nothing installed by hand.
// Starts the embedded PostgreSQL (unless DATABASE_URL is set), applies migrations, loads the demo data
// into an empty database, then runs Next.js (a production build for the demo, hot reload for dev).
import "./lib/allow-server-only";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { applyMigrations } from "../lib/db/migrations";
import { demoAccountsText, isDatabaseEmpty, seedDemoData } from "../prisma/seed/demo";
import { buildStampMatches, sourceStamp, stampFile } from "./lib/build-state";
import { loadEnv, openDatabase, projectRoot, scheduleTimedJobs } from "./lib/database";
import { localSecrets } from "./lib/secrets";
import { buildDoorWorker } from "./build-door-worker";

const mode = process.argv[2];
if (mode !== "demo" && mode !== "dev") {
  console.error("Usage : tsx scripts/app.ts demo|dev");
  process.exit(2);
}

const nextBin = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");
const tsxCli = path.join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs");

async function main() {
  loadEnv();
  const port = Number(process.env.PORT ?? 3000);
  let child: ChildProcess | undefined;
  let stopping = false;
  // Its PostgreSQL died and could not be started again: the demo stops with that sentence (a supervisor
  // such as systemd may then start it again), rather than answering 503 for ever (issue 26.13).
  const db = await openDatabase({
    onGiveUp: (error) => {
      console.error(`${error.message}\nLa démonstration s'arrête : relancez npm run ${mode}.`);
      void stop(1);
    },
  });
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    child?.kill("SIGTERM");
    await db.close().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    const applied = await applyMigrations(db.url);
    if (applied.length) console.log(`Migrations appliquées : ${applied.join(", ")}`);
    if (await isDatabaseEmpty(db.url)) {
      console.log("Base vide : chargement des données de démonstration…");
      console.log(await seedDemoData(db.url, { reset: false }));
    }
    await scheduleTimedJobs(db.url);
    const env = {
      ...process.env,
      ...localSecrets(),
      DATABASE_URL: db.url,
      PORT: String(port),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      // The demo, and only it (never npm start): the outbox may show its single-use links (lib/mail/outbox.ts).
      ...(mode === "demo" ? { BILLETTERIE_DEMO: "1" } : {}),
      // The terminal is a person's (issue 31.3): warnings and errors only, readable, unless LOG_LEVEL says otherwise.
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      LOG_PRETTY: process.env.LOG_PRETTY ?? "1",
    };
    // The door check's service worker (issue 32.4) is bundled apart from Next.js; rewritten only when it changed.
    await buildDoorWorker();
    if (mode === "demo" && !buildStampMatches()) {
      console.log("Construction de l'application (next build)…");
      const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env, cwd: projectRoot });
      if (build.status !== 0) throw new Error("next build a échoué.");
      fs.writeFileSync(stampFile, sourceStamp());
    }
    // The demo runs as production does (npm start: scripts/server.ts); dev keeps Next's own server.
    const command = mode === "demo" ? [tsxCli, path.join(projectRoot, "scripts", "server.ts")] : [nextBin, "dev", "--port", String(port)];
    child = spawn(process.execPath, command, {
      stdio: "inherit",
      env,
      cwd: projectRoot,
    });
    child.on("exit", (code) => void stop(code ?? 0));
    await waitForHealth(port);
    console.log(`\nBilletterie solidaire : http://localhost:${port}\n`);
    console.log(await demoAccountsText(db.url));
    console.log(`\nArrêt : Ctrl+C. Les données restent dans ${db.where} pour le prochain démarrage.\n`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
}

async function waitForHealth(port: number) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://localhost:${port}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`L'application ne répond pas sur le port ${port}.`);
}

main().catch((error: unknown) => {
  // One sentence saying what to do (EmbeddedPostgresError and the like), never a stack trace.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

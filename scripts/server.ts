// npm start (and npm run demo): the Next.js app behind a small Node HTTP server whose first job is to tell
// the app who its client is. Next.js keeps an X-Forwarded-For header as the client sent it, so a
// per-address limit read from it can be dodged by changing it; here the address comes from the socket,
// walked back through TRUSTED_PROXIES proxies of ours (lib/http/client-address.ts), signed, and put in a
// header the client cannot forge.
// A Node process renders on one core: the server runs WEB_CONCURRENCY processes (node:cluster, one per
// core by default) sharing its port, so that a page does not wait for another's rendering while a core
// is idle (issue 14, decision 010). Only the first runs the job queue's workers; each process keeps its
// own catalog caches, which hear of the others' changes through PostgreSQL (lib/catalog/offer-changes.ts).
// Each process also runs at most its share of ACTION_CONCURRENCY form posts (a booking, a form sent) at
// once, the others waiting their turn in arrival order: when 500 bookings arrive together, sharing the CPU
// among all of them answered everyone at the end of the burst; in turn, the first to come are answered
// first. Pages are not queued. A post takes its turn only once its body is there, within a size and a time
// limit, and one client holds at most half of the turns (lib/http/request-gate.ts, decision 014).
// Every request is logged as one JSON line and timed (lib/http/request-log.ts; LOG_LEVEL), and so are
// the processes' starts and stops (lib/observability/log.ts, issue 31.3).
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";
import next from "next";
import { createAppServer, listenAppServer } from "../lib/http/app-server";
import { trustedProxies } from "../lib/http/client-address";
import { requestGate } from "../lib/http/request-gate";
import { servedOverHttps } from "../lib/http/security-headers";
import { poolSettings } from "../lib/db/pool-settings";
import { log } from "../lib/observability/log";
import { readRoutes, routeMatcher } from "../lib/observability/routes";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const dev = process.argv.includes("--dev");
/** Processes serving the port: one per core unless told (development: one, for its own reloading). */
const WORKERS = dev ? 1 : Math.max(1, Math.min(16, Number(process.env.WEB_CONCURRENCY) || os.availableParallelism()));
/** Server actions running at once in the whole server; 8 measured best on 2 cores (bench:burst). */
const ACTION_CONCURRENCY = Math.max(1, Number(process.env.ACTION_CONCURRENCY ?? 8) || 8);
/** What every request body gets to arrive, however small (then 1 s more per 128 kB): decision 014. */
const BODY_TIMEOUT_MS = Math.max(1, Number(process.env.BODY_TIMEOUT_SECONDS ?? 5) || 5) * 1000;
/** A process that dies this soon after starting is not started again (a broken build, a port taken). */
const CRASH_LOOP_MS = 10_000;
/**
 * Rendering a page allocates a few megabytes that die young: a larger young generation than V8's
 * default (16 MB) lets most of it go in fewer collections (the garbage collector took 13 % of a
 * catalogue page's server time; with 32 MB the 16-client p95 of /offre went from 461 to 420 ms).
 */
const NODE_FLAGS = ["--max-semi-space-size=32"]; // given to the supervised processes

async function serve() {
  const app = next({ dev, dir: path.resolve(__dirname, ".."), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const slots = Math.max(1, Math.round(ACTION_CONCURRENCY / WORKERS));
  const routeOf = routeMatcher(readRoutes(path.resolve(__dirname, "..", "app")));
  const gate = requestGate({
    handle: (req, res) => void handle(req, res),
    slots,
    proxies: trustedProxies(),
    https: servedOverHttps(),
    dev,
    bodyTimeoutMs: BODY_TIMEOUT_MS,
    log: { routeOf },
  });
  const server = listenAppServer(createAppServer(gate), port, hostname, () => {
    if (cluster.isPrimary) announce(); // one process: no supervisor to say it
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

function announce() {
  const proxies = trustedProxies();
  const processes = WORKERS > 1 ? `, ${WORKERS} processus` : "";
  log().info(
    { port, processes: WORKERS, proxies },
    `Prêt : http://localhost:${port}${processes}${proxies ? ` (${proxies} proxy${proxies > 1 ? "s" : ""} de confiance devant l'application)` : ""}`,
  );
}

/** Starts the processes, starts again one that dies, and stops them all on SIGTERM/SIGINT. */
function supervise() {
  let stopping = false;
  let listening = 0;
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...NODE_FLAGS] });
  const start = (rank: number) => {
    // The job queue's workers run in the first process only (unless switched off for the whole server).
    const jobs = rank === 0 && process.env.BILLETTERIE_WORKER !== "off" ? {} : { BILLETTERIE_WORKER: "off" };
    const worker = cluster.fork({ ...jobs, BILLETTERIE_PROCESS_RANK: String(rank) });
    const startedAt = Date.now();
    worker.once("listening", () => {
      if (++listening === WORKERS) announce();
    });
    worker.once("exit", (code, signal) => {
      if (stopping) return;
      if (Date.now() - startedAt < CRASH_LOOP_MS) {
        log().error({ rank, code, signal }, `Le processus ${rank + 1} s'est arrêté au démarrage (${signal ?? `code ${code}`}) : arrêt du serveur.`);
        shutdown(1);
        return;
      }
      log().error({ rank, code, signal }, `Le processus ${rank + 1} s'est arrêté (${signal ?? `code ${code}`}) : il est relancé.`);
      start(rank);
    });
  };
  const shutdown = (code: number) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    let left = workers.length;
    if (!left) process.exit(code);
    for (const worker of workers) {
      worker!.once("exit", () => {
        if (--left === 0) process.exit(code);
      });
      worker!.process.kill("SIGTERM");
    }
    setTimeout(() => process.exit(code), 10_000).unref();
  };
  process.on("SIGTERM", () => shutdown(0));
  process.on("SIGINT", () => shutdown(0));
  for (let rank = 0; rank < WORKERS; rank++) start(rank);
}

// Several processes: a supervisor starts them (and starts again one that dies); one: it serves itself.
const run = WORKERS > 1 && cluster.isPrimary ? async () => supervise() : serve;
// A configuration that cannot work is refused before any process starts (issue 26.10).
Promise.resolve()
  .then(() => poolSettings())
  .then(run)
  .catch((error: unknown) => {
    log().fatal(error instanceof Error ? error.message : String(error));
    // pino writes asynchronously: the line leaves before the process does.
    log().flush(() => process.exit(1));
  });

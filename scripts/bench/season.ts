// npm run bench:season [-- --json] [--scale 1] [--seed 2026] [--clients 16] [--servers 2]
// Issue 35.1: a national season replayed end to end (scripts/bench/season/replay.ts): the network of
// db:seed:national's dimensions at --scale, a season from 1 September to 31 August played on a simulated
// clock through lib/booking and the real job tasks, --clients operations at once on --servers app server
// processes (two at least) sharing one database; then every invariant checked in SQL, each printed with
// its count of violations. Everything runs here: an embedded PostgreSQL in a temporary folder.
// Last line with --json: {"scale","requests","wall_s","requests_per_s","p50_ms","p99_ms","violations",
// "peak_rss_mb","db_mb"} (wall_s: the season's play, jobs included; the setup and the checks apart).
// --statements: PostgreSQL counts the statements the servers and the driver send (pg_stat_statements):
// their total per operation and per job, and the most frequent, are printed (a measure the machine's load
// does not blur, unlike the times).
// Exits with 1 on any violation or error.
import "../lib/allow-server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrations";
import { replaySeason } from "./season/replay";

const args = process.argv.slice(2);
const json = args.includes("--json");
const option = (name: string, fallback: number, integer = true) => {
  const index = args.indexOf(name);
  const value = index >= 0 ? Number(args[index + 1]) : fallback;
  if (!(value > 0) || (integer && !Number.isInteger(value))) throw new Error(`${name} : un nombre positif est attendu.`);
  return value;
};
const say = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);

async function main() {
  const scale = option("--scale", 1, false);
  const seed = option("--seed", 2026);
  const clients = option("--clients", 16);
  const servers = option("--servers", 2);
  if (scale > 4) throw new Error("--scale : au plus 4.");
  if (servers < 2) throw new Error("--servers : deux au moins (la saison se joue sur plusieurs serveurs).");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "billetterie-season-"));
  const statements = args.includes("--statements");
  const database = await startEmbeddedPostgres({
    dataDir: path.join(tmp, "data"),
    port: 0,
    persistent: false,
    settings: statements ? { shared_preload_libraries: "pg_stat_statements", "pg_stat_statements.track": "top" } : {},
  });
  try {
    await ensureDatabase(database.url("postgres"), "season");
    const url = database.url("season");
    await applyMigrations(url);
    if (statements) await countStatements(url, "start");
    say(`Saison rejouée : échelle ${scale}, graine ${seed}, ${clients} clients sur ${servers} serveurs (${os.availableParallelism()} cœurs)`);
    const databaseCpuBefore = databaseCpuMs(database.port);
    const sessionsBefore = await sessionsOpened(url);
    const summary = await replaySeason({ databaseUrl: url, scale, seed, clients, servers, say });
    const db_cpu_s = Math.round((databaseCpuMs(database.port) - databaseCpuBefore) / 100) / 10;
    const sessions = (await sessionsOpened(url)) - sessionsBefore;
    const counted = statements ? await countStatements(url, "read") : null;
    say("");
    say(
      `Saison ${summary.season}-${summary.season + 1} : ${summary.requests} opérations en ${summary.wall_s} s (${summary.requests_per_s}/s), p50 ${summary.p50_ms} ms, p99 ${summary.p99_ms} ms`,
    );
    say(
      `  ${summary.jobs} tâches ; dont planification des jours ${summary.split.plan_s} s, attente des tâches ${summary.split.jobs_s} s, opérations ${summary.split.ops_s} s`,
    );
    say(
      `  CPU : serveurs et pilote ${summary.cpu_s} s (dont pilote et serveur de courriel ${summary.driver_cpu_s} s), PostgreSQL ${db_cpu_s} s ; ` +
        `${sessions} connexions ouvertes à PostgreSQL`,
    );
    say(
      `  tâches : ${Object.entries(summary.tasks)
        .map(([name, { count, mean_ms }]) => `${name} ${count} × ${mean_ms} ms`)
        .join(", ")}`,
    );
    if (counted) {
      const perUnit = (n: number) => (n / Math.max(1, summary.requests + summary.jobs)).toFixed(1);
      say(`  requêtes SQL : ${counted.total} (${perUnit(counted.total)} par opération ou tâche) ; les plus fréquentes :`);
      counted.top.forEach((row, i) => {
        if (i === 15) say("  … les plus longues en tout (attente des verrous comprise) :");
        say(`    ${String(row.calls).padStart(8)} ${String(row.ms).padStart(7)} ms  ${row.query}`);
      });
    }
    say(
      `  courriels de confirmation : ${summary.mail_lag.mails} partis, p50 ${summary.mail_lag.p50_s} s, p99 ${summary.mail_lag.p99_s} s après la réservation (temps réel)`,
    );
    say(
      `  préparation ${summary.setup_s} s, vérifications ${summary.check_s} s, mémoire ${summary.peak_rss_mb} Mo (pic, tous processus), base ${summary.db_mb} Mo`,
    );
    say(
      `  issues : ${Object.entries(summary.outcomes)
        .map(([outcome, n]) => `${outcome} ${n}`)
        .join(", ")}`,
    );
    say("Invariants (violations) :");
    for (const check of summary.invariants) say(`  ${String(check.violations).padStart(6)}  ${check.name}`);
    if (summary.errors) say(`Erreurs : ${summary.errors}\n  ${summary.firstErrors.join("\n  ")}`);
    const { scale: s, requests, wall_s, requests_per_s, p50_ms, p99_ms, violations, peak_rss_mb, db_mb } = summary;
    const last = {
      scale: s,
      requests,
      wall_s,
      requests_per_s,
      p50_ms,
      p99_ms,
      violations,
      peak_rss_mb,
      db_mb,
      errors: summary.errors,
      jobs: summary.jobs,
      cpu_s: summary.cpu_s,
      db_cpu_s,
      mail_lag_p50_s: summary.mail_lag.p50_s,
      mail_lag_p99_s: summary.mail_lag.p99_s,
      ...(counted ? { statements: counted.total } : {}),
    };
    if (json) process.stdout.write(`${JSON.stringify(last)}\n`);
    if (violations || summary.errors) process.exitCode = 1;
  } finally {
    await database.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** pg_stat_statements: created and emptied at the start; at the end, the total of calls, the 15 most frequent statements and the 10 longest. */
async function countStatements(url: string, step: "start" | "read") {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (step === "start") {
      await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      await client.query("SELECT pg_stat_statements_reset()");
      return null;
    }
    // The most frequent, then the longest in all (their time includes waiting for locks).
    const { rows } = await client.query<{ calls: number; ms: number; query: string }>(
      `(SELECT calls::int AS calls, round(total_exec_time)::int AS ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 140) AS query FROM pg_stat_statements
        WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY calls DESC LIMIT 15)
       UNION ALL
       (SELECT calls::int, round(total_exec_time)::int, left(regexp_replace(query, '\\s+', ' ', 'g'), 140) FROM pg_stat_statements
        WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT 10)`,
    );
    const total = (await client.query<{ n: number }>("SELECT coalesce(sum(calls), 0)::int AS n FROM pg_stat_statements")).rows[0]!.n;
    return { total, top: rows };
  } finally {
    await client.end();
  }
}

/**
 * Connections opened to the season's database so far (PostgreSQL's own count): each new one of a pool
 * prepares and plans its statements again, so a pool that closes and reopens them costs the database.
 */
async function sessionsOpened(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>("SELECT sessions AS n FROM pg_stat_database WHERE datname = current_database()");
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/** CPU time (ms) of the embedded PostgreSQL: its main process (found by its port), its live backends, and those it reaped. */
function databaseCpuMs(port: number): number {
  const tick = 10; // USER_HZ is 100 on Linux
  const stats = new Map<number, { ppid: number; cpu: number; reaped: number }>();
  let main: number | undefined;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(entry), {
        ppid: Number(fields[1]),
        cpu: (Number(fields[11]) + Number(fields[12])) * tick,
        reaped: (Number(fields[13]) + Number(fields[14])) * tick,
      });
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (args[0]?.endsWith("/postgres") && args[args.indexOf("-p") + 1] === String(port)) main = Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  if (main === undefined) return NaN;
  let total = stats.get(main)!.cpu + stats.get(main)!.reaped;
  for (const { ppid, cpu } of stats.values()) if (ppid === main) total += cpu;
  return total;
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});

// Runs the job queue's due jobs in the test's own process, as an app server's workers would
// (lib/jobs/worker.ts), until none is left: `runJobs()` after a change makes its mails and timed rules
// happen now. Real graphile-worker, real tasks, the test's database.
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { Logger, runOnce } from "graphile-worker";
import { connectionConfig } from "@/lib/db/client";
import { keepPoolAlive } from "@/lib/db/keep-pool-alive";
import { taskList } from "@/lib/jobs/tasks";

const quiet = new Logger(() => () => {});

export async function runJobs({ retries = true } = {}): Promise<void> {
  const pool = keepPoolAlive(new pg.Pool({ ...connectionConfig(process.env.DATABASE_URL!), max: 4 }));
  try {
    for (let round = 0; round < 30; round++) {
      await runOnce({ pgPool: pool, taskList, logger: quiet, useNodeTime: true });
      if (!retries) return;
      // Time passes for the jobs that failed and wait to be tried again (their delay grows each time):
      // they are due now, until they succeed or have used their attempts.
      const { rowCount } = await pool.query(`UPDATE graphile_worker._private_jobs SET run_at = '2000-01-01' WHERE attempts > 0 AND attempts < max_attempts`);
      if (!rowCount) return;
    }
  } finally {
    await pool.end();
  }
}

/** Forgets every job and mail, and the audit log: each test of a file that counts them starts from none. */
export async function forgetJobsAndMail(): Promise<void> {
  const client = new pg.Client(connectionConfig(process.env.DATABASE_URL!));
  await client.connect();
  try {
    await client.query(`DELETE FROM graphile_worker._private_jobs; DELETE FROM "OutboxMail"; DELETE FROM "AuditLog"; DELETE FROM "Notification"`);
  } finally {
    await client.end();
  }
}

/** The jobs waiting, by task (those due and those to come). */
export async function waitingJobs(): Promise<
  { task: string; key: string | null; runAt: Date; payload: Record<string, unknown>; attempts: number; lastError: string | null }[]
> {
  const client = new pg.Client(connectionConfig(process.env.DATABASE_URL!));
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT t.identifier AS task, j.key, j.run_at AS "runAt", j.payload, j.attempts, j.last_error AS "lastError"
       FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id ORDER BY j.run_at, j.id`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

/**
 * Waits until `check` holds (polled), or fails after `ms`: tests wait for a condition, never for a fixed
 * time, so that a busy machine makes them slower, not red.
 */
export async function until(check: () => boolean | Promise<boolean>, { ms = 30_000, what = "la condition attendue" } = {}): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Attendu en vain pendant ${ms} ms : ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface JobWorkerProcess {
  /** The id its jobs are locked with, once it listens. */
  ready: Promise<string>;
  /** The jobs it ran so far. */
  ran: { id: string; task: string }[];
  /** Lets it finish its jobs and stop; resolves with what it ran. */
  stop(): Promise<{ id: string; task: string }[]>;
  /** Kills it at once (kill -9): whatever it held stays locked. */
  kill(): Promise<void>;
}

/** Starts tests/support/job-worker.ts: another app server's workers, in their own process. */
export function startJobWorker(env: Record<string, string> = {}): JobWorkerProcess {
  const root = path.resolve(__dirname, "..", "..");
  // Node itself with tsx's loader, not tsx's command, which runs the script in a child of its own: a kill
  // -9 must reach the process that holds the jobs.
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/job-worker.ts"], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const ran: { id: string; task: string }[] = [];
  let stderr = "";
  let resolveReady!: (id: string) => void;
  let rejectReady!: (error: Error) => void;
  const ready = new Promise<string>((resolve, reject) => ((resolveReady = resolve), (rejectReady = reject)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", (code, signal) => rejectReady(new Error(`Le processus de tâches s'est arrêté (${signal ?? code}) : ${stderr}`)));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  createInterface({ input: child.stdout! }).on("line", (line) => {
    const [word, id, task] = line.split(" ");
    if (word === "READY") resolveReady(id!);
    if (word === "RAN") ran.push({ id: id!, task: task! });
  });
  return {
    ready,
    ran,
    stop: async () => {
      child.stdin!.end();
      await exited;
      if (child.exitCode !== 0) throw new Error(`Le processus de tâches a échoué (${child.exitCode}) : ${stderr}`);
      return ran;
    },
    kill: async () => {
      child.kill("SIGKILL");
      await exited;
    },
  };
}

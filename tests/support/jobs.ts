// Runs the job queue's due jobs in the test's own process, as an app server's workers would
// (lib/jobs/worker.ts), until none is left: `runJobs()` after a change makes its mails and timed rules
// happen now. Real graphile-worker, real tasks, the test's database.
import pg from "pg";
import { Logger, runOnce } from "graphile-worker";
import { connectionConfig } from "@/lib/db/client";
import { taskList } from "@/lib/jobs/tasks";

const quiet = new Logger(() => () => {});

export async function runJobs(): Promise<void> {
  const pool = new pg.Pool({ ...connectionConfig(process.env.DATABASE_URL!), max: 4 });
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  try {
    await runOnce({ pgPool: pool, taskList, logger: quiet, useNodeTime: true });
  } finally {
    await pool.end();
  }
}

/** The jobs waiting, by task (those due and those to come). */
export async function waitingJobs(): Promise<{ task: string; key: string | null; runAt: Date; payload: Record<string, unknown>; attempts: number; lastError: string | null }[]> {
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

// A separate Node process running the app's job workers (the same task list as lib/jobs/worker.ts) on
// the database of DATABASE_URL for a while, as a second app server would; prints one line per job it ran:
// "RAN <job id>". For the test that runs two at once.
//   tsx tests/support/job-worker.ts <milliseconds>
import "../../scripts/lib/allow-server-only";
// The same fixed clock as the test that starts this process (TEST_NOW): dates agree across processes.
import "./clock";
import pg from "pg";
import { Logger, run, type Task } from "graphile-worker";
import { connectionConfig, disconnectPrisma } from "@/lib/db/client";
import { tasks } from "@/lib/jobs/tasks";

async function main() {
  const pool = new pg.Pool({ ...connectionConfig(process.env.DATABASE_URL!), max: 6 });
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  const taskList = Object.fromEntries(
    Object.entries(tasks).map(([name, task]) => [
      name,
      (async (payload, helpers) => {
        await task(payload, helpers);
        process.stdout.write(`RAN ${helpers.job.id}\n`);
      }) as Task,
    ]),
  );
  const runner = await run({ pgPool: pool, taskList, concurrency: 3, pollInterval: 100, noHandleSignals: true, logger: new Logger(() => () => {}) });
  await new Promise((resolve) => setTimeout(resolve, Number(process.argv[2] ?? 3000)));
  await runner.stop();
  await pool.end();
  await disconnectPrisma();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

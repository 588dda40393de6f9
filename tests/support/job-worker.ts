// A separate Node process running the app's job workers (lib/jobs/worker.ts: the same tasks, heartbeat
// and sweep of workers that are gone) on the database of DATABASE_URL, as a second app server would.
// Prints "READY <pool id>" once its workers listen, then one line per job it ran: "RAN <job id> <task>". It runs
// until its standard input closes (the test decides when, on a condition, never after a fixed time), or
// until it is killed. TEST_NOW sets its clock, as in the test process (a worker whose clock is behind).
//   tsx tests/support/job-worker.ts
import "../../scripts/lib/allow-server-only";
import "./clock";
import { type Task } from "graphile-worker";
import { disconnectPrisma } from "@/lib/db/client";
import { tasks } from "@/lib/jobs/tasks";
import { startWorker } from "@/lib/jobs/worker";

async function main() {
  const taskList = Object.fromEntries(
    Object.entries(tasks).map(([name, task]) => [
      name,
      (async (payload, helpers) => {
        await task(payload, helpers);
        process.stdout.write(`RAN ${helpers.job.id} ${name}\n`);
      }) as Task,
    ]),
  );
  const { stop, poolId } = await startWorker(process.env.DATABASE_URL!, { concurrency: 3, taskList, crontab: "", pollInterval: 100 });
  process.stdout.write(`READY ${await poolId}\n`);
  await new Promise((resolve) => {
    process.stdin.on("end", resolve).on("close", resolve).resume();
  });
  await stop();
  await disconnectPrisma();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// Issue 35.1: a server's workers take the due jobs several at a time (lib/jobs/batching.ts): one statement
// hands out up to `concurrency + 1` jobs, instead of one statement per job. Real graphile-worker, the
// app's own startWorker, the test's database.
import type { Job, JobHelpers, TaskList } from "graphile-worker";
import { getPrisma } from "@/lib/db/client";
import { enqueue } from "@/lib/db/queue";
import { prismaSql } from "@/lib/db/sql";
import { startWorker, type StartedWorker } from "@/lib/jobs/worker";
import { forgetJobsAndMail, until } from "../support/jobs";

jest.setTimeout(60_000);

describe("the queue's workers", () => {
  let worker: StartedWorker | undefined;
  afterAll(() => worker?.stop());

  it("take due jobs several at a time, never more than one beyond what they run", async () => {
    await forgetJobsAndMail();
    const ran: string[] = [];
    // A task that stands in for any: it notes its job (the wish-purge task is harmless and takes no payload).
    const taskList: TaskList = { "wishes-purge": async (_payload: unknown, helpers: JobHelpers) => void ran.push(helpers.job.id) };
    worker = await startWorker(process.env.DATABASE_URL!, { concurrency: 2, taskList, crontab: "", pollInterval: 100 });
    const fetched: Job[][] = [];
    worker.runner.events.on("localQueue:getJobs:complete", ({ jobs }) => void fetched.push(jobs));
    // Nine jobs added at once (one transaction): the workers hear of them together.
    await enqueue(
      prismaSql(getPrisma()),
      Array.from({ length: 9 }, (_, i) => ({ task: "wishes-purge" as const, payload: { i } })),
    );
    await until(() => ran.length === 9, { what: "les neuf tâches faites" });

    expect(new Set(ran).size).toBe(9);
    // Fetched in batches of three at most (two running, one at hand): fewer fetches than jobs.
    expect(fetched.length).toBeGreaterThan(0);
    expect(Math.max(...fetched.map((jobs) => jobs.length))).toBe(3);
    expect(fetched.filter((jobs) => jobs.length > 0).length).toBeLessThan(9);
  });
});

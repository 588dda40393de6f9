// Issue 31.3: the log says each job's run and failure — task, job id, attempt, duration, the error's
// first line with addresses masked — from the app's own workers (lib/jobs/worker.ts), never a payload.
import { Writable } from "node:stream";
import { getPrisma } from "@/lib/db/client";
import { prismaSql } from "@/lib/db/sql";
import { enqueue } from "@/lib/db/queue";
import { startWorker, type StartedWorker } from "@/lib/jobs/worker";
import { logTo } from "@/lib/observability/log";

jest.setTimeout(60_000);

const lines: Record<string, unknown>[] = [];
let worker: StartedWorker | undefined;

afterAll(async () => {
  await worker?.stop();
});

it("logs a job that ran and one that failed, without their payload", async () => {
  logTo(
    new Writable({
      write: (chunk: Buffer, _e, done) => (
        lines.push(
          ...chunk
            .toString()
            .split("\n")
            .filter(Boolean)
            .map((line) => JSON.parse(line)),
        ),
        done()
      ),
    }),
  );
  await getPrisma().$transaction((tx) =>
    enqueue(prismaSql(tx), [
      { task: "stats-refresh", payload: { note: "payload-secret-1" } },
      { task: "retention", payload: { note: "payload-secret-2" }, maxAttempts: 1 },
    ]),
  );
  worker = await startWorker(process.env.DATABASE_URL!, {
    crontab: "",
    pollInterval: 100,
    taskList: {
      "stats-refresh": async () => {},
      retention: async () => {
        throw new Error("Refusé pour referente@escale.test");
      },
    },
  });
  const start = performance.now();
  while (!(lines.some((line) => line.msg === "tâche terminée") && lines.some((line) => line.msg === "tâche en échec"))) {
    if (performance.now() - start > 45_000) throw new Error(`still waiting for the jobs' lines: ${JSON.stringify(lines)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(lines.find((line) => line.msg === "tâche terminée")).toMatchObject({
    area: "jobs",
    task: "stats-refresh",
    attempt: 1,
    durationMs: expect.any(Number),
  });
  expect(lines.find((line) => line.msg === "tâche en échec")).toMatchObject({
    area: "jobs",
    task: "retention",
    final: true,
    error: "Error: Refusé pour [adresse]",
  });
  const text = JSON.stringify(lines);
  expect(text).not.toContain("payload-secret");
  expect(text).not.toContain("referente@escale.test");
});

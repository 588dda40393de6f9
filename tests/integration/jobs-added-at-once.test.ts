// Issue 35.1: adding a job cost PostgreSQL more than the change that added it. graphile-worker's add_jobs
// planned its statements anew at each call, and a statement writing a session's reminders called it once
// per mail. It is now called once per statement and plans once per connection (lib/db/migrations.ts,
// tuneJobQueue).
import { getPool } from "@/lib/db/client";
import { enqueue } from "@/lib/db/queue";
import { pgSql, poolSql } from "@/lib/db/sql";
import { queueMail } from "@/lib/mail";
import { forgetJobsAndMail } from "../support/jobs";

jest.setTimeout(60_000);
beforeEach(() => forgetJobsAndMail());

/**
 * Runs `work` in a transaction that counts the calls of add_jobs (PostgreSQL's own count, of this
 * connection's calls not yet sent to its statistics: read before and after), then rolls it back.
 */
async function addJobsCalls(work: (client: import("pg").PoolClient) => Promise<void>): Promise<{ calls: number; jobs: number }> {
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL track_functions = 'pl'");
    const count = async () =>
      (
        await client.query<{ calls: number; jobs: number }>(
          `SELECT coalesce(pg_stat_get_xact_function_calls('graphile_worker.add_jobs(graphile_worker.job_spec[], boolean)'::regprocedure), 0)::int AS calls,
                  (SELECT count(*) FROM graphile_worker._private_jobs)::int AS jobs`,
        )
      ).rows[0]!;
    const before = await count();
    await work(client);
    const after = await count();
    return { calls: after.calls - before.calls, jobs: after.jobs - before.jobs };
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

describe("jobs added at once", () => {
  it("three mails written by one statement: three jobs, one call of add_jobs", async () => {
    const mails = ["a", "b", "c"].map((name) => ({ kind: "ACCOUNT_INVITATION" as const, to: `${name}@exemple.test`, props: { name } }));
    expect(await addJobsCalls((client) => queueMail(pgSql(client), mails))).toEqual({ calls: 1, jobs: 3 });
  });

  it("no mail written: add_jobs is not called", async () => {
    // The same source twice: the second statement writes nothing.
    const mail = { kind: "ACCOUNT_INVITATION" as const, to: "a@exemple.test", sourceKey: "once" };
    expect(
      await addJobsCalls(async (client) => {
        await queueMail(pgSql(client), mail);
        await queueMail(pgSql(client), mail);
      }),
    ).toEqual({ calls: 1, jobs: 1 });
  });

  it("enqueue: a key given twice in one call leaves one job, the last one, as adding them one by one did", async () => {
    const sessionId = "00000000-0000-4000-8000-000000000001";
    const runAt = new Date("2027-03-01T18:00:00Z");
    await enqueue(poolSql(getPool()), [
      { task: "close-session", payload: { sessionId }, key: "close:x", runAt: new Date("2027-02-01T18:00:00Z") },
      { task: "remind-outing", payload: { sessionId }, key: "remind:x", runAt },
      { task: "close-session", payload: { sessionId }, key: "close:x", runAt },
    ]);
    const { rows } = await getPool().query<{ key: string; run_at: Date }>(
      `SELECT key, run_at FROM graphile_worker._private_jobs WHERE key IN ('close:x', 'remind:x') ORDER BY key`,
    );
    expect(rows).toEqual([
      { key: "close:x", run_at: runAt },
      { key: "remind:x", run_at: runAt },
    ]);
  });

  it("add_jobs plans once per connection", async () => {
    const { rows: settings } = await getPool().query<{ config: string[] | null }>(
      `SELECT proconfig AS config FROM pg_proc WHERE oid = 'graphile_worker.add_jobs(graphile_worker.job_spec[], boolean)'::regprocedure`,
    );
    expect(settings[0]!.config).toContain("plan_cache_mode=force_generic_plan");
  });
});

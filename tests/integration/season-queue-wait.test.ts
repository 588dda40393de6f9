// Issue 35.1: between two moments the season replay's driver waits until no due job is left
// (scripts/bench/season/queue-wait.ts). The answer must be right in every state a job can be in, and
// come from the first entry of the replay's index whatever the queue holds, not from a read of the whole
// queue that the planner may choose against stale statistics.
import { getPool } from "@/lib/db/client";
import { JOB_PRIORITY } from "@/lib/db/queue";
import { EARLIEST_PENDING, jobsDue, PENDING_JOBS_INDEX } from "@/scripts/bench/season/queue-wait";
import { forgetJobsAndMail } from "../support/jobs";

jest.setTimeout(60_000);

const now = new Date("2027-11-15T09:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

beforeAll(() => getPool().query(PENDING_JOBS_INDEX));
beforeEach(() => forgetJobsAndMail());

async function addJob(runAt: Date, priority: number = JOB_PRIORITY.rules): Promise<string> {
  const { rows } = await getPool().query<{ id: string }>(
    `SELECT id::text AS id FROM graphile_worker.add_job('season-queue-wait-test', '{}'::json, run_at => $1, max_attempts => 3, priority => $2)`,
    [runAt, priority],
  );
  return rows[0]!.id;
}

/** As a worker takes a job: locked, its attempt counted (graphile-worker counts it when taking it). */
const take = (id: string, attempts: number) =>
  getPool().query(`UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = 'test', attempts = $2 WHERE id = $1::bigint`, [id, attempts]);

describe("the season replay's wait for the jobs", () => {
  it("is over when the queue is empty or holds only later jobs", async () => {
    expect(await jobsDue(getPool(), now)).toBe(false);
    await addJob(minutes(1));
    await addJob(minutes(60 * 24 * 30));
    expect(await jobsDue(getPool(), now)).toBe(false);
  });

  it("waits for a due job not taken yet", async () => {
    await addJob(minutes(60));
    await addJob(minutes(0));
    expect(await jobsDue(getPool(), now)).toBe(true);
  });

  it("waits for a job being run, also on its last attempt", async () => {
    await addJob(minutes(60));
    const running = await addJob(minutes(-5));
    await take(running, 1);
    expect(await jobsDue(getPool(), now)).toBe(true);
    // Its last attempt: attempts reached max_attempts when it was taken, and it still runs.
    await take(running, 3);
    expect(await jobsDue(getPool(), now)).toBe(true);
  });

  it("does not wait for a job that used all its attempts (it waits for the association)", async () => {
    const failed = await addJob(minutes(-5));
    await getPool().query(`UPDATE graphile_worker._private_jobs SET attempts = max_attempts, last_error = 'failed' WHERE id = $1::bigint`, [failed]);
    expect(await jobsDue(getPool(), now)).toBe(false);
  });

  it("waits for the messages too, whatever their rank in the queue (decision 039)", async () => {
    const reminder = await addJob(minutes(-5), JOB_PRIORITY.scheduledMessages);
    await addJob(minutes(60));
    expect(await jobsDue(getPool(), now)).toBe(true);
    await take(reminder, 1);
    expect(await jobsDue(getPool(), now)).toBe(true);
  });

  it("reads the replay's index in order, not the queue", async () => {
    // Every rank in the queue: the wait's index is on the time alone, whatever the rank (decision 039).
    for (let i = 0; i < 200; i++) await addJob(minutes(10 + i), Object.values(JOB_PRIORITY)[i % 3]);
    await getPool().query("ANALYZE graphile_worker._private_jobs");
    const client = await getPool().connect();
    try {
      // The plans the driver's prepared statement can take: custom (its first calls, planned for the
      // moment) and generic (made once, then kept). Both read the index in order and stop at its first row.
      const plans = [(await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${EARLIEST_PENDING.replace("$1", `'${now.toISOString()}'::timestamptz`)}`)).rows];
      await client.query("SET plan_cache_mode = force_generic_plan");
      await client.query(`PREPARE earliest(timestamptz) AS ${EARLIEST_PENDING}`);
      plans.push((await client.query<{ "QUERY PLAN": string }>(`EXPLAIN EXECUTE earliest('${now.toISOString()}')`)).rows);
      for (const rows of plans) {
        const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
        expect(plan).toMatch(/^Limit/);
        expect(plan).toMatch(/Index (Only )?Scan using season_replay_pending_jobs/);
        expect(plan).not.toMatch(/Seq Scan|Sort/);
      }
    } finally {
      await client.query("DEALLOCATE ALL");
      await client.query("RESET plan_cache_mode");
      client.release();
    }
  });
});

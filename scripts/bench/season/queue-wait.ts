// Between two moments the replay's driver waits until no job due by the simulated `now` is left: none
// waiting and none taken by a server (locked by its local queue, or running). It asks every 20 ms: 8,000 to
// 8,700 times a season at scale 0.1, more as the season grows.
//
// The question is "the earliest pending job": the first entry of one index of the replay's own, read in
// order. A job is pending while it is taken or has attempts left; one that used them all waits for the
// association's hand (/admin/courriels lists the jobs that failed), not for the replay. Whether it is due
// is read from that one row, not asked of the planner: asked as "is there a due job?", PostgreSQL priced
// a read of the whole queue (it holds every session's future jobs) against its statistics of the moment,
// and chose it at each call until the table was next analysed (a sequential read of 10,000 to 12,000
// rows, 2.5 to 5 ms, at scale 0.1 early in the season). Read in order, the answer comes from the first
// live entry whatever the queue holds, and the statement is prepared once.
//
// The index is the replay's instrument, not the platform's: each job gets one entry when added and one
// when taken, which the replay counts against the platform.
import type pg from "pg";

export const PENDING_JOBS_INDEX = `CREATE INDEX IF NOT EXISTS season_replay_pending_jobs ON graphile_worker._private_jobs (run_at)
  WHERE locked_at IS NOT NULL OR attempts < max_attempts`;

export const EARLIEST_PENDING = `SELECT j.run_at <= $1 AS due FROM graphile_worker._private_jobs j
  WHERE j.locked_at IS NOT NULL OR j.attempts < j.max_attempts
  ORDER BY j.run_at LIMIT 1`;

/** Whether a job due by `now` is still waiting or being run. */
export async function jobsDue(db: Pick<pg.ClientBase, "query">, now: Date): Promise<boolean> {
  const { rows } = await db.query<{ due: boolean }>({ name: "season-replay-earliest-pending-job", text: EARLIEST_PENDING, values: [now] });
  return rows[0]?.due ?? false;
}

// Issue 35.1: the queue hands out the rules' jobs first, then the messages someone is waiting for, then
// the mails sent in bulk on a schedule (lib/db/queue.ts, JOB_PRIORITY): a rule due now never waits behind
// a pile of mails, nor a confirmation behind a morning's reminders. Every way a job is added gives it its
// priority (a mail's own statement, enqueue, the texts' statement), and real graphile-worker hands the
// jobs out in that order.
import { runOnce, Logger, type JobHelpers, type TaskList } from "graphile-worker";
import pg from "pg";
import { addJobsSql, enqueue, JOB_PRIORITY, jobSpecSql } from "@/lib/db/queue";
import { connectionConfig, getPool } from "@/lib/db/client";
import { keepPoolAlive } from "@/lib/db/keep-pool-alive";
import { poolSql } from "@/lib/db/sql";
import { queueMail } from "@/lib/mail";
import { forgetJobsAndMail } from "../support/jobs";

jest.setTimeout(60_000);
beforeEach(() => forgetJobsAndMail());

const sessionId = "00000000-0000-4000-8000-000000000001";

describe("the messages' jobs", () => {
  it("get their priority however they are added; the rules' jobs keep the default", async () => {
    await queueMail(poolSql(getPool()), [
      { kind: "ACCOUNT_INVITATION", to: "a@exemple.test", props: { name: "A" } },
      { kind: "OUTING_REMINDER", to: "b@exemple.test", props: { sessionId } },
    ]);
    await enqueue(poolSql(getPool()), [
      { task: "close-session", payload: { sessionId }, key: "close:p" },
      { task: "send-sms", payload: { smsId: sessionId }, key: "sms:p" },
      { task: "send-mail", payload: { mailId: sessionId }, key: "mail:p" },
    ]);
    // The texts' statements name their task in SQL (lib/sms/events.ts, lib/sms/deliver.ts).
    await getPool().query(`SELECT 1 FROM ${addJobsSql(`SELECT ${jobSpecSql("send-sms", "json_build_object('smsId', 'x')", { key: "'sms:q'" })}`)}`);
    const { rows } = await getPool().query<{ job: string; priority: number }>(
      `SELECT coalesce(m."kind", t.identifier) AS job, j.priority FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
       LEFT JOIN "OutboxMail" m ON t.identifier = 'send-mail' AND m."id"::text = j.payload->>'mailId'
       ORDER BY j.priority, job, j.id`,
    );
    expect(rows).toEqual([
      { job: "close-session", priority: JOB_PRIORITY.rules },
      { job: "ACCOUNT_INVITATION", priority: JOB_PRIORITY.messages },
      // Resent by the association (lib/mail/outbox.ts): the mail is not in this test's outbox.
      { job: "send-mail", priority: JOB_PRIORITY.messages },
      { job: "send-sms", priority: JOB_PRIORITY.messages },
      { job: "send-sms", priority: JOB_PRIORITY.messages },
      { job: "OUTING_REMINDER", priority: JOB_PRIORITY.scheduledMessages },
    ]);
    expect(JOB_PRIORITY.rules).toBeLessThan(JOB_PRIORITY.messages);
    expect(JOB_PRIORITY.messages).toBeLessThan(JOB_PRIORITY.scheduledMessages);
  });

  it("are handed out after a rule's job, even when they were due earlier; the scheduled mails last", async () => {
    const due = Date.now() - 60_000;
    const mails = Array.from({ length: 5 }, (_, i) => ({
      task: "send-mail" as const,
      payload: { mailId: sessionId, i },
      key: `mail:${i}`,
      runAt: new Date(due - (5 - i) * 1_000),
    }));
    await enqueue(poolSql(getPool()), [...mails, { task: "close-session", payload: { sessionId }, key: "close:q", runAt: new Date(due) }]);
    // A reminder due before them all, sent in bulk: it goes last.
    await getPool().query(
      `SELECT 1 FROM ${addJobsSql(
        `SELECT ${jobSpecSql("send-mail", "json_build_object('mailId', $1::text, 'i', 9)", { runAt: "$2::timestamptz", priority: String(JOB_PRIORITY.scheduledMessages) })}`,
      )}`,
      [sessionId, new Date(due - 3_600_000)],
    );
    const order: string[] = [];
    const note = (name: string) => async (payload: unknown, helpers: JobHelpers) =>
      void order.push(helpers.job.task_identifier === "send-mail" ? `mail ${(payload as { i: number }).i}` : name);
    const taskList: TaskList = { "send-mail": note("mail"), "close-session": note("close-session") };
    const pool = keepPoolAlive(new pg.Pool({ ...connectionConfig(process.env.DATABASE_URL!), max: 2 }));
    try {
      // One job at a time, as taken: the order is the queue's.
      await runOnce({ pgPool: pool, taskList, logger: new Logger(() => () => {}), concurrency: 1, useNodeTime: true });
    } finally {
      await pool.end();
    }
    expect(order).toEqual(["close-session", "mail 0", "mail 1", "mail 2", "mail 3", "mail 4", "mail 9"]);
  });
});

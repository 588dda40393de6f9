// One app server of the replay, in a process of its own with its own Prisma client and pool on the shared
// database (as `npm start` runs on each machine): it receives operations from the driver (driver.ts) and
// calls lib/ for each, `concurrency` at a time, each with the simulated moment as `now`; and it runs the
// job queue's due jobs with the real tasks (lib/jobs/tasks.ts) under the simulated clock (clock.ts), as
// its workers would. Several such processes share the jobs through PostgreSQL (SKIP LOCKED).
import "../../lib/allow-server-only";
import { installSimulatedClock, setSimulatedNow } from "./clock";
import type pg from "pg";
import { Logger, runTaskList, type Task, type WorkerPool } from "graphile-worker";
import type { Actor } from "../../../lib/auth/actor";
import { applyForDraw } from "../../../lib/booking/applications";
import { cancelBooking } from "../../../lib/booking/cancel";
import { grantQuotaException, revokeQuotaException } from "../../../lib/booking/quota";
import { requestBooking } from "../../../lib/booking/request";
import { cancelSession } from "../../../lib/booking/sessions";
import { withdrawGuest } from "../../../lib/booking/withdraw-guest";
import { disconnectPrisma } from "../../../lib/db/client";
import { DomainError } from "../../../lib/errors";
import { queueBatching, queuePool } from "../../../lib/jobs/batching";
import { tasks } from "../../../lib/jobs/tasks";
import { InvalidInput } from "../../../lib/validation";
import { cancelEvent } from "../../../lib/venue/events";
import { runDistinct } from "./lanes";
import { LagNotes } from "./mail-lag";
import type { FromWorker, Op, OpResult, ToWorker } from "./ops";
import { stableId } from "./random";

installSimulatedClock();

const quiet = new Logger(() => () => {});
const send = (message: FromWorker) => process.send!(message);

const partnerActor = (partner: number): Actor => ({
  kind: "user",
  role: "PARTNER",
  userId: stableId("user", partner),
  partnerId: stableId("partner", partner),
});
const venueActor = (venue: number): Actor => ({ kind: "user", role: "VENUE", userId: stableId("venue-user", venue), venueIds: [stableId("venue", venue)] });
const admin: Actor = { kind: "user", role: "ADMIN", userId: stableId("admin", 0) };

function guests(op: Extract<Op, { kind: "request" | "apply" }>) {
  // The main guest from the structure's list (booked under the list's names), companions typed in.
  return [
    { firstName: "Personne", lastName: "Liste", kind: "MAIN" as const, personId: stableId("person", op.partner, op.person) },
    ...op.companions.map((companion) => ({ ...companion })),
  ];
}

/** When bookings were confirmed and mails sent, in real time (mail-lag.ts). */
const lagNotes = new LagNotes();

async function play(op: Op): Promise<string> {
  const now = new Date(op.now);
  switch (op.kind) {
    case "request": {
      const partnerId = stableId("partner", op.partner);
      const result = await requestBooking(partnerActor(op.partner), { sessionId: op.sessionId, partnerId, guests: guests(op), ifShort: op.ifShort }, { now });
      if ("confirmed" in result) lagNotes.confirmedBooking(result.confirmed.id);
      return result.outcome;
    }
    case "apply": {
      const partnerId = stableId("partner", op.partner);
      await applyForDraw(partnerActor(op.partner), { sessionId: op.sessionId, partnerId, guests: guests(op), minPlaces: op.minPlaces }, { now });
      return "APPLIED";
    }
    case "cancel":
      await cancelBooking(partnerActor(op.partner), { bookingId: op.bookingId, code: "GUEST_UNAVAILABLE" }, { now });
      return "CANCELLED";
    case "withdraw":
      await withdrawGuest(partnerActor(op.partner), { bookingId: op.bookingId, position: op.position }, { now });
      return "WITHDRAWN";
    case "cancel-session":
      await cancelSession(venueActor(op.venue), { sessionId: op.sessionId, note: "Séance annulée par le lieu" }, { now });
      return "SESSION_CANCELLED";
    case "cancel-event":
      await cancelEvent(venueActor(op.venue), { eventId: op.eventId, note: "Spectacle annulé" }, { now });
      return "EVENT_CANCELLED";
    case "grant":
      await grantQuotaException(
        admin,
        {
          venueId: op.venueId,
          partnerId: stableId("partner", op.partner),
          maxPlaces: op.maxPlaces,
          reason: "Saison rejouée",
          expiresAt: op.expiresAt === null ? null : new Date(op.expiresAt),
        },
        { now },
      );
      return "GRANTED";
    case "revoke":
      await revokeQuotaException(admin, { venueId: op.venueId, partnerId: stableId("partner", op.partner), reason: "Saison rejouée" }, { now });
      return "REVOKED";
  }
}

/** A refusal by a rule is an answer (counted by its code); anything else is an error of the replay. */
async function timed(op: Op): Promise<OpResult> {
  const started = performance.now();
  let outcome: string;
  try {
    outcome = await play(op);
  } catch (error) {
    if (error instanceof DomainError && error.code !== "ACCESS_DENIED") outcome = `REFUSED:${error.code}`;
    else if (error instanceof InvalidInput) outcome = `ERROR:invalid ${JSON.stringify(error.fieldErrors)}`;
    else outcome = `ERROR:${op.kind} ${(error as Error).message?.split("\n")[0]}`;
  }
  return [Math.round((performance.now() - started) * 100) / 100, outcome];
}

/** `concurrency` operations in flight, never two of one structure (lanes.ts). */
const runBatch = (ops: Op[], concurrency: number): Promise<OpResult[]> => runDistinct(ops, concurrency, timed);

let workerPool: WorkerPool | undefined;
/** Jobs each server runs at once: 2, as BILLETTERIE_WORKER_CONCURRENCY's default. */
const jobConcurrency = Number(process.env.SEASON_JOB_CONCURRENCY ?? 2);
let pool: pg.Pool | undefined;
let jobsRun = 0;
/** Per task: jobs run and the time they took (ms, real), for where the jobs' time goes. */
const taskTimes: Record<string, { count: number; ms: number }> = {};

/**
 * The queue's workers of this server, as lib/jobs/worker.ts runs them (graphile-worker's pool of workers,
 * two jobs at a time, taken as the app takes them), started at the first moment and kept: they take every
 * job due on the simulated clock, and the jobs the operations add (mails, notices) while the operations
 * run, as a server does. Each moment moves the clock and wakes the workers. Without graphile-worker's
 * cron, which the app's runner has but the replay gives no item: on the simulated clock it caught up
 * every minute the clock jumped over, half a million a season, for nothing (1.5 % of the servers' CPU).
 */
async function setClock(now: number): Promise<void> {
  setSimulatedNow(now);
  // The jobs the clock's move made due are taken at once: in service the time that passes between two
  // polls is spent, here a moment's jump would leave the machine idle until the next poll (up to 40 ms,
  // some fifteen hundred moments a season). graphile-worker's nudge is what a new job's NOTIFY does.
  if (workerPool) {
    workerPool.nudge(jobConcurrency + 1);
    return;
  }
  pool = queuePool(process.env.DATABASE_URL!, jobConcurrency + 3);
  const counted = Object.fromEntries(
    Object.entries(tasks).map(([name, task]) => [
      name,
      (async (payload, helpers) => {
        const started = performance.now();
        await task(payload, helpers);
        if (name === "send-mail") lagNotes.sentMail((payload as { mailId: string }).mailId);
        jobsRun++;
        const spent = (taskTimes[name] ??= { count: 0, ms: 0 });
        spent.count++;
        spent.ms += performance.now() - started;
      }) as Task,
    ]),
  );
  const workers = runTaskList(
    { logger: quiet, useNodeTime: true, concurrency: jobConcurrency, pollInterval: 40, preset: queueBatching(jobConcurrency), noHandleSignals: true },
    counted,
    pool,
  );
  workerPool = workers;
  workers.promise.catch(() => {});
  stopRunner = async () => {
    await workers.gracefulShutdown();
    await lagNotes.flush(pool!);
    await pool!.end();
  };
}
let stopRunner = async () => {};

process.on("message", (message: ToWorker) => {
  void (async () => {
    try {
      if (message.type === "batch") {
        const results = await runBatch(message.ops, message.concurrency);
        if (pool) await lagNotes.flush(pool);
        send({ type: "batch", id: message.id, results });
      } else if (message.type === "clock") {
        await setClock(message.now);
        await lagNotes.flush(pool!);
        send({ type: "clock", id: message.id, jobs: jobsRun });
      } else {
        await stopRunner();
        await disconnectPrisma();
        const cpu = process.cpuUsage();
        send({
          type: "stopped",
          id: message.id,
          maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
          cpuMs: Math.round((cpu.user + cpu.system) / 1000),
          taskTimes,
        });
        process.disconnect();
      }
    } catch (error) {
      send({ type: "failed", id: message.id, error: (error as Error).stack ?? String(error) });
    }
  })();
});
send({ type: "ready" });

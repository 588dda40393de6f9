// One app server of the replay, in a process of its own with its own Prisma client and pool on the shared
// database (as `npm start` runs on each machine): it receives operations from the driver (driver.ts) and
// calls lib/ for each, `concurrency` at a time, each with the simulated moment as `now`; and it runs the
// job queue's due jobs with the real tasks (lib/jobs/tasks.ts) under the simulated clock (clock.ts), as
// its workers would. Several such processes share the jobs through PostgreSQL (SKIP LOCKED).
import "../../lib/allow-server-only";
import { installSimulatedClock, setSimulatedNow } from "./clock";
import pg from "pg";
import { Logger, runOnce, runTaskListOnce } from "graphile-worker";
import type { Actor } from "../../../lib/auth/actor";
import { applyForDraw } from "../../../lib/booking/applications";
import { cancelBooking } from "../../../lib/booking/cancel";
import { grantQuotaException, revokeQuotaException } from "../../../lib/booking/quota";
import { requestBooking } from "../../../lib/booking/request";
import { cancelSession } from "../../../lib/booking/sessions";
import { withdrawGuest } from "../../../lib/booking/withdraw-guest";
import { connectionConfig, disconnectPrisma } from "../../../lib/db/client";
import { DomainError } from "../../../lib/errors";
import { taskList } from "../../../lib/jobs/tasks";
import { InvalidInput } from "../../../lib/validation";
import { cancelEvent } from "../../../lib/venue/events";
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

async function play(op: Op): Promise<string> {
  const now = new Date(op.now);
  switch (op.kind) {
    case "request": {
      const partnerId = stableId("partner", op.partner);
      const result = await requestBooking(partnerActor(op.partner), { sessionId: op.sessionId, partnerId, guests: guests(op), ifShort: op.ifShort }, { now });
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

async function runBatch(ops: Op[], concurrency: number): Promise<OpResult[]> {
  const results: OpResult[] = new Array(ops.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, ops.length) }, async () => {
      while (next < ops.length) {
        const index = next++;
        results[index] = await timed(ops[index]!);
      }
    }),
  );
  return results;
}

let jobPool: pg.Pool | undefined;

/** Every job due at `now` on the simulated clock, and those they add that are due too, until none is left. */
async function runJobs(now: number, concurrency: number): Promise<number> {
  setSimulatedNow(now);
  if (!jobPool) {
    jobPool = new pg.Pool({ ...connectionConfig(process.env.DATABASE_URL!), max: concurrency + 2 });
    jobPool.on("error", () => {});
    jobPool.on("connect", (client) => client.on("error", () => {}));
  }
  let ran = 0;
  for (let round = 0; round < 50; round++) {
    if (concurrency > 1) await runOnce({ pgPool: jobPool, taskList, logger: quiet, useNodeTime: true, concurrency });
    else {
      // A few jobs: one worker on one connection, without runOnce's start (its schema check, its pool of workers).
      const client = await jobPool.connect();
      try {
        await runTaskListOnce({ logger: quiet, useNodeTime: true }, taskList, client).promise;
      } finally {
        client.release();
      }
    }
    const { rows } = await jobPool.query<{ due: number }>(
      `SELECT count(*) FILTER (WHERE run_at <= $1 AND locked_at IS NULL AND attempts < max_attempts)::int AS due FROM graphile_worker._private_jobs`,
      [new Date(now)],
    );
    ran++;
    if (!rows[0]!.due) break;
  }
  return ran;
}

process.on("message", (message: ToWorker) => {
  void (async () => {
    try {
      if (message.type === "batch") send({ type: "batch", id: message.id, results: await runBatch(message.ops, message.concurrency) });
      else if (message.type === "jobs") send({ type: "jobs", id: message.id, ran: await runJobs(message.now, message.concurrency) });
      else {
        await jobPool?.end();
        await disconnectPrisma();
        send({ type: "stopped", id: message.id, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
        process.disconnect();
      }
    } catch (error) {
      send({ type: "failed", id: message.id, error: (error as Error).stack ?? String(error) });
    }
  })();
});
send({ type: "ready" });

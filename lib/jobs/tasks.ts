// What each job does: a name, a payload checked with zod, and a call into the domain (lib/booking,
// lib/mail, lib/retention), which holds the rules. Jobs are retried with a growing delay when they throw;
// every task is safe to run again (a mail is sent once: lib/mail/deliver.ts).
import "server-only";
import type { JobHelpers, TaskList } from "graphile-worker";
import { z } from "zod";
import { runDraw } from "@/lib/booking/applications";
import { endQuotaExceptionOnTime } from "@/lib/booking/quota";
import { closeSessionOnTime, liftQuotaOnTime } from "@/lib/booking/timed";
import { deliverMail, sendDigests } from "@/lib/mail/deliver";
import { askAttendance, mailForBooking, mailForNotice, remindOuting } from "@/lib/mail/booking-mails";
import { runRetention } from "@/lib/retention";
import { warnEndingConventions } from "@/lib/association/convention-warnings";
import { refreshSeasonFigures, seasonsToRefresh } from "@/lib/stats/figures";
import { purgeWishes } from "@/lib/wishes/wishes";
import { deliverText, releaseWaitingTexts } from "@/lib/sms/deliver";
import { listenForAnswers } from "@/lib/sms/answers";
import { remindByText, textsForNotice } from "@/lib/sms/events";
import { queueSeasonSyncs, syncSeasonSource } from "@/lib/venue/season/sources";
import { getPrisma } from "@/lib/db/client";
import { prismaSql } from "@/lib/db/sql";
import type { TaskName } from "@/lib/db/queue";

const id = z.uuid();
/** The payload, checked; refused in one line, the first of the error the association reads (lib/jobs/failed.ts). */
const payloadOf = <T extends z.ZodType>(schema: T, payload: unknown) => {
  const result = schema.safeParse(payload);
  if (!result.success)
    throw new Error(
      `Contenu de la tâche illisible : ${result.error.issues.map((issue) => `${issue.path.join(".") || "contenu"} (${issue.message})`).join(", ")}.`,
    );
  return result.data as z.output<T>;
};

const forSession = (run: (sessionId: string, now: Date) => Promise<unknown>) => async (payload: unknown, helpers: JobHelpers) => {
  await run(payloadOf(z.object({ sessionId: id }), payload).sessionId, dueNow(helpers));
};

/**
 * The moment a timed job acts at (issue 26.9). The queue hands a job out once its time has come on
 * PostgreSQL's clock; the rule then asks "is it time?", and a server whose own clock is a few seconds
 * behind would answer no, finish without work, and the job would be gone for good (a draw never drawn,
 * a waitlist never expired). Being handed out proves the job's time has come: it acts at that time at
 * the earliest, whatever this server's clock says.
 */
export function dueNow(helpers: Pick<JobHelpers, "job">, now = new Date()): Date {
  const runAt = new Date(helpers.job.run_at).getTime();
  return Number.isFinite(runAt) && runAt > now.getTime() ? new Date(runAt) : now;
}

export const tasks: Record<TaskName, (payload: unknown, helpers: JobHelpers) => Promise<void>> = {
  "send-mail": async (payload, helpers) => {
    const { mailId } = payloadOf(z.object({ mailId: id }), payload);
    await deliverMail(mailId, { attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts });
  },
  // Queued before notices wrote their mails themselves (lib/booking/notify.ts): the mail, then the texts.
  "mail-for-notice": async (payload) => {
    const { notificationId } = payloadOf(z.object({ notificationId: id }), payload);
    await mailForNotice(notificationId);
    await textsForNotice(notificationId);
  },
  // The people's texts that go with the referent's mail (a move up, a cancellation): lib/sms/events.ts.
  "texts-for-notice": async (payload) => {
    await textsForNotice(payloadOf(z.object({ notificationId: id }), payload).notificationId);
  },
  "mail-for-booking": async (payload) => {
    await mailForBooking(payloadOf(z.object({ bookingId: id }), payload).bookingId);
  },
  "close-session": forSession((sessionId, now) => closeSessionOnTime(sessionId, now)),
  "lift-quota": forSession((sessionId, now) => liftQuotaOnTime(sessionId, now)),
  "end-quota-exception": async (payload, helpers) => {
    const { venueId, partnerId } = payloadOf(z.object({ venueId: id, partnerId: id }), payload);
    await endQuotaExceptionOnTime(venueId, partnerId, dueNow(helpers));
  },
  "remind-outing": forSession(remindOuting),
  "ask-attendance": forSession(askAttendance),
  "mail-digest": async () => {
    await sendDigests();
  },
  retention: async () => {
    await runRetention();
  },
  "convention-warnings": async () => {
    await warnEndingConventions(prismaSql(getPrisma()));
  },
  "stats-refresh": async () => {
    for (const season of seasonsToRefresh(new Date())) await refreshSeasonFigures(season);
  },
  "wishes-purge": async () => {
    await purgeWishes();
  },
  "run-draw": forSession((sessionId, now) => runDraw(sessionId, { now })),
  "send-sms": async (payload, helpers) => {
    const { smsId } = payloadOf(z.object({ smsId: id }), payload);
    await deliverText(smsId, { attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts });
  },
  "sms-hourly": async () => {
    await listenForAnswers();
    await remindByText();
    await releaseWaitingTexts();
  },
  "season-sync": async () => {
    await queueSeasonSyncs();
  },
  "season-sync-source": async (payload) => {
    await syncSeasonSource(payloadOf(z.object({ sourceId: id }), payload).sourceId);
  },
};

export const taskList = tasks as unknown as TaskList;

/**
 * Every hour, the digest (it acts at 7:00 in Paris); every night at 3:30 UTC, the retention policy; every
 * morning at 6:00 UTC, the conventions that end within 60 days (each warned once); every quarter of an
 * hour, the statistics of this season and the one before (lib/stats); every hour at :05, the wishes whose
 * session has started (lib/wishes); every hour, the texts' reminder of the day before (it acts at the
 * association's hour) and the texts that waited for the month's budget (lib/sms).
 * Every night at 2:15 UTC, one sync job per venue's linked agenda (lib/venue/season), each on its own so
 * that one slow agenda delays no other.
 */
export const CRONTAB = [
  "0 * * * * mail-digest",
  "30 3 * * * retention",
  "0 6 * * * convention-warnings",
  "*/15 * * * * stats-refresh",
  "5 * * * * wishes-purge",
  "0 * * * * sms-hourly",
  "15 2 * * * season-sync",
].join("\n");

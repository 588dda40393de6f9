// Issue 12: the durable job queue (graphile-worker) on the real database. Mails are outbox rows sent by
// jobs added in the transaction of the change (nothing sent for a change rolled back; each mail delivered
// once even when the mail server refuses for a while); the rules that fall due at a moment run by jobs at
// that moment; two worker processes run each job once.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { SMTPServer } from "smtp-server";
import { cancelBooking, cancelSession, requestBooking, setQuotaRule } from "@/lib/booking";
import { withdrawGuest } from "@/lib/booking/withdraw-guest";
import { getPrisma } from "@/lib/db/client";
import { prismaSql } from "@/lib/db/sql";
import { formatSessionDate } from "@/lib/format/dates";
import { enqueue } from "@/lib/jobs/queue";
import { sendDigests } from "@/lib/mail/deliver";
import { resendMail } from "@/lib/mail/outbox";
import { setMailPreferences } from "@/lib/mail/preferences";
import { parisDaysBefore } from "@/lib/time";
import { addSessions } from "@/lib/venue/sessions";
import { adminActor, venueActor } from "../factories/actors";
import { bookingsInOrder, partners, request, stage } from "../factories/booking";
import { createEvent as eventRow, createSession, insertBooking } from "../factories";
import { forgetJobsAndMail, runJobs, waitingJobs } from "../support/jobs";

jest.setTimeout(60_000);
beforeEach(() => forgetJobsAndMail());
const root = path.resolve(__dirname, "..", "..");

/** A mail server on localhost that refuses each message `refuseFirst` times (451, try later), then takes it. */
async function mailServer(refuseFirst = 0) {
  const received: { messageId: string; to: string; text: string }[] = [];
  const tries = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
      stream.on("end", () => {
        const messageId = /^Message-ID: *(.*)$/im.exec(data)?.[1]?.trim() ?? "";
        const count = (tries.get(messageId) ?? 0) + 1;
        tries.set(messageId, count);
        if (count <= refuseFirst) return callback(Object.assign(new Error("Service momentanément indisponible"), { responseCode: 451 }));
        received.push({ messageId, to: session.envelope.rcptTo.map((r) => r.address).join(","), text: data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as { port: number };
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  return {
    received,
    tries,
    close: async () => {
      delete process.env.SMTP_URL;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function outbox() {
  return getPrisma().outboxMail.findMany({ orderBy: { createdAt: "asc" }, select: { kind: true, status: true, userId: true, to: true, subject: true, attempts: true, text: true } });
}

describe("mails", () => {
  it("a booking confirmed gets its mail, written by a job and kept in the demo's outbox", async () => {
    const { sessionId } = await stage({ capacity: 5 });
    const [partner] = await partners(1);
    const result = await requestBooking(partner!.actor, request(sessionId, partner!.id, 2));
    expect(await outbox()).toEqual([]); // not sent inside the request
    expect((await waitingJobs()).map((job) => job.task)).toContain("mail-for-booking");
    await runJobs();
    const [mail] = await outbox();
    expect(mail).toMatchObject({ kind: "BOOKING_CONFIRMED", status: "KEPT", userId: (partner!.actor as { userId: string }).userId });
    expect(mail!.subject).toContain(result.outcome === "CONFIRMED" ? result.confirmed.number.slice(0, 4) : "");
    expect(mail!.text).toContain("Culture pour tous");
    expect(mail!.text).toContain("/api/bookings/");
    // The session's date reads as on its page, its invitation and its guest list (lib/format/dates.ts).
    const { startsAt } = await getPrisma().session.findUniqueOrThrow({ where: { id: sessionId }, select: { startsAt: true } });
    expect(mail!.text).toContain(formatSessionDate(startsAt));
  });

  it("a change rolled back adds no job and writes no mail", async () => {
    const { sessionId } = await stage({ capacity: 5 });
    const [partner] = await partners(1);
    // The booking's own audit entry fails: its whole statement, mail job included, is rolled back.
    await getPrisma().$executeRawUnsafe(`CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refusé'; END $$`);
    await getPrisma().$executeRawUnsafe(`CREATE TRIGGER refuse_audit BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION refuse_audit()`);
    await expect(requestBooking(partner!.actor, request(sessionId, partner!.id, 1))).rejects.toThrow(/refusé/);
    await getPrisma().$executeRawUnsafe(`DROP TRIGGER refuse_audit ON "AuditLog"`);
    expect(await bookingsInOrder(sessionId)).toEqual([]);
    expect(await waitingJobs()).toEqual([]);
    await runJobs();
    expect(await outbox()).toEqual([]);
  });

  it("a mail server refusing for a while, then accepting: each mail delivered exactly once", async () => {
    const server = await mailServer(3);
    try {
      const { venueId, sessionId } = await stage({ capacity: 1 });
      const [first, second] = await partners(2);
      const held = await requestBooking(first!.actor, request(sessionId, first!.id, 1));
      await runJobs(); // its confirmation (a booking already cancelled would get none)
      await requestBooking(second!.actor, request(sessionId, second!.id, 1)); // waits
      // The venue cancels the first (a mail to its partner), which moves the second up (a mail to it).
      await cancelBooking(await venueActor(venueId), { bookingId: (held as { confirmed: { id: string } }).confirmed.id, note: "Appel de la personne" });
      await runJobs();

      const mails = await outbox();
      expect(mails.map((mail) => [mail.kind, mail.status]).sort()).toEqual([
        ["BOOKING_CANCELLED", "SENT"],
        ["BOOKING_CONFIRMED", "SENT"],
        ["BOOKING_PROMOTED", "SENT"],
      ]);
      expect(mails.every((mail) => mail.attempts === 4)).toBe(true);
      // Refused three times each, then taken once: never twice.
      expect(server.received).toHaveLength(3);
      expect(new Set(server.received.map((mail) => mail.messageId)).size).toBe(3);
      expect(server.received.find((mail) => mail.text.includes("Appel de la personne"))).toBeDefined();
    } finally {
      await server.close();
    }
  });

  it("a mail that keeps failing is left FAILED for the association, who can send it again", async () => {
    const server = await mailServer(1000);
    const { sessionId } = await stage({ capacity: 5 });
    const [partner] = await partners(1);
    await requestBooking(partner!.actor, request(sessionId, partner!.id, 1));
    await runJobs();
    await server.close();
    const [failed] = await getPrisma().outboxMail.findMany();
    expect(failed).toMatchObject({ status: "FAILED", attempts: 10 });
    expect(failed!.error).toMatch(/indisponible/);

    const working = await mailServer(0);
    try {
      await resendMail(await adminActor(), { mailId: failed!.id });
      await runJobs();
      expect((await getPrisma().outboxMail.findUniqueOrThrow({ where: { id: failed!.id } })).status).toBe("SENT");
      expect(working.received).toHaveLength(1);
    } finally {
      await working.close();
    }
  });

  it("follows each user's choice: at once, in the daily digest, or none; cancellations always go", async () => {
    const { venueId, sessionId } = await stage({ capacity: 5 });
    const [partner] = await partners(1);
    await setMailPreferences(partner!.actor, { BOOKING_CONFIRMED: "DIGEST", BOOKING_PROMOTED: "NONE" });
    const booked = await requestBooking(partner!.actor, request(sessionId, partner!.id, 1));
    await runJobs();
    expect((await outbox()).map((mail) => mail.status)).toEqual(["DIGEST"]);

    await setMailPreferences(partner!.actor, { BOOKING_CONFIRMED: "NONE" });
    await cancelBooking(await venueActor(venueId), { bookingId: (booked as { confirmed: { id: string } }).confirmed.id, note: "Travaux" });
    await runJobs();
    expect((await outbox()).find((mail) => mail.kind === "BOOKING_CANCELLED")?.status).toBe("KEPT");

    expect(await sendDigests(new Date())).toBeGreaterThanOrEqual(0); // only at 7:00 in Paris…
    expect(await sendDigests(new Date(), { anyHour: true })).toBe(1);
    await runJobs();
    const mails = await outbox();
    expect(mails.find((mail) => mail.kind === "BOOKING_CONFIRMED")?.status).toBe("DIGESTED");
    const digest = mails.find((mail) => mail.kind === "DIGEST")!;
    expect(digest.status).toBe("KEPT");
    expect(digest.text).toMatch(/Réservation .* confirmée/);
  });

  it("reminds the referent two days before (names, time, address, invitation) and asks for attendance the day after", async () => {
    const session = await createSession({ capacity: 5 });
    const [partner] = await partners(1);
    const booking = await insertBooking(session.id, partner!.id, { places: 2, createdById: (partner!.actor as { userId: string }).userId });
    await enqueue(prismaSql(getPrisma()), [
      { task: "remind-outing", payload: { sessionId: session.id } },
      { task: "ask-attendance", payload: { sessionId: session.id } },
    ]);
    await runJobs();
    const mails = await outbox();
    const reminder = mails.find((mail) => mail.kind === "OUTING_REMINDER")!;
    expect(reminder.text).toContain("Prénom0 Nom, Prénom1 Nom");
    expect(reminder.text).toContain("1 rue de la Paix");
    expect(reminder.text).toContain(`/api/bookings/${booking.id}/invitation`);
    expect(mails.find((mail) => mail.kind === "ATTENDANCE_REQUEST")!.text).toContain("onglet=passees");
    // A job run again writes no second mail.
    await enqueue(prismaSql(getPrisma()), { task: "remind-outing", payload: { sessionId: session.id } });
    await runJobs();
    expect((await outbox()).filter((mail) => mail.kind === "OUTING_REMINDER")).toHaveLength(1);
  });

  it("names in the reminder only the guests still invited, not one withdrawn from the booking (issue 13, item 7)", async () => {
    const session = await createSession({ capacity: 5, startsAt: new Date(Date.now() + 3 * 86_400_000) });
    const [partner] = await partners(1);
    const booking = await insertBooking(session.id, partner!.id, { places: 3, createdById: (partner!.actor as { userId: string }).userId });
    await withdrawGuest(partner!.actor, { bookingId: booking.id, position: 1 });
    await enqueue(prismaSql(getPrisma()), { task: "remind-outing", payload: { sessionId: session.id } });
    await runJobs();
    const reminder = (await outbox()).find((mail) => mail.kind === "OUTING_REMINDER")!;
    expect(reminder.text).toContain("Prénom0 Nom, Prénom2 Nom");
    expect(reminder.text).not.toContain("Prénom1 Nom");
  });
});

describe("rules on time", () => {
  it("adding sessions schedules their closing, reminder and attendance request; a quota rule its lifts; cancelling removes them", async () => {
    const venueId = (await stage()).venueId;
    const manager = await venueActor(venueId);
    const event = await eventRow({ venueId });
    await addSessions(manager, { eventId: event.id, from: "2027-03-30", times: ["20:00"], capacity: 5, closesHoursBefore: 2 }, { now: new Date("2027-01-01") });
    const session = await getPrisma().session.findFirstOrThrow({ where: { eventId: event.id } });
    const jobs = await waitingJobs();
    const forSession = (task: string) => jobs.find((job) => job.task === task && job.payload.sessionId === session.id);
    expect(forSession("close-session")!.runAt.toISOString()).toBe("2027-03-30T16:00:00.000Z"); // 18:00 in Paris
    expect(forSession("remind-outing")!.runAt.toISOString()).toBe("2027-03-28T18:00:00.000Z"); // 20:00, two Paris days before
    expect(forSession("ask-attendance")!.runAt.toISOString()).toBe("2027-03-31T08:00:00.000Z"); // 10:00 the day after
    expect(forSession("lift-quota")).toBeUndefined();

    await setQuotaRule(manager, { venueId, rule: { period: "MONTH", maxPlaces: 2, liftDaysBefore: 7 } }, { now: new Date("2027-01-01") });
    expect((await waitingJobs()).find((job) => job.task === "lift-quota" && job.payload.sessionId === session.id)!.runAt.toISOString()).toBe("2027-03-23T19:00:00.000Z");
    await setQuotaRule(manager, { venueId, rule: { period: "MONTH", maxPlaces: 2, liftDaysBefore: null } }, { now: new Date("2027-01-01") });
    expect((await waitingJobs()).some((job) => job.task === "lift-quota")).toBe(false);

    await cancelSession(manager, { sessionId: session.id }, { now: new Date("2027-01-02") });
    expect((await waitingJobs()).some((job) => job.payload.sessionId === session.id && job.task !== "mail-for-notice")).toBe(false);
  });

  it("a quota lifting itself moves the waitlist at the lift time, and a request just after comes after it", async () => {
    // The rule lifts 3 Paris days before the session: a second and a half from now.
    const startsAt = parisDaysBefore(new Date(Date.now() + 1_500), -3);
    const { venueId, sessionId } = await stage({ capacity: 4, startsAt });
    const [early, late] = await partners(2);
    await setQuotaRule(await venueActor(venueId), { venueId, rule: { period: "SESSION", maxPlaces: 1, liftDaysBefore: 3 } });
    await requestBooking(early!.actor, request(sessionId, early!.id, 1));
    const waiting = await requestBooking(early!.actor, request(sessionId, early!.id, 2));
    expect(waiting.outcome).toBe("WAITLISTED");

    await runJobs(); // not yet due
    expect((await bookingsInOrder(sessionId)).map((b) => b.status)).toEqual(["CONFIRMED", "WAITLISTED"]);
    await new Promise((resolve) => setTimeout(resolve, 1_700));
    await runJobs(); // the lift's job: nobody asked for anything
    expect((await bookingsInOrder(sessionId)).map((b) => b.status)).toEqual(["CONFIRMED", "CONFIRMED"]);
    expect(await getPrisma().auditLog.count({ where: { action: "booking.promoted", actorKind: "system" } })).toBe(1);

    const newcomer = await requestBooking(late!.actor, request(sessionId, late!.id, 2, "NOTHING"));
    expect(newcomer).toMatchObject({ outcome: "NOT_BOOKED", placesLeft: 1 });
  });

  it("two worker processes run each job once", async () => {
    const sessions = [];
    for (let i = 0; i < 12; i++) {
      const session = await createSession({ startsAt: new Date(Date.now() - 3600_000), capacity: 1 });
      const partner = (await partners(1))[0]!;
      await insertBooking(session.id, partner.id, { places: 1, status: "WAITLISTED" });
      sessions.push(session.id);
    }
    await enqueue(prismaSql(getPrisma()), sessions.map((sessionId) => ({ task: "close-session" as const, payload: { sessionId }, key: `session-close:${sessionId}` })));
    const worker = () =>
      promisify(execFile)(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "tests/support/job-worker.ts", "4000"], { cwd: root, env: { ...process.env } });
    const outputs = await Promise.all([worker(), worker()]);
    const ran = outputs.flatMap((output) => output.stdout.split("\n").filter((line) => line.startsWith("RAN ")));
    const closings = ran.length;
    expect(new Set(ran).size).toBe(closings); // no job twice
    expect(outputs.every((output) => output.stdout.includes("RAN "))).toBe(true); // both took their share
    // Each waitlist expired once: twelve closings, twelve expiries, and a mail job for each notice.
    expect(await getPrisma().auditLog.count({ where: { action: "booking.expired" } })).toBe(12);
    expect(await getPrisma().notification.count({ where: { type: "WAITLIST_EXPIRED" } })).toBe(12);
    expect((await waitingJobs()).filter((job) => job.task === "close-session")).toEqual([]);
  });
});

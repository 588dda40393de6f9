// Issue 30, part 1: text messages to the person, in the structure's name, against a real SMPP server
// started here (the `smpp` package's own server, port 0), as the mail tests start an SMTP server. Consent
// first; each text fits two segments; an operator refusing twice then accepting gets the text once; a
// "non" frees the place through the booking rules and moves the waitlist up; "STOP" ends every text;
// without SMS_URL the texts stay in the outbox; the retention erases the numbers.
import * as smpp from "smpp";
import type { PDU, Session } from "smpp";
import { requestBooking } from "@/lib/booking/request";
import { getPrisma } from "@/lib/db/client";
import { runRetention } from "@/lib/retention";
import { listenForAnswers, readAnswer } from "@/lib/sms/answers";
import { recordBookingTexts, recordPersonMobile, personMobile } from "@/lib/sms/consent";
import { remindByText } from "@/lib/sms/events";
import { maskNumber, toE164 } from "@/lib/sms/numbers";
import { listTexts, resendText, setSmsSettings } from "@/lib/sms/outbox";
import { countSegments } from "@/lib/sms/segments";
import { composeText } from "@/lib/sms/texts";
import { closeSms } from "@/lib/sms/transport";
import { insertBooking } from "../factories";
import { adminActor } from "../factories/actors";
import { partners, request, stage, type TestPartner } from "../factories/booking";
import { forgetJobsAndMail, runJobs, until } from "../support/jobs";

jest.setTimeout(120_000);

interface Received {
  to: string;
  text: string;
  dataCoding: number;
}

/** An SMPP server on localhost refusing each text `refuseFirst` times (throttled), then taking it. */
async function smppServer(refuseFirst = 0) {
  const received: Received[] = [];
  const sessions: Session[] = [];
  let refused = 0;
  let ids = 0;
  const server = smpp.createServer((session) => {
    sessions.push(session);
    session.on("error", () => {});
    session.on("bind_transceiver", (pdu) => session.send(pdu.response()));
    session.on("enquire_link", (pdu) => session.send(pdu.response()));
    session.on("unbind", (pdu) => session.send(pdu.response()));
    session.on("submit_sm", (pdu) => {
      if (refused < refuseFirst) {
        refused++;
        session.send(pdu.response({ command_status: smpp.ESME_RTHROTTLED }));
        return;
      }
      const payload = pdu.message_payload as { message?: string } | string | undefined;
      const text = typeof payload === "object" && payload ? String(payload.message) : String(payload ?? "");
      received.push({ to: String(pdu.destination_addr), text, dataCoding: Number(pdu.data_coding) });
      session.send(pdu.response({ message_id: `m${++ids}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  process.env.SMS_URL = `smpp://culture:secret@127.0.0.1:${port}`;
  process.env.SMS_SENDER = "CultureTous";
  return {
    received,
    /** A person's answer, sent to the app's bind as an operator does; resolves with the app's status. */
    answer: (from: string, text: string) =>
      new Promise<number>((resolve) =>
        sessions
          .at(-1)!
          .deliver_sm({ source_addr: from, source_addr_ton: 1, destination_addr: "CultureTous", short_message: text }, (pdu: PDU) =>
            resolve(pdu.command_status),
          ),
      ),
    close: async () => {
      await closeSms();
      delete process.env.SMS_URL;
      for (const session of sessions) session.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const AWA = "06 12 34 56 78";
const AWA_E164 = "+33612345678";
const NINA = "+44 7911 123456";

async function personWithMobile(partner: TestPartner, number = AWA) {
  const person = await getPrisma().person.create({
    data: { partnerId: partner.id, firstName: "Awa", lastName: `Diallo-${Math.random().toString(36).slice(2, 8)}` },
  });
  await recordPersonMobile(partner.actor, { personId: person.id, number, consent: "on" });
  return person;
}

/** Awa (from the list, with her number) and Nina, typed in, with a number for this booking. */
async function bookWithTexts(partner: TestPartner, sessionId: string, { confirmation = true, mainMayCancel = false, number = AWA } = {}) {
  const person = await personWithMobile(partner, number);
  const result = await requestBooking(partner.actor, {
    sessionId,
    partnerId: partner.id,
    guests: [
      { firstName: "Awa", lastName: person.lastName, kind: "MAIN", personId: person.id },
      { firstName: "Nina", lastName: person.lastName, kind: "FAMILY_OR_FRIEND" },
    ],
  });
  const bookingId = result.outcome === "CONFIRMED" ? result.confirmed.id : result.outcome === "WAITLISTED" ? result.waitlisted.id : "";
  await recordBookingTexts(partner.actor, { bookingId, confirmation, mainMayCancel, guests: [{ position: 1, number: NINA, consent: true }] });
  return bookingId;
}

const texts = () => getPrisma().outboxSms.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

beforeEach(async () => {
  await forgetJobsAndMail();
  await getPrisma().$executeRawUnsafe(
    `DELETE FROM "OutboxSms"; DELETE FROM "SmsSuppression"; DELETE FROM "SmsAnswer"; UPDATE "SmsSettings" SET "monthlyBudget" = NULL, "budgetToldFor" = NULL`,
  );
});

describe("numbers and consent", () => {
  it("keeps numbers in E.164, French mobiles and international ones; refuses a landline", () => {
    expect(toE164("06 12 34 56 78")).toBe("+33612345678");
    expect(toE164("+44 7911 123456")).toBe("+447911123456");
    expect(toE164("33612345678", { international: true })).toBe("+33612345678");
    expect(toE164("01 23 45 67 89")).toBeNull();
    expect(maskNumber("+33612345678")).toBe("+33 6 •• •• •• 78");
  });

  it("stores a number only with consent, shows it in full to the referent and masked to the association", async () => {
    const [partner] = await partners(1);
    const person = await getPrisma().person.create({ data: { partnerId: partner!.id, firstName: "Awa", lastName: "Diallo" } });
    await expect(recordPersonMobile(partner!.actor, { personId: person.id, number: AWA })).rejects.toMatchObject({
      fieldErrors: { consent: ["validation.consentRequired"] },
    });
    await expect(recordPersonMobile(partner!.actor, { personId: person.id, number: "12", consent: "on" })).rejects.toMatchObject({
      fieldErrors: { number: ["validation.mobile"] },
    });
    expect(await getPrisma().personMobile.count({ where: { personId: person.id } })).toBe(0);
    await recordPersonMobile(partner!.actor, { personId: person.id, number: AWA, consent: "on" });
    expect(await personMobile(partner!.actor, person.id)).toMatchObject({ number: AWA_E164 });
    expect(await personMobile(await adminActor(), person.id)).toMatchObject({ number: "+33 6 •• •• •• 78" });
  });
});

describe("what is sent fits two segments", () => {
  const facts = {
    firstName: "Awa",
    structure: "Centre social des Trois Cités",
    startsAt: new Date("2027-01-16T19:30:00Z"),
    venue: "Théâtre municipal",
    address: "12 rue de la République, 86000 Poitiers",
  };

  it("counts GSM-7 and UCS-2 segments", () => {
    expect(countSegments("a".repeat(160))).toEqual({ encoding: "GSM7", units: 160, segments: 1 });
    expect(countSegments("a".repeat(161))).toMatchObject({ segments: 2 });
    expect(countSegments("é".repeat(306))).toMatchObject({ encoding: "GSM7", segments: 2 });
    expect(countSegments("€".repeat(80))).toMatchObject({ encoding: "GSM7", units: 160, segments: 1 });
    expect(countSegments("ê".repeat(70))).toEqual({ encoding: "UCS2", units: 70, segments: 1 });
    expect(countSegments("ê".repeat(71))).toMatchObject({ segments: 2 });
  });

  it.each(["CONFIRMATION", "MOVED_UP", "REMINDER", "CANCELLATION", "FREED", "NOTED"] as const)(
    "%s: signed, dated in words, in two segments even with a long title outside the SMS alphabet",
    (kind) => {
      const plain = composeText(kind, { ...facts, title: "Le Malade imaginaire" });
      expect(plain.text).toContain("Le Malade imaginaire");
      expect(plain.text).toContain("samedi 16 janvier");
      expect(plain.text.split("\n").at(-1)).toBe("Centre social des Trois Cités");
      expect(plain.segments).toBeLessThanOrEqual(2);
      // Too long for UCS-2: the letters the SMS alphabet lacks lose their accent, what varies is shortened.
      const long = composeText(kind, {
        ...facts,
        title: "La fête des lumières : une très longue soirée de contes, de chansons et de danses pour toute la famille, à côté du château",
      });
      expect(long.encoding).toBe("GSM7");
      expect(long.text).toContain("La fete des lumières");
      expect(long.segments).toBeLessThanOrEqual(2);
      expect(countSegments(long.text).segments).toBeLessThanOrEqual(2);
    },
  );

  it("reads NON in the ways people write it, and STOP apart", () => {
    for (const text of ["NON", "non", "Non.", " non ! ", "je peux pas", "Je ne peux pas", "Non merci"]) expect(readAnswer(text)).toBe("NO");
    expect(readAnswer("STOP")).toBe("STOP");
    expect(readAnswer("Oui, à demain")).toBe("OTHER");
  });

  it("reads 'no' in the languages the person may get their texts in, and their 'yes' as another answer (issue 34.1)", () => {
    for (const text of ["No", "لا", "لا.", "نه", "نی", "Ні", "ні!", "Нет", "нет, извините", "Ні, дякую", "No thanks"]) expect(readAnswer(text)).toBe("NO");
    for (const text of ["نعم", "بله", "Так", "Да", "Yes"]) expect(readAnswer(text)).toBe("OTHER");
  });
});

describe("texts through a real SMPP server", () => {
  it("a booking with a consenting number: one submit_sm with the right text and segments", async () => {
    const server = await smppServer();
    try {
      const { sessionId } = await stage({ capacity: 5 });
      const [partner] = await partners(1);
      await bookWithTexts(partner!, sessionId);
      await runJobs();
      expect(server.received.map((text) => text.to).sort()).toEqual(["33612345678", "447911123456"]);
      const awa = server.received.find((text) => text.to === "33612345678")!;
      expect(awa.text).toMatch(/^Bonjour Awa,\nTa place est réservée\.\n/);
      const [row] = (await texts()).filter((text) => text.to === AWA_E164);
      expect(row).toMatchObject({ kind: "CONFIRMATION", status: "SENT", messageId: expect.stringMatching(/^m\d$/), text: awa.text });
      expect(row!.segments).toBe(countSegments(awa.text).segments);
      expect(row!.segments).toBeLessThanOrEqual(2);
      expect(awa.dataCoding).toBe(row!.encoding === "UCS2" ? 8 : 0);
    } finally {
      await server.close();
    }
  });

  it("the server refuses twice then accepts: the text is received once", async () => {
    const server = await smppServer(2);
    try {
      const { sessionId } = await stage({ capacity: 5 });
      const [partner] = await partners(1);
      const person = await personWithMobile(partner!);
      const result = await requestBooking(partner!.actor, {
        sessionId,
        partnerId: partner!.id,
        guests: [{ firstName: "Awa", lastName: person.lastName, kind: "MAIN", personId: person.id }],
      });
      await recordBookingTexts(partner!.actor, { bookingId: result.outcome === "CONFIRMED" ? result.confirmed.id : "", confirmation: "on" });
      await runJobs();
      expect(server.received).toHaveLength(1);
      expect(await texts()).toMatchObject([{ status: "SENT", attempts: 3 }]);
    } finally {
      await server.close();
    }
  });

  it("a deliver_sm « non » from a companion: the place freed, the first waiting booking confirmed, the referent told", async () => {
    const server = await smppServer();
    try {
      const { sessionId } = await stage({ capacity: 2 });
      const [a, b] = await partners(2);
      const bookingId = await bookWithTexts(a!, sessionId, { confirmation: false });
      const waiting = await requestBooking(b!.actor, request(sessionId, b!.id, 1));
      expect(waiting.outcome).toBe("WAITLISTED");
      // The reminder the day before, at the association's hour: Nina and Awa get it.
      await remindByText(new Date(Date.now()), { anyHour: true });
      await getPrisma().session.update({ where: { id: sessionId }, data: { startsAt: new Date(Date.now() + 20 * 3_600_000) } });
      expect(await remindByText(new Date(), { anyHour: true })).toBe(2);
      await runJobs();
      expect(server.received.filter((text) => /C'est demain/.test(text.text))).toHaveLength(2);

      await listenForAnswers();
      expect(await server.answer("447911123456", "non")).toBe(0);

      const guests = await getPrisma().bookingGuest.findMany({ where: { bookingId }, orderBy: { position: "asc" } });
      expect(guests.map((guest) => guest.cancelledAt !== null)).toEqual([false, true]);
      const promoted = await getPrisma().booking.findUniqueOrThrow({ where: { id: waiting.outcome === "WAITLISTED" ? waiting.waitlisted.id : "" } });
      expect(promoted.status).toBe("CONFIRMED");
      expect(await getPrisma().smsAnswer.findMany({ where: { partnerId: a!.id } })).toMatchObject([{ outcome: "PLACE_FREED", text: "non", guestPosition: 1 }]);
      expect(await getPrisma().notification.findMany({ where: { partnerId: a!.id } })).toMatchObject([{ type: "GUEST_WITHDRAWN", guestPosition: 1 }]);
      await runJobs();
      await until(() => server.received.some((text) => text.to === "447911123456" && text.text.startsWith("C'est noté, ta place est libérée.")), {
        what: "la réponse « C'est noté »",
      });
    } finally {
      await server.close();
    }
  });

  it("« non » from the main guest cancels the whole booking when the referent allowed it", async () => {
    const server = await smppServer();
    try {
      const { sessionId } = await stage({ capacity: 2 });
      const [a] = await partners(1);
      const bookingId = await bookWithTexts(a!, sessionId, { mainMayCancel: true });
      await runJobs();
      await listenForAnswers();
      expect(await server.answer("33612345678", "Non.")).toBe(0);
      expect(await getPrisma().booking.findUniqueOrThrow({ where: { id: bookingId } })).toMatchObject({ status: "CANCELLED", cancelCode: "GUEST_UNAVAILABLE" });
      await runJobs();
      // "C'est noté", and no "your outing is cancelled" on top of it.
      expect((await texts()).filter((text) => text.to === AWA_E164).map((text) => text.kind)).toEqual(["CONFIRMATION", "FREED"]);
    } finally {
      await server.close();
    }
  });

  it("« STOP »: nothing more is sent to that number, and the number itself is not kept", async () => {
    const server = await smppServer();
    try {
      const { sessionId } = await stage({ capacity: 5 });
      const [a] = await partners(1);
      await bookWithTexts(a!, sessionId);
      await runJobs();
      await listenForAnswers();
      expect(await server.answer("33612345678", "STOP")).toBe(0);
      const [stopped] = await getPrisma().smsSuppression.findMany();
      expect(stopped!.numberHash).not.toContain("612345678");
      const before = server.received.length;
      await bookWithTexts(a!, (await stage({ capacity: 5 })).sessionId);
      await runJobs();
      expect(server.received.slice(before).map((text) => text.to)).toEqual(["447911123456"]);
    } finally {
      await server.close();
    }
  });
});

describe("the outbox and the budget", () => {
  it("without SMS_URL (the demo) texts stay in the outbox, readable by the association, numbers masked", async () => {
    const { sessionId } = await stage({ capacity: 5 });
    const [partner] = await partners(1);
    await bookWithTexts(partner!, sessionId);
    await runJobs();
    const outbox = await listTexts(await adminActor());
    expect(outbox.texts).toHaveLength(2);
    expect(outbox.texts.every((text) => text.status === "KEPT")).toBe(true);
    expect(outbox.texts.map((text) => text.to)).toContain("+33 6 •• •• •• 78");
    expect(outbox.texts[0]!.text).toContain("Ta place est réservée.");
  });

  it("past the month's budget texts wait and the association is told; a larger budget lets them go", async () => {
    const server = await smppServer();
    try {
      const admin = await adminActor();
      await setSmsSettings(admin, { reminderHour: "18", monthlyBudget: "1" });
      const { sessionId } = await stage({ capacity: 5 });
      const [partner] = await partners(1);
      await bookWithTexts(partner!, sessionId);
      await runJobs();
      expect(server.received).toHaveLength(1);
      expect((await texts()).map((text) => text.status).sort()).toEqual(["OVER_BUDGET", "SENT"]);
      expect(await getPrisma().outboxMail.count({ where: { kind: "SMS_BUDGET_SPENT" } })).toBeGreaterThan(0);
      await setSmsSettings(admin, { reminderHour: "18", monthlyBudget: "" });
      await runJobs();
      expect(server.received).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it("a text that failed every attempt is shown failed and sent again on demand", async () => {
    const { sessionId } = await stage({ capacity: 5 });
    const [partner] = await partners(1);
    process.env.SMS_URL = "smpp://culture:secret@127.0.0.1:1";
    try {
      await bookWithTexts(partner!, sessionId);
      await getPrisma().$executeRawUnsafe(`UPDATE graphile_worker._private_jobs SET max_attempts = 2`);
      await runJobs();
    } finally {
      delete process.env.SMS_URL;
      await closeSms();
    }
    const outbox = await listTexts(await adminActor());
    expect(outbox.failed).toBe(2);
    await resendText(await adminActor(), { smsId: outbox.texts[0]!.id });
    await runJobs();
    expect((await listTexts(await adminActor())).failed).toBe(1);
  });
});

describe("retention", () => {
  it("erases a guest's number with the names, and the texts' numbers and words after the mails' delay", async () => {
    const { sessionId } = await stage({ startsAt: new Date(Date.now() - 400 * 86_400_000) });
    const [partner] = await partners(1);
    const person = await personWithMobile(partner!);
    const booking = await getPrisma().booking.findUniqueOrThrow({ where: { id: (await insertBooking(sessionId, partner!.id)).id }, include: { guests: true } });
    await getPrisma().guestMobile.create({ data: { guestId: booking.guests[0]!.id, number: AWA_E164, consentAt: new Date() } });
    await getPrisma().person.update({ where: { id: person.id }, data: { archivedAt: new Date() } });
    await runRetention();
    expect(await getPrisma().guestMobile.count({ where: { guestId: booking.guests[0]!.id } })).toBe(0);
    expect(await getPrisma().personMobile.count({ where: { personId: person.id } })).toBe(0);
  });
});

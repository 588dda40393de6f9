// Issue 30 part 1, the pages' side of text messages: the job workers listen for the people's answers as
// soon as they start (an SMPP server on port 0 sees the bind), and the booking form's choices about texts
// reach lib/sms with the booking, on both parts of a split.
import * as smpp from "smpp";
import type { Session } from "smpp";
import { getPrisma } from "@/lib/db/client";
import { startWorker } from "@/lib/jobs/worker";
import { bookFromForm } from "@/lib/partner/book-from-form";
import { peopleWithMobile, recordPersonMobile } from "@/lib/sms/consent";
import { closeSms } from "@/lib/sms/transport";
import { partners, stage } from "../factories/booking";
import { forgetJobsAndMail, until } from "../support/jobs";

jest.setTimeout(60_000);

beforeEach(async () => {
  await forgetJobsAndMail();
  await getPrisma().$executeRawUnsafe(`DELETE FROM "OutboxSms"`);
});

describe("the workers listen for answers", () => {
  it("binds to the operator when the job workers start, before any text is sent (issue 30.5)", async () => {
    const binds: string[] = [];
    const sessions: Session[] = [];
    const server = smpp.createServer((session) => {
      sessions.push(session);
      session.on("error", () => {});
      session.on("bind_transceiver", (pdu) => {
        binds.push(String(pdu.system_id));
        session.send(pdu.response());
      });
      session.on("unbind", (pdu) => session.send(pdu.response()));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.SMS_URL = `smpp://culture:secret@127.0.0.1:${(server.address() as { port: number }).port}`;
    const worker = await startWorker(process.env.DATABASE_URL!, { taskList: {}, crontab: "", pollInterval: 100 });
    try {
      await until(async () => binds.length > 0, { what: "le bind de l'opérateur" });
      expect(binds).toEqual(["culture"]);
    } finally {
      await worker.stop();
      await closeSms();
      delete process.env.SMS_URL;
      for (const session of sessions) session.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("the booking form's choices about texts (issue 30.2)", () => {
  async function awa(partner: { id: string; actor: Parameters<typeof recordPersonMobile>[0] }) {
    const person = await getPrisma().person.create({ data: { partnerId: partner.id, firstName: "Awa", lastName: "Diallo" } });
    await recordPersonMobile(partner.actor, { personId: person.id, number: "06 12 34 56 78", consent: "on" });
    return person;
  }

  it("tells the form which of the structure's people have a number with consent, to that structure only", async () => {
    const [partner, other] = await partners(2);
    const person = await awa(partner!);
    const without = await getPrisma().person.create({ data: { partnerId: partner!.id, firstName: "Lina", lastName: "Martin" } });
    expect(await peopleWithMobile(partner!.actor, partner!.id, [person.id, without.id])).toEqual([person.id]);
    await expect(peopleWithMobile(other!.actor, partner!.id, [person.id])).rejects.toMatchObject({ code: "ACCESS_DENIED" });
  });

  it("records the choices with the booking and texts the confirmation to each guest with a number", async () => {
    const { sessionId } = await stage({ capacity: 5 });
    const [partner] = await partners(1);
    const person = await awa(partner!);
    const result = await bookFromForm(partner!.actor, {
      sessionId,
      partnerId: partner!.id,
      people: [{ personId: person.id, firstName: "Awa", lastName: "Diallo" }],
      companions: [{ firstName: "Nina", lastName: "Diallo", kind: "FAMILY_OR_FRIEND" }],
      texts: { confirmation: true, mainMayCancel: true, guests: [{ position: 1, number: "+44 7911 123456", consent: true }] },
    });
    expect(result.outcome).toBe("CONFIRMED");
    const bookingId = result.outcome === "CONFIRMED" ? result.confirmed.id : "";
    expect(await getPrisma().bookingTexts.findUnique({ where: { bookingId } })).toMatchObject({ confirmation: true, mainMayCancel: true });
    const sent = await getPrisma().outboxSms.findMany({ where: { bookingId }, orderBy: { guestPosition: "asc" } });
    expect(sent.map((sms) => [sms.kind, sms.to, sms.guestPosition])).toEqual([
      ["CONFIRMATION", "+33612345678", 0],
      ["CONFIRMATION", "+447911123456", 1],
    ]);
  });

  it("refuses a number typed without the person's consent, before anything is booked", async () => {
    const { sessionId } = await stage({ capacity: 5 });
    const [partner] = await partners(1);
    const form = {
      sessionId,
      partnerId: partner!.id,
      people: [{ firstName: "Lina", lastName: "Martin" }],
      texts: { confirmation: true, guests: [{ position: 0, number: "06 12 34 56 78" }] },
    };
    await expect(bookFromForm(partner!.actor, form)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await getPrisma().booking.count({ where: { partnerId: partner!.id } })).toBe(0);
  });

  it("records the choices on both parts of a split, each guest's number on the part that holds them", async () => {
    const { sessionId } = await stage({ capacity: 1 });
    const [partner] = await partners(1);
    const person = await awa(partner!);
    const result = await bookFromForm(partner!.actor, {
      sessionId,
      partnerId: partner!.id,
      people: [{ personId: person.id, firstName: "Awa", lastName: "Diallo" }],
      companions: [{ firstName: "Nina", lastName: "Diallo", kind: "FAMILY_OR_FRIEND" }],
      ifShort: "SPLIT",
      texts: { confirmation: true, mainMayCancel: false, guests: [{ position: 1, number: "+44 7911 123456", consent: "on" }] },
    });
    expect(result.outcome).toBe("SPLIT");
    if (result.outcome !== "SPLIT") return;
    const chosen = await getPrisma().bookingTexts.findMany({ where: { bookingId: { in: [result.confirmed.id, result.waitlisted.id] } } });
    expect(chosen).toHaveLength(2);
    const nina = await getPrisma().bookingGuest.findFirstOrThrow({ where: { bookingId: result.waitlisted.id, position: 1 }, select: { mobile: true } });
    expect(nina.mobile?.number).toBe("+447911123456");
    // The confirmed part is texted now; the waiting one when it moves up.
    expect(
      (await getPrisma().outboxSms.findMany({ where: { bookingId: { in: [result.confirmed.id, result.waitlisted.id] } } })).map((sms) => [
        sms.bookingId,
        sms.to,
      ]),
    ).toEqual([[result.confirmed.id, "+33612345678"]]);
  });
});

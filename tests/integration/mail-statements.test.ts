// Issue 35.1 (the season replayed at scale 1): the mails are most of the season's jobs, and each of their
// statements is a round trip that the servers and PostgreSQL pay in CPU. Sending a booking's mail read the
// mail, then its account, then the booking, its session, event, venue and guests one query each (Prisma's
// relations), again for the calendar file, and wrote the row twice: a dozen statements. Writing the mails
// of a session's reminder asked the structure's accounts once per booking. What is sent is pinned
// elsewhere (mail-content-pinned.test.ts); this counts the statements.
import { requestBooking } from "@/lib/booking/request";
import { getPrisma } from "@/lib/db/client";
import { deliverMail } from "@/lib/mail/deliver";
import { askAttendance, remindOuting } from "@/lib/mail/booking-mails";
import { partners, request, stage } from "../factories/booking";
import { forgetJobsAndMail } from "../support/jobs";
import { startMailServer } from "../support/mail-server";
import { statementsOf } from "../support/statements";

jest.setTimeout(120_000);
beforeEach(() => forgetJobsAndMail());

describe("the statements of a booking's mails", () => {
  it("a confirmation leaves, with its calendar file, in two statements", async () => {
    const smtp = await startMailServer();
    try {
      const { sessionId } = await stage({ capacity: 5 });
      const [partner] = await partners(1);
      const result = await requestBooking(partner!.actor, request(sessionId, partner!.id, 2));
      const bookingId = (result as { confirmed: { id: string } }).confirmed.id;
      const mail = await getPrisma().outboxMail.findFirstOrThrow({ where: { kind: "BOOKING_CONFIRMED" }, select: { id: true } });

      const { result: delivery, statements } = await statementsOf(() => deliverMail(mail.id));

      expect(delivery).toBe("SENT");
      // The mail with its account and its booking (session, event, venue and guests); the row written once.
      expect(statements).toBeLessThanOrEqual(2);
      const sent = await getPrisma().outboxMail.findUniqueOrThrow({ where: { id: mail.id } });
      expect(sent).toMatchObject({ status: "SENT", attempts: 1, error: null, sealedSecrets: null });
      expect(sent.subject).toContain("confirmée");
      expect((sent.props as { url?: string }).url).toContain(`/partenaire/reservations/${bookingId}`);
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]).toContain("BEGIN:VCALENDAR");
      expect(smtp.received[0]).toContain(bookingId);
    } finally {
      await smtp.close();
    }
  });

  it("a mail that could not leave keeps what it says, and its error, for the association's outbox", async () => {
    const { sessionId } = await stage({ capacity: 5 });
    const [partner] = await partners(1);
    await requestBooking(partner!.actor, request(sessionId, partner!.id, 1));
    const mail = await getPrisma().outboxMail.findFirstOrThrow({ where: { kind: "BOOKING_CONFIRMED" }, select: { id: true } });
    // A mail server that is not there (a closed port).
    process.env.SMTP_URL = "smtp://127.0.0.1:9";
    try {
      await expect(deliverMail(mail.id, { attempt: 1, maxAttempts: 3 })).rejects.toThrow();
    } finally {
      delete process.env.SMTP_URL;
    }
    const kept = await getPrisma().outboxMail.findUniqueOrThrow({ where: { id: mail.id } });
    expect(kept).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(kept.error).toBeTruthy();
    expect(kept.subject).toContain("confirmée");
    expect(kept.text).toContain("confirmée");
  });

  it("the reminders of a session, and its requests for attendance, are written in one statement each, whatever the number of its bookings", async () => {
    const { sessionId } = await stage({ capacity: 20 });
    const booked = await partners(4);
    for (const partner of booked) await requestBooking(partner.actor, request(sessionId, partner.id, 2));

    const { result: written, statements } = await statementsOf(() => remindOuting(sessionId));

    expect(written).toBe(4);
    expect(statements).toBe(1);
    const mails = await getPrisma().outboxMail.findMany({ where: { kind: "OUTING_REMINDER" }, select: { userId: true, sourceKey: true } });
    expect(mails).toHaveLength(4);
    expect(new Set(mails.map((mail) => mail.userId)).size).toBe(4);
    // Again (a retry of the job): the same four meant, none written twice.
    expect(await remindOuting(sessionId)).toBe(4);
    expect(await getPrisma().outboxMail.count({ where: { kind: "OUTING_REMINDER" } })).toBe(4);

    const asked = await statementsOf(() => askAttendance(sessionId));
    expect(asked.result).toBe(4);
    expect(asked.statements).toBe(1);
    expect(await getPrisma().outboxMail.count({ where: { kind: "ATTENDANCE_REQUEST" } })).toBe(4);
  });
});

// Issue 35.2 ("mail keeps up"): each mail opened its own connection to the mail server (greeting, EHLO,
// then the message, then QUIT). A server's workers now keep a small pool of connections open while mails
// flow, and close it once none has left for a moment (so that nothing is held open for nothing, and a
// mail server that goes away is met again afresh). Each mail is still delivered once.
import { queueMail } from "@/lib/mail";
import { getPrisma } from "@/lib/db/client";
import { prismaSql } from "@/lib/db/sql";
import { forgetJobsAndMail, runJobs, until } from "../support/jobs";
import { startMailServer } from "../support/mail-server";

jest.setTimeout(120_000);
beforeEach(() => forgetJobsAndMail());

const queueEight = () =>
  queueMail(
    prismaSql(getPrisma()),
    Array.from({ length: 8 }, (_, i) => ({ kind: "PARTNERSHIP_ACK" as const, to: `personne${i}@exemple.test` })),
  );

describe("the connections to the mail server", () => {
  afterEach(() => delete process.env.MAIL_POOL_IDLE_MS);

  it("are reused from one mail to the next while mails flow", async () => {
    // Mails that follow each other closer than the pool's idle time: here as long as the test lasts.
    process.env.MAIL_POOL_IDLE_MS = "600000";
    const smtp = await startMailServer();
    try {
      await queueEight();
      await runJobs();
      expect(smtp.received).toHaveLength(8);
      expect(await getPrisma().outboxMail.count({ where: { status: "SENT" } })).toBe(8);
      // One connection, two at most (the queue may send two at once): not one per mail.
      expect(smtp.connections()).toBeLessThanOrEqual(2);
    } finally {
      process.env.MAIL_POOL_IDLE_MS = "0";
      await queueMail(prismaSql(getPrisma()), { kind: "PARTNERSHIP_ACK", to: "derniere@exemple.test" });
      await runJobs();
      await until(() => smtp.open() === 0, { what: "les connexions fermées" });
      await smtp.close();
    }
  });

  it("are closed once no mail has left for a while", async () => {
    process.env.MAIL_POOL_IDLE_MS = "50";
    const smtp = await startMailServer();
    try {
      await queueEight();
      await runJobs();
      expect(smtp.received).toHaveLength(8);
      await until(() => smtp.open() === 0, { what: "les connexions fermées une fois les courriels partis" });
    } finally {
      await smtp.close();
    }
  });
});

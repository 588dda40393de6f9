// Issue 30 part 1, the pages' side of text messages: the job workers listen for the people's answers as
// soon as they start (an SMPP server on port 0 sees the bind), and the booking form's choices about texts
// reach lib/sms with the booking, on both parts of a split.
import * as smpp from "smpp";
import type { Session } from "smpp";
import { getPrisma } from "@/lib/db/client";
import { startWorker } from "@/lib/jobs/worker";
import { bookFromForm } from "@/lib/partner/booking-form";
import { recordPersonMobile } from "@/lib/sms/consent";
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

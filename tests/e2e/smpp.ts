// An SMS operator for the e2e (issue 30): the `smpp` package's own server, as tests/integration/sms.test.ts
// starts one, but on a fixed local port, because the demo server reads SMS_URL once, when it starts
// (playwright.config.ts). The spec that needs it listens there; the others leave the port closed, and the
// demo then fails to bind, which only matters to a text (none of their steps sends one).
import * as smpp from "smpp";
import type { PDU, Session } from "smpp";

/** The port the e2e's demo sends texts to: E2E_SMPP_PORT, or the app's port + 20000 (3100 → 23100). */
export function e2eSmppPort(): number {
  return Number(process.env.E2E_SMPP_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 20_000);
}

export interface ReceivedText {
  to: string;
  text: string;
}

/** Listens on e2eSmppPort(), takes every text, and hands the app a person's answer as an operator does. */
export async function startSmppOperator() {
  const received: ReceivedText[] = [];
  const sessions: Session[] = [];
  let ids = 0;
  const server = smpp.createServer((session) => {
    sessions.push(session);
    session.on("error", () => {});
    session.on("bind_transceiver", (pdu) => session.send(pdu.response()));
    session.on("enquire_link", (pdu) => session.send(pdu.response()));
    session.on("unbind", (pdu) => session.send(pdu.response()));
    session.on("submit_sm", (pdu) => {
      const payload = pdu.message_payload as { message?: string } | string | undefined;
      const text = typeof payload === "object" && payload ? String(payload.message) : String(payload ?? "");
      received.push({ to: String(pdu.destination_addr), text });
      session.send(pdu.response({ message_id: `e2e${++ids}` }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(e2eSmppPort(), "127.0.0.1", resolve);
  });
  return {
    received,
    /** `from` answers `text`: sent on the app's latest bind; resolves with the app's status (0: recorded). */
    answer: (from: string, text: string) =>
      new Promise<number>((resolve, reject) => {
        const session = sessions.at(-1);
        if (!session) return reject(new Error("The app has not bound to the SMPP server."));
        session.deliver_sm({ source_addr: from, source_addr_ton: 1, destination_addr: "CultureTous", short_message: text }, (pdu: PDU) =>
          resolve(pdu.command_status),
        );
      }),
    close: async () => {
      for (const session of sessions) session.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// Issue 30, transport: SMPP 3.4, the protocol SMS operators and aggregators accept (docs/decisions/
// 015-text-messages.md), with the `smpp` package. One transceiver bind per server, to SMS_URL
// (smpp://user:pass@host:port), made when a text leaves or when the workers start: texts go out on it
// and the operator's deliver_sm come back on it (delivery receipts, and the people's answers). A bind
// that closes is forgotten and made again at the next use.
import "server-only";
import * as smpp from "smpp";
import type { PDU, Session } from "smpp";
import type { SmsEncoding } from "./segments";

/** What to do with a deliver_sm: resolve once it is recorded (the operator is answered after). */
export type IncomingHandler = (pdu: PDU) => Promise<void>;

let bound: { url: string; session: Promise<Session> } | null = null;
let incoming: IncomingHandler | null = null;

const ANSWER_TIMEOUT_MS = 30_000;

/** The handler of incoming deliver_sm (lib/sms/answers.ts registers it). */
export function onIncoming(handler: IncomingHandler): void {
  incoming = handler;
}

export function smsConfigured(): boolean {
  return Boolean(process.env.SMS_URL);
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`L'opérateur SMS n'a pas répondu à temps (${what}).`)), ANSWER_TIMEOUT_MS);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}

function bind(url: string): Promise<Session> {
  const address = new URL(url);
  return withTimeout(
    new Promise<Session>((resolve, reject) => {
      const session = smpp.connect({ url: `smpp://${address.hostname}:${address.port || 2775}`, auto_enquire_link_period: 30_000 });
      const forget = () => {
        if (bound?.url === url) bound = null;
      };
      session.on("error", (error) => {
        forget();
        reject(error);
      });
      session.on("close", forget);
      session.on("deliver_sm", (pdu) => {
        const handled = incoming ? incoming(pdu) : Promise.resolve();
        // Answered once recorded; a failure asks the operator to deliver it again later.
        handled.then(
          () => session.send(pdu.response()),
          () => session.send(pdu.response({ command_status: smpp.ESME_RX_T_APPN })),
        );
      });
      session.on("connect", () => {
        session.bind_transceiver({ system_id: decodeURIComponent(address.username), password: decodeURIComponent(address.password) }, (pdu) => {
          if (pdu.command_status === 0) resolve(session);
          else {
            forget();
            session.close();
            reject(new Error(`L'opérateur SMS a refusé la connexion (statut ${pdu.command_status}).`));
          }
        });
      });
    }),
    "connexion",
  );
}

/** The server's bind to the operator, made if needed (null without SMS_URL: the demo). */
export async function smsSession(): Promise<Session | null> {
  const url = process.env.SMS_URL;
  if (!url) return null;
  if (!bound || bound.url !== url) {
    const session = bind(url);
    bound = { url, session };
    session.catch(() => {
      if (bound?.session === session) bound = null;
    });
  }
  return bound.session;
}

/** Hands one text to the operator; resolves with its id there (which its delivery receipt quotes). */
export async function submitText({ to, text, encoding }: { to: string; text: string; encoding: SmsEncoding }): Promise<string> {
  const session = await smsSession();
  if (!session) throw new Error("SMS_URL n'est pas défini.");
  const sender = process.env.SMS_SENDER ?? "";
  const alphanumeric = /[^\d+]/.test(sender);
  const answer = await withTimeout(
    new Promise<PDU>((resolve) =>
      session.submit_sm(
        {
          source_addr: alphanumeric ? sender : sender.replace(/^\+/, ""),
          source_addr_ton: alphanumeric ? 5 : 1,
          source_addr_npi: alphanumeric ? 0 : 1,
          destination_addr: to.replace(/^\+/, ""),
          dest_addr_ton: 1,
          dest_addr_npi: 1,
          registered_delivery: 1,
          // GSM-7 is the operator's default alphabet (0); UCS-2 is 8. The whole text in one submit_sm:
          // message_payload lets the operator split it into its (at most two) segments.
          data_coding: encoding === "UCS2" ? 8 : 0,
          message_payload: text,
        },
        resolve,
      ),
    ),
    "envoi",
  );
  if (answer.command_status !== 0) throw new Error(`L'opérateur SMS a refusé le message (statut ${answer.command_status}).`);
  return String(answer.message_id ?? "");
}

/** Closes the bind (tests, a server stopping). */
export async function closeSms(): Promise<void> {
  const current = bound;
  bound = null;
  const session = await current?.session.catch(() => null);
  if (session) await new Promise<void>((resolve) => session.close(() => resolve()));
}

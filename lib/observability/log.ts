// The platform's running facts, one JSON line each (issue 31.3): requests (lib/http/request-gate.ts),
// jobs, the mail and SMS transports' answers. A log is read by whoever runs the servers, not by the
// association: it says what ran, never who was concerned. So entries carry ids, roles, counts and codes,
// never a name, an address, a phone number, a visitor code, a password or a token; the `redact` list
// below is a second net for fields that might slip in, not the rule (tests/integration/logs.test.ts scans
// a whole sequence for the demo's personal data). LOG_LEVEL (default "info"; "silent" under Jest unless
// set). In development (`npm run dev`), lines are made readable by pino-pretty.
// Lines go to stdout in batches of a few kilobytes, written on the process's own thread (issue 35.2: one
// write per request line, handed to the thread pool, was 3 % of the servers' CPU in the opening burst).
// None is lost or reordered when the process ends: what waits is written on `exit` (decision 033).
// Not "server-only": scripts/server.ts loads it outside Next.js.
import pino, { type DestinationStream, type Logger } from "pino";

/** Paths pino blanks whatever their content, in case a caller hands over more than it should. */
const REDACT = [
  "password",
  "token",
  "code",
  "email",
  "phone",
  "name",
  "*.password",
  "*.token",
  "*.code",
  "*.email",
  "*.phone",
  "*.name",
  "req.headers.cookie",
  "req.headers.authorization",
  'res.headers["set-cookie"]',
];

/** Bytes gathered before a write: about twenty request lines. */
export const LOG_BATCH_BYTES = 3072;
/**
 * No write larger than PIPE_BUF (4096 on Linux): a pipe takes such a write whole, so that the server's
 * processes, sharing one stdout, never cut into each other's lines (a line alone was always that small).
 */
const LOG_WRITE_BYTES = 4096;
/** A quiet process's last lines wait at most this long. */
export const LOG_FLUSH_MS = 200;

/**
 * stdout, written in batches. Synchronous writes rather than the thread pool's: a batch leaves in order,
 * and what is left at `exit` (process.exit, an uncaught error, the end of the event loop, the servers'
 * SIGTERM) is written there, which a write still in the thread pool would not be.
 */
function batchedStdout(): DestinationStream {
  const stream = pino.destination({ dest: 1, sync: true, minLength: LOG_BATCH_BYTES, maxWrite: LOG_WRITE_BYTES, periodicFlush: LOG_FLUSH_MS });
  process.once("exit", () => {
    try {
      stream.flushSync();
    } catch {
      // stdout closed (EPIPE): nothing more can be written
    }
  });
  return stream;
}

function level(env: Record<string, string | undefined>): string {
  if (env.LOG_LEVEL) return env.LOG_LEVEL;
  return env.JEST_WORKER_ID ? "silent" : "info";
}

function build(destination?: DestinationStream, env: Record<string, string | undefined> = process.env): Logger {
  const options = { level: level(env), base: { pid: process.pid }, redact: { paths: REDACT, censor: "[masqué]" }, timestamp: pino.stdTimeFunctions.isoTime };
  if (destination) return pino(options, destination);
  // Development: the same lines, in colour and on one line each, for a person at a terminal.
  if (env.NODE_ENV === "development" || env.LOG_PRETTY === "1")
    return pino({ ...options, transport: { target: "pino-pretty", options: { singleLine: true, translateTime: "SYS:HH:MM:ss" } } });
  return pino(options, batchedStdout());
}

// One logger per process, kept on globalThis: Next.js bundles its own copy of this module beside the one
// scripts/server.ts loads, and both must write through the same stream.
const slot = globalThis as typeof globalThis & { __billetterieLog?: Logger };

/** The process's logger; `log().child({ area: "mail" })` for a part of the app. */
export function log(): Logger {
  return (slot.__billetterieLog ??= build());
}

/** Sends every line to `destination` from now on (tests read what is logged; level "info" unless given). */
export function logTo(destination: DestinationStream, logLevel = "info"): Logger {
  slot.__billetterieLog = build(destination, { ...process.env, LOG_LEVEL: logLevel });
  return slot.__billetterieLog;
}

/** An error as a log may hold it: its kind, its code and its first line (contacts masked), not its data. */
export function errorFacts(error: unknown): { error: string; errorCode?: string } {
  if (!(error instanceof Error)) return { error: typeof error };
  // Not "code": that key is redacted (a visitor's code), and a database's error code is worth reading.
  const code = (error as { code?: unknown }).code;
  return { error: withoutContacts(`${error.name}: ${error.message}`), ...(typeof code === "string" ? { errorCode: code } : {}) };
}

const EMAIL = /[^\s<>"',;:()]+@[^\s<>"',;:()]+/g;
const PHONE = /\+?\d[\d .-]{7,}\d/g;

/** A transport's own words (an SMTP answer, an operator's error) without the addresses or numbers they may echo. */
export function withoutContacts(text: unknown): string {
  return (
    String(text ?? "")
      .split("\n")[0]!
      .replace(EMAIL, "[adresse]")
      // A phone number has at least nine digits; an SMTP status ("250 2.0.0") has fewer.
      .replace(PHONE, (match) => (match.replace(/\D/g, "").length >= 9 ? "[numéro]" : match))
      .slice(0, 300)
  );
}

// Issue 27, points 1 and 5: a request's body is read whole by scripts/server.ts before Next.js sees it,
// within a size limit (announced and streamed) and a time limit, and only then handed over. Next.js
// waits for a body as long as Node lets it (requestTimeout, 300 s) and, for requests that skip proxy.ts,
// reads it without its 10 MB cap; a client that announces a body and sends one byte held an action slot
// for five minutes. Here a body gets a few seconds plus the time to send its length at a slow uplink's
// pace, and nothing of it is kept past the limit.
import { IncomingMessage } from "node:http";

export interface BodyLimits {
  /** The largest body, announced or streamed. */
  limitBytes: number;
  /** What every body gets, however small. */
  graceMs: number;
  /** The slowest pace a body may come at, beyond the grace: a slow mobile uplink's. */
  bytesPerSecond: number;
}

export type BodyRead = { body: Buffer } | { refused: 408 | 413 } | { gone: true };

/** Whether a request comes with a body to read (an announced length above 0, or chunks). */
export function hasBody(req: IncomingMessage): boolean {
  return req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
}

/** Reads the body whole, or says why not; on a refusal what is still coming is read and dropped. */
export function readBody(req: IncomingMessage, { limitBytes, graceMs, bytesPerSecond }: BodyLimits): Promise<BodyRead> {
  const announced = req.headers["content-length"] === undefined ? undefined : Number(req.headers["content-length"]);
  const allowance = (bytes: number) => graceMs + (bytes / bytesPerSecond) * 1000;
  if (announced !== undefined && !(announced <= limitBytes)) {
    drain(req, allowance(limitBytes));
    return Promise.resolve({ refused: 413 });
  }
  return new Promise((resolve) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    // A body of unknown length earns its time as it comes; an announced one has its own from the start.
    const deadline = () => started + allowance(announced ?? size);
    const finish = (result: BodyRead) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.off("data", onData).off("end", onEnd).off("close", onClose);
      // A body too slow is not waited for: its answer closes the connection (lib/http/request-gate.ts).
      if ("refused" in result && result.refused === 413) drain(req, allowance(limitBytes));
      resolve(result);
    };
    const check = () => {
      const left = deadline() - performance.now();
      if (left <= 0) return finish({ refused: 408 });
      timer = setTimeout(check, left);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) return finish({ refused: 413 });
      chunks.push(chunk);
    };
    const onEnd = () => finish({ body: Buffer.concat(chunks, size) });
    const onClose = () => finish({ gone: true });
    let timer = setTimeout(check, allowance(announced ?? 0));
    req.on("data", onData).on("end", onEnd).on("close", onClose);
  });
}

/**
 * A body too large is read and dropped, so that a client still sending it reads the answer rather than a
 * reset connection; for `forMs` at most, after which the connection is closed.
 */
function drain(req: IncomingMessage, forMs: number) {
  req.resume();
  if (req.complete) return;
  const timer = setTimeout(() => req.socket.destroy(), forMs);
  req.once("end", () => clearTimeout(timer)).once("close", () => clearTimeout(timer));
}

/** The request as Next.js reads it: the same line and headers, and the body already read. */
export function withBody(req: IncomingMessage, body: Buffer): IncomingMessage {
  const replay = new IncomingMessage(req.socket);
  replay.method = req.method;
  replay.url = req.url;
  replay.headers = req.headers;
  replay.rawHeaders = req.rawHeaders;
  replay.httpVersion = req.httpVersion;
  replay.httpVersionMajor = req.httpVersionMajor;
  replay.httpVersionMinor = req.httpVersionMinor;
  if (body.length) replay.push(body);
  replay.push(null);
  replay.complete = true;
  return replay;
}

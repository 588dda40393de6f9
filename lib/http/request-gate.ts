// What scripts/server.ts does to each request before Next.js sees it, apart from Next.js itself (handed in
// as `handle`, so that tests run the gate on a real HTTP server with a stand-in app): the client's signed
// address (decision 005), the security headers of the requests proxy.ts skips, every body read whole
// within its limits before Next.js sees it, an action's undecodable body answered 400, form posts run a
// few at a time in arrival order (decision 010) once their body is there, and compression. Limits and
// their reasons: decision 014. First of all, each request is logged and timed (request-log.ts, issue 31.3).
import type { IncomingMessage, ServerResponse } from "node:http";
import { actionSlots } from "./action-slots";
import { undecodableAction } from "./action-body";
import { addressBlock, CLIENT_ADDRESS_HEADER, clientAddressOf, signClientAddress } from "./client-address";
import { compressAnswers } from "./compression";
import { requestLog, type RequestLogOptions } from "./request-log";
import { hasBody, readBody, withBody } from "./request-body";
import { PAGE_PATH_HEADER } from "@/lib/i18n/languages";
import { ACTION_BODY_LIMIT_BYTES, ACTION_TOO_LARGE, BODY_TOO_SLOW, BODY_UNREADABLE, pageSecurity } from "./security-headers";

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** What every body gets, however small (BODY_TIMEOUT_SECONDS, default 5). */
export const BODY_GRACE_MS = 5_000;
/** Beyond it, the slowest pace a body may come at: 128 kB/s, about 1 Mbit/s, a slow mobile uplink. */
export const BODY_BYTES_PER_SECOND = 128 * 1024;

export interface GateOptions {
  /** Next.js' request handler. */
  handle: Handler;
  /** Form posts (server actions, sign-in) this process runs at once. */
  slots: number;
  /** Of which one client may hold (default: half of them, at least one). */
  perAddress?: number;
  /** Proxies of ours in front of the server (TRUSTED_PROXIES). */
  proxies: number;
  https: boolean;
  dev?: boolean;
  /** What every body gets to arrive (default BODY_GRACE_MS). */
  bodyTimeoutMs?: number;
  /** How requests are logged: the route patterns (lib/observability/routes.ts) and the logger. */
  log: RequestLogOptions;
}

/** The requests proxy.ts does not see: the `missing` headers of its matcher. */
export function skipsProxy(req: IncomingMessage): boolean {
  return req.headers["next-action"] !== undefined || req.headers["next-router-prefetch"] !== undefined || req.headers.purpose === "prefetch";
}

function refuse(res: ServerResponse, status: number, text: string, close = false) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...(close ? { Connection: "close" } : {}) }).end(text);
}

export function requestGate({ handle, slots, perAddress, proxies, https, dev = false, bodyTimeoutMs = BODY_GRACE_MS, log }: GateOptions): Handler {
  const logged = requestLog({ trustRequestId: proxies > 0, ...log });
  const queue = actionSlots(Math.max(1, slots), Math.max(1, perAddress ?? Math.floor(slots / 2)));
  const compress = compressAnswers();
  const limits = { limitBytes: ACTION_BODY_LIMIT_BYTES, graceMs: bodyTimeoutMs, bytesPerSecond: BODY_BYTES_PER_SECOND };
  const answer = (req: IncomingMessage, res: ServerResponse) => compress(req, res, () => void handle(req, res));

  return (req, res) => logged(req, res, () => gate(req, res));

  function gate(req: IncomingMessage, res: ServerResponse) {
    const address = clientAddressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], proxies);
    req.headers[CLIENT_ADDRESS_HEADER] = signClientAddress(address);
    // Which page this is, for the request's language (lib/i18n/choice.ts): never what the client says.
    req.headers[PAGE_PATH_HEADER] = (req.url ?? "/").split("?")[0]!;
    if (skipsProxy(req)) {
      // As proxy.ts does for pages: such a request may be answered HTML too.
      const { nonce, policy, headers } = pageSecurity((req.url ?? "/").split("?")[0]!, { dev, https });
      req.headers["x-nonce"] = nonce;
      req.headers["content-security-policy"] = policy;
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    }
    if (!hasBody(req)) {
      // Pages are not queued; a form posted with no body has nothing to wait for.
      if (req.method === "POST") queue(addressBlock(address), (release) => run(req, res, release));
      else answer(req, res);
      return;
    }
    void readBody(req, limits).then(async (read) => {
      if ("gone" in read) return;
      if ("refused" in read) return refuse(res, read.refused, read.refused === 413 ? ACTION_TOO_LARGE : BODY_TOO_SLOW, read.refused === 408);
      if (req.method === "POST" && req.headers["next-action"] && (await undecodableAction(req.headers["content-type"], read.body)))
        return refuse(res, 400, BODY_UNREADABLE);
      const full = withBody(req, read.body);
      if (req.method === "POST") queue(addressBlock(address), (release) => run(full, res, release));
      else answer(full, res);
    });
  }

  /** Answers with a slot, given back when the answer is sent or the client goes away. */
  function run(req: IncomingMessage, res: ServerResponse, release: () => void) {
    res.once("close", release);
    if (res.destroyed) return release();
    answer(req, res);
  }
}

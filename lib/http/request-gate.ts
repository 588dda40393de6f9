// What scripts/server.ts does to each request before Next.js sees it, apart from Next.js itself (handed in
// as `handle`, so that tests run the gate on a real HTTP server with a stand-in app): the client's signed
// address (decision 005), compression (lib/http/compression.ts), and server actions run at most `slots`
// at once in arrival order (decision 010).
import type { IncomingMessage, ServerResponse } from "node:http";
import pLimit from "p-limit";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, signClientAddress } from "./client-address";
import { compressAnswers } from "./compression";
import { ACTION_TOO_LARGE, overActionBodyLimit, securityHeaders } from "./security-headers";

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface GateOptions {
  /** Next.js' request handler. */
  handle: Handler;
  /** Server actions this process runs at once. */
  slots: number;
  /** Proxies of ours in front of the server (TRUSTED_PROXIES). */
  proxies: number;
  https: boolean;
}

export function requestGate({ handle, slots, proxies, https }: GateOptions): Handler {
  const actions = pLimit(Math.max(1, slots));
  const compress = compressAnswers();
  return (req, res) => {
    const address = clientAddressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], proxies);
    req.headers[CLIENT_ADDRESS_HEADER] = signClientAddress(address);
    const answer = () => compress(req, res, () => void handle(req, res));
    if (req.method !== "POST" || !req.headers["next-action"]) {
      answer();
      return;
    }
    // A server action skips proxy.ts (its answer is data, not a page): its headers and its limit are here,
    // the limit answered before anything is parsed.
    for (const [name, value] of Object.entries(securityHeaders((req.url ?? "/").split("?")[0]!, { https }))) res.setHeader(name, value);
    if (overActionBodyLimit(req.headers["content-length"])) {
      // The body is read and dropped: a client still sending it would otherwise meet a closed connection.
      req.resume();
      res.writeHead(413, { "Content-Type": "text/plain; charset=utf-8" }).end(ACTION_TOO_LARGE);
      return;
    }
    // The slot is given back when the answer is sent, or when the client goes away.
    void actions(
      () =>
        new Promise<void>((done) => {
          res.once("close", done);
          if (res.destroyed) return done();
          answer();
        }),
    );
  };
}

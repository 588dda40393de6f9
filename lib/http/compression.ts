// Which answers scripts/server.ts compresses (the `compression` middleware; Next.js' own is off in
// next.config.mjs). Every answer a browser accepts compressed, save one kind: a server action's own
// result (a booking made, a form's errors), a few hundred bytes that Next.js streams without a length.
// Gzip costs the same there as on a page (a zlib stream per answer, about 0.8 ms of CPU on our 2-core
// machine) for nothing to gain, and in npm run bench:burst it was a fifteenth of the servers' time per
// booking. An action that re-renders a page into its answer says so in a header (a path revalidated, a
// redirect): that answer is a page's worth of data, compressed as pages are.
import type { IncomingMessage, ServerResponse } from "node:http";
import compression from "compression";

// The middleware is written for Express and typed so; it uses only what node:http gives.
type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

export function worthCompressing(req: IncomingMessage, res: ServerResponse): boolean {
  const actionResultOnly =
    req.method === "POST" && !!req.headers["next-action"] && !res.hasHeader("x-action-revalidated") && !res.hasHeader("x-action-redirect");
  return !actionResultOnly && compression.filter(req as never, res as never);
}

export const compressAnswers = (): Middleware => compression({ filter: (req, res) => worthCompressing(req, res) }) as unknown as Middleware;

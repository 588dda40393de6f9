// The gate's first step (lib/http/request-gate.ts): one JSON line per request when its answer leaves,
// with the method, the route's pattern (never the path: it holds ids and some tokens), the status, the
// duration, the actor's id and role, and a request id, also sent back as X-Request-Id so that a person
// reporting a problem can quote it. The same answer is timed in the latency histogram of /api/metrics.
// Never logged: headers (cookies, the signed address), the query string, bodies.
// The line is the one pino-http wrote (same fields, same order), written here with one call of the
// process's logger: pino-http made four child loggers per request, which in the opening burst cost about
// 1.5 % of the servers' CPU and their garbage (issue 35.2, decision 033).
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { log as processLog } from "@/lib/observability/log";
import { metrics, requestKind } from "@/lib/observability/metrics";
import { type RequestFacts, withRequestFacts } from "@/lib/observability/request-context";

export const REQUEST_ID_HEADER = "x-request-id";
/** An id a proxy of ours may hand over; anything else is replaced by our own. */
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface RequestLogOptions {
  /** The route's pattern of a URL (lib/observability/routes.ts). */
  routeOf: (url: string | undefined) => string;
  /** Trust an X-Request-Id a proxy of ours set (TRUSTED_PROXIES > 0). */
  trustRequestId?: boolean;
  /** The logger (default: the process's, read at each request so that a test may redirect it). */
  logger?: () => Logger;
}

type Facts = RequestFacts & { route: string; kind: string };
const FACTS = Symbol("request facts");
type Tracked = IncomingMessage & { [FACTS]?: Facts; id?: unknown };

/** Wraps a handler: the request is logged and timed; `next` runs inside its context. */
export function requestLog({ routeOf, trustRequestId = false, logger = processLog }: RequestLogOptions) {
  // The logger's `err` serializer would write a plain object as an Error ("type":"Object", a "stack"): the
  // line's `err` is written as given, by one child made when the process's logger is (not per request).
  let base: Logger | undefined;
  let lines: Logger | undefined;
  const linesLogger = () => {
    const current = logger();
    if (current !== base) lines = (base = current).child({}, { serializers: { err: (err: unknown) => err } });
    return lines!;
  };
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const route = routeOf(req.url);
    const facts: Facts = { route, kind: requestKind(req.headers, route) };
    (req as Tracked)[FACTS] = facts;
    const given = req.headers[REQUEST_ID_HEADER];
    const id = trustRequestId && typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    (req as Tracked).id = id;
    res.setHeader("X-Request-Id", id);
    const started = performance.now();
    const startedAt = Date.now();
    let done = false;
    // As pino-http: the line when the answer has left, or when the connection closed first, or on an error.
    const complete = (error?: Error) => {
      if (done) return;
      done = true;
      res.off("finish", complete);
      res.off("close", complete);
      res.off("error", complete);
      const actor = facts.role ? { actor: { id: facts.actorId, role: facts.role } } : {};
      const line = { reqId: id, req: { method: req.method, route }, ...actor, res: { status: res.statusCode } };
      const responseTime = Date.now() - startedAt;
      if (error instanceof Error || res.statusCode >= 500) {
        const failure = error instanceof Error ? error : new Error(`failed with status code ${res.statusCode}`);
        linesLogger().error({ ...line, err: { type: failure.constructor.name, message: failure.message.split("\n")[0] }, responseTime }, "requête en erreur");
      } else linesLogger().info({ ...line, responseTime }, "requête");
    };
    res.once("finish", () => metrics().requests.observe({ route, kind: facts.kind, method: req.method ?? "GET" }, (performance.now() - started) / 1000));
    res.once("finish", complete);
    res.once("close", complete);
    res.once("error", complete);
    withRequestFacts(facts, next);
  };
}

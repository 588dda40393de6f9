// The gate's first step (lib/http/request-gate.ts): one JSON line per request when its answer leaves
// (pino-http), with the method, the route's pattern (never the path: it holds ids and some tokens), the
// status, the duration, the actor's id and role, and a request id, also sent back as X-Request-Id so that
// a person reporting a problem can quote it. The same answer is timed in the latency histogram of
// /api/metrics. Never logged: headers (cookies, the signed address), the query string, bodies.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import pinoHttp from "pino-http";
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
  let current: Logger | undefined;
  let middleware: ReturnType<typeof build> | undefined;
  const build = (base: Logger) =>
    pinoHttp({
      logger: base,
      quietReqLogger: true,
      genReqId: (req, res) => {
        const given = req.headers[REQUEST_ID_HEADER];
        const id = trustRequestId && typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader("X-Request-Id", id);
        return id;
      },
      serializers: {
        req: (req: { raw?: Tracked; method?: string }) => ({ method: req.method, route: req.raw?.[FACTS]?.route }),
        res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
        err: (err: { type?: string; message?: string }) => ({ type: err.type, message: err.message?.split("\n")[0] }),
      },
      customProps: (req) => {
        const facts = (req as Tracked)[FACTS];
        return facts?.role ? { actor: { id: facts.actorId, role: facts.role } } : {};
      },
      customSuccessMessage: () => "requête",
      customErrorMessage: () => "requête en erreur",
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : "info"),
    });

  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const base = logger();
    if (base !== current) middleware = build((current = base));
    const route = routeOf(req.url);
    const facts: Facts = { route, kind: requestKind(req.headers, route) };
    (req as Tracked)[FACTS] = facts;
    const started = performance.now();
    res.once("finish", () => metrics().requests.observe({ route, kind: facts.kind, method: req.method ?? "GET" }, (performance.now() - started) / 1000));
    middleware!(req, res);
    withRequestFacts(facts, next);
  };
}

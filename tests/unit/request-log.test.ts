// Issue 35.2, the opening burst: the request's log line (lib/http/request-log.ts) is written with one call
// of the process's logger, without the child loggers pino-http made for each request (about 1.5 % of the
// servers' CPU in npm run bench:burst, and their garbage). The line itself is the one pino-http wrote:
// same fields, in the same order, so that whoever reads the logs sees no change. A real HTTP server, the
// real logger writing to a stream.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import type { Logger } from "pino";
import { requestLog } from "@/lib/http/request-log";
import { logTo } from "@/lib/observability/log";
import { noteActor } from "@/lib/observability/request-context";

jest.setTimeout(30_000);

const lines: string[] = [];
let logger: Logger;
let children = 0;
let server: http.Server;
let port: number;

beforeAll(async () => {
  logger = logTo(new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(...chunk.toString().split("\n").filter(Boolean)), done()) }));
  // Counts the child loggers made from the process's logger (and from theirs): none per request.
  const counting = (base: Logger): Logger =>
    new Proxy(base, {
      get(target, key, receiver) {
        if (key !== "child") return Reflect.get(target, key, receiver) as unknown;
        return (...args: Parameters<Logger["child"]>) => (children++, counting(target.child(...args) as unknown as Logger));
      },
    });
  const counted = counting(logger);
  const logged = requestLog({ routeOf: (url) => (url?.startsWith("/partenaire") ? "/partenaire/[id]" : "(inconnue)"), logger: () => counted });
  server = http.createServer((req, res) =>
    logged(req, res, () => {
      if (req.url?.startsWith("/partenaire")) noteActor({ kind: "user", userId: "6a0c5d1e-0000-4000-8000-000000000001", role: "PARTNER" });
      res.statusCode = req.url?.includes("panne") ? 503 : 200;
      res.end("ok");
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function get(path: string): Promise<{ status: number; id: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path, agent: false }, (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode!, id: String(response.headers["x-request-id"]) }));
      })
      .on("error", reject);
  });
}

async function lineOf(id: string): Promise<Record<string, unknown>> {
  for (let turn = 0; ; turn++) {
    const line = lines.map((text) => JSON.parse(text) as Record<string, unknown>).find((entry) => entry.reqId === id);
    if (line) return line;
    if (turn > 2000) throw new Error(`no line for ${id}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe("the request's log line", () => {
  it("is pino-http's line: level, time, pid, reqId, req, actor, res, responseTime, msg", async () => {
    const answer = await get("/partenaire/6a0c5d1e?q=Martin");
    const line = await lineOf(answer.id);
    expect(Object.keys(line)).toEqual(["level", "time", "pid", "reqId", "req", "actor", "res", "responseTime", "msg"]);
    expect(line).toMatchObject({
      level: 30,
      reqId: answer.id,
      req: { method: "GET", route: "/partenaire/[id]" },
      actor: { id: "6a0c5d1e-0000-4000-8000-000000000001", role: "PARTNER" },
      res: { status: 200 },
      msg: "requête",
    });
    expect(line.responseTime).toEqual(expect.any(Number));
  });

  it("says an answer of the server's own failure as an error, without an actor when none was noted", async () => {
    const answer = await get("/en-panne");
    const line = await lineOf(answer.id);
    expect(Object.keys(line)).toEqual(["level", "time", "pid", "reqId", "req", "res", "err", "responseTime", "msg"]);
    expect(line).toMatchObject({
      level: 50,
      req: { method: "GET", route: "(inconnue)" },
      res: { status: 503 },
      err: { type: "Error", message: "failed with status code 503" },
      msg: "requête en erreur",
    });
    expect(line.err).toEqual({ type: "Error", message: "failed with status code 503" });
  });

  it("makes no child logger per request", async () => {
    await get("/partenaire/6a0c5d1e");
    children = 0;
    for (let i = 0; i < 5; i++) await lineOf((await get("/partenaire/6a0c5d1e")).id);
    expect(children).toBe(0);
  });
});

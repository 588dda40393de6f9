// Issue 27, points 1, 5 and 12: the gate of scripts/server.ts (lib/http/request-gate.ts) on a real HTTP
// server, reached over real sockets, with a stand-in for Next.js that reads a request's body as Next.js
// does (to its end) and answers what it saw. Slow clients hold connections; forms are still answered.
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { requestGate } from "@/lib/http/request-gate";

const MB = 1024 * 1024;
// The machine is shared: a test waits for what it expects, never for a set time (but the one second a
// booking is allowed).
jest.setTimeout(60_000);

interface Seen {
  url: string;
  from: string;
  bytes: number;
}

let server: http.Server;
let port: number;
let headersArrived = 0;
let seen: Seen[] = [];
/** Requests to /tenir wait here until the test lets them go. */
let held: (() => void)[] = [];
const sockets: net.Socket[] = [];

/** Next.js' part: reads the whole body, then answers; a page is HTML, an action's answer is data. */
function standIn(req: http.IncomingMessage, res: http.ServerResponse) {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const entry = { url: req.url ?? "", from: String(req.headers["x-forwarded-for"] ?? ""), bytes: Buffer.concat(chunks).length };
    seen.push(entry);
    const send = () => {
      res.setHeader("Content-Type", req.method === "GET" ? "text/html; charset=utf-8" : "text/x-component");
      res.end(JSON.stringify({ bytes: entry.bytes, nonce: req.headers["x-nonce"] ?? null }));
    };
    if (req.url?.startsWith("/tenir")) held.push(send);
    else send();
  });
}

beforeAll(async () => {
  server = http.createServer(
    requestGate({ handle: standIn, slots: 4, perAddress: 2, proxies: 1, https: false, bodyTimeoutMs: 400, log: { routeOf: () => "/" } }),
  );
  server.on("request", () => headersArrived++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterEach(() => {
  for (const release of held) release();
  held = [];
  for (const socket of sockets.splice(0)) socket.destroy();
  seen = [];
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function until(condition: () => boolean, what: string, limitMs = 20_000) {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > limitMs) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function send(
  path: string,
  {
    method = "POST",
    headers = {},
    body,
    chunked = false,
  }: { method?: string; headers?: Record<string, string>; body?: Buffer | string; chunked?: boolean } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, path, method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    request.on("error", reject);
    if (body === undefined) return void request.end();
    if (!chunked) return void request.end(body);
    // Sent in pieces with no announced length (Transfer-Encoding: chunked); the server may stop reading.
    const data = Buffer.from(body);
    let offset = 0;
    const next = () => {
      while (offset < data.length) {
        const piece = data.subarray(offset, (offset += 256 * 1024));
        if (!request.write(piece)) return void request.once("drain", next);
      }
      request.end();
    };
    request.on("error", () => {});
    next();
  });
}

const action = (from = "203.0.113.7", extra: Record<string, string> = {}) => ({
  "Next-Action": "7f".padEnd(42, "0"),
  "Content-Type": "text/plain;charset=UTF-8",
  "X-Forwarded-For": from,
  ...extra,
});

/** A client that sends an action's headers, announces 4096 bytes, sends one, and then nothing. */
function slowClient(from: string): Promise<net.Socket> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.write(
        `POST /offre HTTP/1.1\r\nHost: localhost\r\nNext-Action: ${"7f".padEnd(42, "0")}\r\nContent-Type: text/plain;charset=UTF-8\r\nX-Forwarded-For: ${from}\r\nContent-Length: 4096\r\n\r\n[`,
        () => resolve(socket),
      );
    });
    socket.on("error", () => {});
    sockets.push(socket);
  });
}

/** What a socket receives until the server closes it or `limit` bytes arrive. */
function received(socket: net.Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    socket.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
      if (/\r\n\r\n[\s\S]+/.test(text)) resolve(text);
    });
    socket.on("close", () => resolve(text));
  });
}

describe("point 1: slow clients hold no action slot", () => {
  it("answers a booking within a second while 40 slow clients hold connections", async () => {
    const before = headersArrived;
    await Promise.all(Array.from({ length: 40 }, (_, i) => slowClient(`198.51.100.${i + 1}`)));
    await until(() => headersArrived - before >= 40, "the 40 slow clients' headers");
    const start = performance.now();
    const booking = await Promise.race([
      send("/offre/reserver", { headers: action(), body: '["une réservation"]' }),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 1000)),
    ]);
    expect(booking?.status).toBe(200);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it("answers 408 in French to a body that does not arrive in time", async () => {
    const socket = await slowClient("198.51.100.200");
    const answer = await received(socket);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toContain("Envoi interrompu");
    expect(seen).toEqual([]);
  });

  it("lets one client address hold at most half of the slots, the others' forms going first", async () => {
    const many = Array.from({ length: 4 }, () => send("/tenir", { headers: action("192.0.2.1"), body: "[1]" }));
    await until(() => held.length >= 2, "the first client's two actions running");
    const other = send("/offre/reserver", { headers: action("192.0.2.99"), body: "[2]" });
    expect((await other).status).toBe(200);
    expect(held).toHaveLength(2);
    while (held.length) held.shift()!();
    await until(() => held.length >= 2, "the first client's other two actions");
    while (held.length) held.shift()!();
    expect((await Promise.all(many)).map((a) => a.status)).toEqual([200, 200, 200, 200]);
  });
});

describe("point 5: every body is limited, every answer carries the security headers", () => {
  it("answers 413 in French to a POST announced over the limit, with or without Next-Action", async () => {
    const kinds: Record<string, string>[] = [{ "Next-Router-Prefetch": "1" }, {}, action()];
    for (const headers of kinds) {
      const answer = await send("/offre/version", { headers: { ...headers, "Content-Length": String(7 * MB) } });
      expect(answer.status).toBe(413);
      expect(answer.body).toMatch(/^Envoi trop volumineux : 6 Mo au plus/);
    }
    expect(seen).toEqual([]);
  });

  it("answers 413 in French to a streamed body that goes over the limit, and Next.js never sees it", async () => {
    for (const headers of [{ "Next-Router-Prefetch": "1" }, action()]) {
      const answer = await send("/offre/version", { headers, body: Buffer.alloc(8 * MB, 0x61), chunked: true });
      expect(answer.status).toBe(413);
      expect(answer.body).toMatch(/^Envoi trop volumineux/);
    }
    expect(seen).toEqual([]);
  });

  it("still takes a 5 MB body in pieces", async () => {
    const body = `["${"a".repeat(5 * MB)}"]`;
    const answer = await send("/lieu/evenements/x", { headers: action(), body, chunked: true });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ bytes: body.length });
  });

  it("gives a page fetched as a prefetch the Content-Security-Policy, with a nonce Next.js is told, and the other headers", async () => {
    const kinds: Record<string, string>[] = [{ "Next-Router-Prefetch": "1" }, { Purpose: "prefetch" }, { "Next-Action": "x" }];
    for (const headers of kinds) {
      const answer = await send("/offre", { method: "GET", headers });
      expect(answer.headers["x-frame-options"]).toBe("DENY");
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      const nonce = JSON.parse(answer.body).nonce as string;
      expect(nonce).toBeTruthy();
      expect(answer.headers["content-security-policy"]).toContain(`'nonce-${nonce}'`);
      expect(answer.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    }
  });
});

describe("point 12: action bodies React cannot decode are answered 400 in French", () => {
  const multipart = (parts: [string, string][], boundary = "----limite") => ({
    headers: action(undefined, { "Content-Type": `multipart/form-data; boundary=${boundary}` }),
    body: parts.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${boundary}--\r\n`,
  });

  it.each([
    ["garbage", { headers: action(), body: "ceci n'est pas un envoi {{" }],
    [
      "a multipart body that is not one",
      { headers: action(undefined, { "Content-Type": "multipart/form-data; boundary=----limite" }), body: "rien de tout cela" },
    ],
    ["multipart without its first part", multipart([["1", '"$K2"']])],
    [
      "a __proto__ chain",
      multipart([
        [
          "0",
          JSON.stringify({
            then: "$1:__proto__:then",
            status: "resolved_model",
            reason: -1,
            value: '{"then":"$B0"}',
            _response: { _prefix: "x", _formData: { get: "$1:constructor:constructor" } },
          }),
        ],
        ["1", '"$@0"'],
      ]),
    ],
    ["a __proto__ key", { headers: action(), body: '[{"__proto__":{"polluted":true}}]' }],
  ])("%s", async (_label, request) => {
    const answer = await send("/offre", request);
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toMatch(/charset=utf-8/);
    expect(answer.body).toMatch(/^Envoi illisible/);
    expect(seen).toEqual([]);
  });

  it("lets through what React's client sends, the user's words whatever they are", async () => {
    const forms = [
      { headers: action(), body: '["une réservation",{"n":"$$1:__proto__"}]' },
      multipart([
        ["0", '["$K1"]'],
        ["1_lastName", "$1:__proto__:constructor"],
        ["1_firstName", "Zoé"],
      ]),
    ];
    for (const form of forms) expect((await send("/partenaire", form)).status).toBe(200);
    expect(seen).toHaveLength(2);
  });
});

describe("issue 31.3: every answer carries a request id", () => {
  it("sends its own id back, or keeps one a proxy of ours set when it looks like an id", async () => {
    const own = await send("/page", { method: "GET" });
    expect(own.headers["x-request-id"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const kept = await send("/page", { method: "GET", headers: { "x-request-id": "proxy-7f3a9c21" } });
    expect(kept.headers["x-request-id"]).toBe("proxy-7f3a9c21");
    const replaced = await send("/page", { method: "GET", headers: { "x-request-id": "pas un id <script>" } });
    expect(replaced.headers["x-request-id"]).not.toContain("script");
    expect(replaced.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

// Issue 35.2 and decision 030: the server of scripts/server.ts (lib/http/app-server.ts, the request gate
// inside) over real sockets, many connections at once. Under a burst on a busy machine, 9 of 500 bookings
// got `socket hang up`/`ECONNRESET`, nothing stored for them: the client sent them on kept-alive
// connections that the server had just closed for being idle (Node's 5 s), before the client's busy event
// loop had read the server's FIN. A browser keeps a used connection for minutes and a proxy's pool for
// 60 s (nginx): the server must not be the side that closes an idle connection first.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createAppServer, listenAppServer } from "@/lib/http/app-server";
import { requestGate } from "@/lib/http/request-gate";

jest.setTimeout(60_000);

/** Connections the client opens at once, then keeps. */
const CONNECTIONS = 100;
/**
 * How long the client leaves its connections idle before a burst on them, its event loop busy meanwhile
 * (as the bench's client preparing 500 bodies, or a loaded machine): longer than Node's default keep-alive
 * (5 s), far shorter than browsers and proxies keep theirs. The scenario's own length, not a wait.
 */
const IDLE_MS = 6_000;

let server: http.Server;
let port: number;

/** Next.js' part: reads the body, answers as an action does. */
function standIn(req: http.IncomingMessage, res: http.ServerResponse) {
  req.resume();
  req.on("end", () => {
    res.setHeader("Content-Type", "text/x-component");
    res.end('1:{"ok":true}');
  });
}

beforeAll(async () => {
  server = createAppServer(requestGate({ handle: standIn, slots: 4, proxies: 0, https: false, log: { routeOf: () => "/" } }));
  await new Promise<void>((resolve) => listenAppServer(server, 0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

interface Result {
  status?: number;
  keepAlive?: string;
  reused: boolean;
  error?: string;
}

/** A booking form's post, as a browser or a proxy's pool sends it on a kept-alive connection. */
function post(agent: http.Agent, from: number): Promise<Result> {
  return new Promise((resolve) => {
    const body = '["une réservation"]';
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/offre/reserver",
        method: "POST",
        agent,
        headers: { "Next-Action": "7f".padEnd(42, "0"), "Content-Type": "text/plain;charset=UTF-8", "X-Client": String(from) },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode, keepAlive: String(response.headers["keep-alive"]), reused: request.reusedSocket }));
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) => resolve({ reused: request.reusedSocket, error: error.code ?? error.message }));
    request.end(body);
  });
}

const freeSockets = (agent: http.Agent) => Object.values(agent.freeSockets).reduce((sum, list) => sum + (list?.length ?? 0), 0);

describe("issue 35.2: the server keeps the connections a burst arrives on", () => {
  it("answers a burst sent on connections left idle while the client was busy, with no reset", async () => {
    // A pool that keeps its connections as long as it likes (Node's agent without a timeout of its own
    // ignores the server's Keep-Alive hint; browsers do not read it at all).
    const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
    try {
      const first = await Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => post(agent, i)));
      expect(first.filter((r) => r.status === 200)).toHaveLength(CONNECTIONS);
      expect(freeSockets(agent)).toBe(CONNECTIONS);
      // What the server says it keeps, for the clients that read it (they close a second before).
      expect(first[0]!.keepAlive).toBe("timeout=65");

      // The client is busy for IDLE_MS: it reads nothing the server sends meanwhile.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, IDLE_MS);
      const burst = await Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => post(agent, i)));

      expect(burst.filter((r) => r.reused).length).toBeGreaterThan(0);
      expect(burst.filter((r) => r.error).map((r) => r.error)).toEqual([]);
      expect(burst.filter((r) => r.status === 200)).toHaveLength(CONNECTIONS);
    } finally {
      agent.destroy();
    }
  });
});

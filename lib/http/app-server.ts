// How scripts/server.ts accepts connections and keeps them (decision 030): the HTTP server around the
// request gate, made here so that tests run the very server production runs.
// A connection that has answered is kept for the next request. Node closes it after 5 s idle, while
// browsers keep a used connection for minutes and a proxy's pool for 60 s (nginx's upstream default): a
// client that sends on a connection the server has just closed gets a reset, with nothing stored. Under a
// burst on a busy machine, 9 of 500 bookings were lost so. The side that closes an idle connection must be
// the client: the server keeps it longer than they do, and says so (Keep-Alive: timeout=…) for the clients
// that read it, which then close a second before it.
import { createServer, type Server } from "node:http";
import type { Handler } from "./request-gate";

/** How long an idle connection is kept (KEEP_ALIVE_SECONDS): past nginx's and load balancers' 60 s. */
export const KEEP_ALIVE_SECONDS = 65;
/**
 * Connections the kernel holds for the process before it accepts them (capped by net.core.somaxconn):
 * Node's 511 is about one burst's worth for one process; past it a connection waits a second or more for
 * its retransmitted SYN. It costs nothing to ask for more.
 */
export const LISTEN_BACKLOG = 4096;

/** The seconds from the environment, or the default. */
export function keepAliveSeconds(value = process.env.KEEP_ALIVE_SECONDS): number {
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 1 ? seconds : KEEP_ALIVE_SECONDS;
}

/** The HTTP server of one process, around the gate. */
export function createAppServer(handler: Handler, { keepAlive = keepAliveSeconds() } = {}): Server {
  const server = createServer(handler);
  server.keepAliveTimeout = keepAlive * 1000;
  // A new request on a kept connection is timed by headersTimeout too: it must outlast the idle time.
  server.headersTimeout = Math.max(server.headersTimeout, server.keepAliveTimeout + 1000);
  return server;
}

/** Listens on a port; `listening` is called once it accepts connections. */
export function listenAppServer(server: Server, port: number, host: string, listening?: () => void): Server {
  return server.listen({ port, host, backlog: LISTEN_BACKLOG }, listening);
}

// npm start (and npm run demo): the Next.js app behind a small Node HTTP server whose one job is to tell
// the app who its client is. Next.js keeps an X-Forwarded-For header as the client sent it, so a
// per-address limit read from it can be dodged by changing it; here the address comes from the socket,
// walked back through TRUSTED_PROXIES proxies of ours (lib/http/client-address.ts), signed, and put in a
// header the client cannot forge.
// It also lets at most ACTION_CONCURRENCY server actions (a booking, a form sent) run at once in this
// process, the others waiting their turn in arrival order: when 500 bookings arrive together, sharing the
// CPU among all of them answered everyone at the end of the burst; in turn, the first to come are
// answered first (issue 14, decision 010). Pages are not queued.
import { createServer } from "node:http";
import pLimit from "p-limit";
import path from "node:path";
import next from "next";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, signClientAddress, trustedProxies } from "../lib/http/client-address";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const dev = process.argv.includes("--dev");
/** Server actions running at once in this process; 8 measured best on 2 cores (bench:burst). */
const ACTION_CONCURRENCY = Math.max(1, Number(process.env.ACTION_CONCURRENCY ?? 8) || 8);

async function main() {
  const app = next({ dev, dir: path.resolve(__dirname, ".."), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const proxies = trustedProxies();
  const actions = pLimit(ACTION_CONCURRENCY);
  const server = createServer((req, res) => {
    const address = clientAddressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], proxies);
    req.headers[CLIENT_ADDRESS_HEADER] = signClientAddress(address);
    if (req.method !== "POST" || !req.headers["next-action"]) {
      void handle(req, res);
      return;
    }
    // The slot is given back when the answer is sent, or when the client goes away.
    void actions(
      () =>
        new Promise<void>((done) => {
          res.once("close", done);
          if (res.destroyed) return done();
          void handle(req, res);
        }),
    );
  });
  server.listen(port, hostname, () => {
    console.log(`Prêt : http://localhost:${port}${proxies ? ` (${proxies} proxy${proxies > 1 ? "s" : ""} de confiance devant l'application)` : ""}`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

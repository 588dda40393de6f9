// Every process that serves the catalog keeps its towns and recent pages in memory (places-cache.ts).
// When the offer changes through one process, the others hear it on PostgreSQL's channel
// "offer_changed": LISTEN on a connection of their own, NOTIFY from the process that made the change.
// Started once per server process by instrumentation.ts; while the channel is down (a restart of the
// database), the caches' short lifetimes bound what is shown stale, and everything is forgotten on
// reconnection, since changes may have been missed meanwhile.
import "server-only";
import pg from "pg";
import { connectionConfig } from "@/lib/db/client";
import { forgetOffer, setOfferBroadcast } from "./places-cache";

export const OFFER_CHANNEL = "offer_changed";
const RETRY_MS = 2_000;

export interface OfferListener {
  /** Whether the channel is open now. */
  readonly listening: boolean;
  stop(): Promise<void>;
}

export async function listenForOfferChanges(databaseUrl: string): Promise<OfferListener> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const later = () => {
    if (!stopped) retry = setTimeout(() => void connect(), RETRY_MS);
  };
  const connect = async () => {
    const next = new pg.Client(connectionConfig(databaseUrl));
    let ownPid = 0;
    // Our own NOTIFY comes back to us too: this process has already forgotten.
    next.on("notification", (message) => {
      if (message.processId !== ownPid) forgetOffer();
    });
    next.on("error", () => {});
    next.on("end", () => {
      if (client !== next) return;
      client = null;
      later();
    });
    try {
      await next.connect();
      ownPid = (await next.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
      await next.query(`LISTEN ${OFFER_CHANNEL}`);
      if (stopped) return void (await next.end());
      client = next;
      forgetOffer();
    } catch {
      await next.end().catch(() => {});
      later();
    }
  };

  setOfferBroadcast(() => {
    client?.query(`NOTIFY ${OFFER_CHANNEL}`).catch(() => {});
  });
  await connect();
  return {
    get listening() {
      return client !== null;
    },
    async stop() {
      stopped = true;
      clearTimeout(retry);
      setOfferBroadcast(null);
      const open = client;
      client = null;
      await open?.end().catch(() => {});
    },
  };
}

// Issue 14: each process keeps the catalog's towns and recent pages in memory; a change of the offer made
// through another process (a second worker of the server, another app server) reaches it through
// PostgreSQL's LISTEN/NOTIFY, and this process's own changes are told to the others.
import pg from "pg";
import { connectionConfig } from "@/lib/db/client";
import { listenForOfferChanges, OFFER_CHANNEL, type OfferListener } from "@/lib/catalog/offer-changes";
import { keptPlaces, offerChanged, type Place } from "@/lib/catalog/places-cache";

const LYON: Place[] = [{ city: "Lyon", areas: [] }];
const VIENNE: Place[] = [{ city: "Vienne", areas: [] }];

let listener: OfferListener | null = null;
let other: pg.Client | null = null;

afterEach(async () => {
  await listener?.stop();
  await other?.end();
  listener = null;
  other = null;
});

async function until(check: () => boolean | Promise<boolean>, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("rien reçu à temps");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("changes of the offer between processes", () => {
  it("forgets the towns when another process says the offer changed", async () => {
    listener = await listenForOfferChanges(process.env.DATABASE_URL!);
    expect(listener.listening).toBe(true);
    await keptPlaces(async () => LYON);
    expect(await keptPlaces(async () => VIENNE)).toEqual(LYON); // kept

    other = new pg.Client(connectionConfig(process.env.DATABASE_URL!));
    await other.connect();
    await other.query(`NOTIFY ${OFFER_CHANNEL}`);
    await until(async () => (await keptPlaces(async () => VIENNE))[0]!.city === "Vienne");
  });

  it("tells the other processes when the offer changes here", async () => {
    listener = await listenForOfferChanges(process.env.DATABASE_URL!);
    other = new pg.Client(connectionConfig(process.env.DATABASE_URL!));
    await other.connect();
    const heard: number[] = [];
    other.on("notification", (message) => heard.push(message.processId));
    await other.query(`LISTEN ${OFFER_CHANNEL}`);
    offerChanged();
    await until(() => heard.length === 1);
  });

  it("says nothing once stopped, and this process still forgets its own changes", async () => {
    listener = await listenForOfferChanges(process.env.DATABASE_URL!);
    await listener.stop();
    expect(listener.listening).toBe(false);
    other = new pg.Client(connectionConfig(process.env.DATABASE_URL!));
    await other.connect();
    const heard: number[] = [];
    other.on("notification", (message) => heard.push(message.processId));
    await other.query(`LISTEN ${OFFER_CHANNEL}`);
    await keptPlaces(async () => LYON);
    offerChanged();
    expect(await keptPlaces(async () => VIENNE)).toEqual(VIENNE);
    await other.query("SELECT 1"); // a round trip: a NOTIFY sent before it would have arrived
    expect(heard).toEqual([]);
  });
});

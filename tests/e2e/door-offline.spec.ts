// Issue 32 end to end, in Chromium with the network cut: a venue prepares the door check, goes offline,
// reloads the page (the service worker serves it), checks a valid, a forged and a cancelled invitation
// from the device's list, marks a group arrived, and goes online: the arrivals reach the server once. Two
// devices marking the same guest offline: one arrival, and the second is told. A booking cancelled after
// the snapshot is let in offline, then reported and listed on the session's page. Desktop only.
import { createPrivateKey, createPublicKey, sign } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { Client } from "pg";
import { keyId, signedPart } from "../../lib/invitation/verify";
import { ACCOUNTS, signIn } from "./support";

const root = path.resolve(__dirname, "..", "..");
const databaseUrl = process.env.E2E_DATABASE_URL || `postgresql://postgres:postgres@localhost:${process.env.E2E_PG_PORT ?? "54339"}/billetterie`;

/** Signs a code as the demo server does, with its key from the e2e data folder (scripts/lib/secrets.ts). */
function signCode(number: string, position: number, venueId: string, day: string): string {
  const secrets = JSON.parse(fs.readFileSync(path.join(root, process.env.E2E_DATA_DIR ?? ".data/e2e", "secrets.json"), "utf8"));
  const seed = Buffer.from(secrets.INVITATION_ED25519_KEY, "base64url");
  const privateKey = createPrivateKey({ key: Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), seed]), format: "der", type: "pkcs8" });
  const publicKey = createPublicKey(privateKey).export({ format: "jwk" }).x!;
  const payload = signedPart(keyId(publicKey), number, position, venueId, day);
  return `${payload}.${sign(null, Buffer.from(payload), privateKey).toString("base64url")}`;
}

function parisDay(instant: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

const NUMBERS = { group: "GRPE2345", before: "AVNT2345", after: "APRS2345", shared: "PART2345" };

async function stage(db: Client) {
  const venue = await db.query(
    `SELECT v.id FROM "Venue" v JOIN "VenueManager" m ON m."venueId" = v.id JOIN "User" u ON u.id = m."userId" WHERE u.email = $1 ORDER BY v.name LIMIT 1`,
    [ACCOUNTS.venue],
  );
  const venueId: string = venue.rows[0].id;
  const partnerId: string = (await db.query(`SELECT id FROM "Partner" ORDER BY name LIMIT 1`)).rows[0].id;
  // An hour from now, unless that is tomorrow in Paris: the door only takes today's sessions.
  const inAnHour = new Date(Date.now() + 3_600_000);
  const startsAt = parisDay(inAnHour) === parisDay(new Date()) ? inAnHour : new Date(Date.now() + 120_000);
  await db.query(`DELETE FROM "Booking" WHERE number = ANY($1)`, [Object.values(NUMBERS)]);
  const event = await db.query(
    `INSERT INTO "Event" (id, "venueId", title, description, category, status, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'Un soir sans réseau.', 'THEATRE', 'PUBLISHED', now()) RETURNING id`,
    [venueId, `Sous-sol ${Date.now().toString(36)}`],
  );
  const session = await db.query(
    `INSERT INTO "Session" (id, "eventId", "startsAt", capacity, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 20, now()) RETURNING id`,
    [event.rows[0].id, startsAt],
  );
  const sessionId: string = session.rows[0].id;
  const book = async (number: string, names: string[], status: "CONFIRMED" | "CANCELLED") => {
    const booking = await db.query(
      `INSERT INTO "Booking" (id, number, "sessionId", "partnerId", status, places, "confirmedAt", "cancelledAt", "cancelReason", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, now(), $6, $7, now()) RETURNING id`,
      [number, sessionId, partnerId, status, names.length, status === "CANCELLED" ? new Date() : null, status === "CANCELLED" ? "PARTNER" : null],
    );
    for (const [position, name] of names.entries()) {
      const [firstName, lastName] = name.split(" ");
      await db.query(`INSERT INTO "BookingGuest" (id, "bookingId", position, kind, "firstName", "lastName") VALUES (gen_random_uuid(), $1, $2, $3, $4, $5)`, [
        booking.rows[0].id,
        position,
        position === 0 ? "MAIN" : "FAMILY_OR_FRIEND",
        firstName,
        lastName,
      ]);
    }
    return booking.rows[0].id as string;
  };
  await book(NUMBERS.group, ["Awa Diallo", "Moussa Diallo", "Fanta Diallo"], "CONFIRMED");
  await book(NUMBERS.before, ["Léa Martin"], "CANCELLED");
  const after = await book(NUMBERS.after, ["Jules Petit"], "CONFIRMED");
  await book(NUMBERS.shared, ["Inès Benaïssa"], "CONFIRMED");
  return { venueId, sessionId, day: parisDay(startsAt), after };
}

async function preparedDevice(browser: Browser, venueId: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, ACCOUNTS.venue);
  await page.goto(`/lieu/controle?lieu=${venueId}`);
  const door = page.getByRole("region", { name: "Contrôle sans réseau" });
  await door.getByRole("button", { name: "Préparer le contrôle hors ligne" }).click();
  await expect(door.getByRole("status")).toContainText(/En ligne · liste du \d{1,2}\sh/);
  // The service worker is in control and the page and its scripts are in its caches.
  await expect
    .poll(
      () => page.evaluate(async () => Boolean(navigator.serviceWorker.controller) && Boolean(await (await caches.open("controle-page")).match(location.href))),
      { timeout: 30_000 },
    )
    .toBe(true);
  return page;
}

/**
 * The page was served by the service worker with the network cut: no request leaves. Chromium 150 (Debian's,
 * driven by Playwright 1.65) forgets the emulated network state of a page it reloads, so that
 * `navigator.onLine` reads true again while every request fails: a device with no network says false.
 * The network state is set again, as the device's would stand.
 */
async function stillOffline(page: Page) {
  expect(
    await page.evaluate(() =>
      fetch("/api/health", { cache: "no-store" }).then(
        () => "sent",
        () => "failed",
      ),
    ),
  ).toBe("failed");
  if (await page.evaluate(() => navigator.onLine)) {
    await page.context().setOffline(false);
    await page.context().setOffline(true);
  }
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
}

async function check(page: Page, text: string) {
  const door = page.getByRole("region", { name: "Contrôle sans réseau" });
  await door.getByLabel("Code scanné ou numéro tapé").fill(text);
  await door.getByRole("button", { name: "Vérifier" }).click();
  return door.getByTestId("door-answer");
}

test("the door check works offline: prepare, reload without a network, check, mark, sync once; two devices, one arrival", async ({ browser }) => {
  test.setTimeout(180_000);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { venueId, sessionId, day, after } = await stage(db);
    const a = await preparedDevice(browser, venueId);
    const b = await preparedDevice(browser, venueId);
    // Cancelled after the snapshots: the devices cannot know it.
    await db.query(`UPDATE "Booking" SET status = 'CANCELLED', "cancelledAt" = now(), "cancelReason" = 'PARTNER' WHERE id = $1`, [after]);

    await a.context().setOffline(true);
    await a.reload();
    await expect(a.getByRole("heading", { level: 1 })).toHaveText("Contrôle à l'entrée");
    await stillOffline(a);
    const door = a.getByRole("region", { name: "Contrôle sans réseau" });
    await expect(door.getByRole("status")).toContainText(/Hors ligne depuis 0 min · liste du/);

    await expect(await check(a, signCode(NUMBERS.group, 0, venueId, day))).toContainText("Invitation valable");
    await expect(door.getByTestId("door-answer")).toContainText("Awa Diallo");
    await door.getByRole("button", { name: "Tous arrivés" }).click();
    await expect(door.getByTestId("door-pending")).toHaveText("3 entrées à envoyer.");
    await expect(await check(a, signCode(NUMBERS.group, 0, venueId, day).replace(NUMBERS.group, "GRPE2346"))).toContainText("Code falsifié ou illisible");
    await expect(await check(a, signCode(NUMBERS.before, 0, venueId, day))).toContainText("Invitation annulée");
    await expect(await check(a, signCode(NUMBERS.after, 0, venueId, day))).toContainText("Invitation valable");
    await door.getByRole("button", { name: "Marquer Jules arrivé" }).click();
    await expect(await check(a, signCode(NUMBERS.shared, 0, venueId, day))).toContainText("Invitation valable");
    await door.getByRole("button", { name: "Marquer Inès arrivé" }).click();
    await expect(door.getByTestId("door-pending")).toHaveText("5 entrées à envoyer.");

    // The second device, offline too, lets the same guest in a little later.
    await b.context().setOffline(true);
    await expect(await check(b, NUMBERS.shared.toLowerCase())).toContainText("Invitation valable");
    await b.getByRole("region", { name: "Contrôle sans réseau" }).getByRole("button", { name: "Marquer Inès arrivé" }).click();

    // The network returns to the first device: its marks reach the server, and the cancelled booking is said.
    await a.context().setOffline(false);
    await expect(door.getByTestId("door-pending")).toHaveText("Toutes les entrées sont envoyées.", { timeout: 30_000 });
    await expect(door.getByTestId("door-notices")).toContainText("Jules Petit (APRS-2345) : invitation annulée après la liste");
    // Then to the second: the first arrival stands, and it is told.
    await b.context().setOffline(false);
    await expect(b.getByTestId("door-notices")).toContainText(/Inès Benaïssa \(PART-2345\) : déjà entré à \d{1,2}\sh(\s\d{2})? \(autre appareil\)\./, {
      timeout: 30_000,
    });

    const arrivals = await db.query(
      `SELECT b.number, count(*) FILTER (WHERE g."checkedInAt" IS NOT NULL) AS arrived, (SELECT count(*) FROM "DoorMark" d JOIN "BookingGuest" x ON x.id = d."guestId" WHERE x."bookingId" = b.id) AS marks
       FROM "Booking" b JOIN "BookingGuest" g ON g."bookingId" = b.id WHERE b.number = ANY($1) GROUP BY b.id, b.number ORDER BY b.number`,
      [[NUMBERS.group, NUMBERS.shared, NUMBERS.after]],
    );
    expect(arrivals.rows.map((r) => [r.number, Number(r.arrived), Number(r.marks)])).toEqual([
      [NUMBERS.after, 0, 1],
      [NUMBERS.group, 3, 3],
      [NUMBERS.shared, 1, 2],
    ]);

    // The door list says who was let in on an old list.
    await a.goto(`/lieu/seances/${sessionId}`);
    await expect(a.getByRole("region", { name: "1 personne entrée sur une liste ancienne" })).toContainText("Jules Petit (APRS-2345)");
  } finally {
    await db.end();
  }
});

// Issue 13, item 13, in the running demo: each page's <title> (the tab, the browser's history, what a
// screen reader says first) names what the page shows: a booking by its number and its event, an event by
// its title, a session by its event and its date. A person's page never has the person's name in its
// title, and a page refused to an actor never names what it would have shown. Desktop only (see
// playwright.config.ts): the titles do not depend on the screen.
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn } from "./support";

test.describe.configure({ mode: "serial" });

/** Every title ends with the site's name (the root layout's template). */
const SITE = " — Billetterie solidaire";
/** "samedi 12 décembre 2026 à 20 h 30": how a session's date reads (lib/format/dates.ts, formatSessionDate). */
const SESSION_DATE = String.raw`(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) (1er|\d{1,2}) \S+ \d{4} à\s\d{1,2}\sh(\s\d{2})?`;
const NUMBER = String.raw`[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}`;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const title = (...parts: string[]) => new RegExp(`^${parts.join("")}${escape(SITE)}`);

/** The paths of the links of the main content that match `pattern`, in the order of the page. */
async function links(page: Page, pattern: RegExp): Promise<string[]> {
  const hrefs = await page.locator("main a[href]").evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return [...new Set(hrefs.filter((href) => pattern.test(href)))];
}

async function h1(page: Page): Promise<string> {
  return (await page.getByRole("heading", { level: 1 }).first().innerText()).trim();
}

/** A booking of the demo partner, seen by the partner, for the refusal checked as the venue. */
let partnerBooking: { path: string; number: string; event: string } | null = null;

test("the partner's pages: a booking, an event of the offer, a person", async ({ page }) => {
  await signIn(page, ACCOUNTS.partner);

  // A booking: "Réservation K7QM-3RTX · <event>".
  await page.goto("/partenaire/reservations");
  const [booking] = await links(page, /^\/partenaire\/reservations\/[0-9a-f-]{36}$/);
  expect(booking).toBeDefined();
  await page.goto(booking!);
  const event = await h1(page);
  await expect(page).toHaveTitle(title(String.raw`Réservation ${NUMBER} · `, escape(event)));
  const number = /Réservation (\S+) · /.exec(await page.title())![1]!;
  await expect(page.getByText(number, { exact: true }).first()).toBeVisible();
  partnerBooking = { path: booking!, number, event };

  // An event of the offer: its title.
  await page.goto("/offre");
  const [offer] = await links(page, /^\/offre\/[0-9a-f-]{36}$/);
  expect(offer).toBeDefined();
  await page.goto(offer!);
  await expect(page).toHaveTitle(title(escape(await h1(page))));

  // A person: the same title for everyone, never the name (personal data, kept out of the history).
  await page.goto("/partenaire/personnes");
  const [person] = await links(page, /^\/partenaire\/personnes\/[0-9a-f-]{36}$/);
  expect(person).toBeDefined();
  await page.goto(person!);
  const name = await h1(page);
  await expect(page).toHaveTitle(title("Fiche d'une personne accompagnée"));
  expect(await page.title()).not.toContain(name);
});

test("the venue's pages: an event, a session's guest list, the attendance report", async ({ page }) => {
  await signIn(page, ACCOUNTS.venue);

  // An event: its title.
  await page.goto("/lieu");
  const events = await links(page, /^\/lieu\/evenements\/[0-9a-f-]{36}$/);
  expect(events.length).toBeGreaterThan(0);
  let session: string | undefined;
  let event = "";
  for (const path of events) {
    await page.goto(path);
    event = await h1(page);
    await expect(page).toHaveTitle(title(escape(event)));
    [session] = await links(page, /^\/lieu\/seances\/[0-9a-f-]{36}$/);
    if (session) break;
  }
  expect(session).toBeDefined();
  const report = new URL(page.url()).pathname + "/bilan";

  // A session: "<event>, samedi 12 décembre 2026 à 20 h 30".
  await page.goto(session!);
  await expect(page).toHaveTitle(title(escape(event), ", ", SESSION_DATE));

  // The attendance of the event.
  await page.goto(report);
  await expect(page).toHaveTitle(title("Présences et retours : ", escape(event)));

  // Another structure's booking is not the venue's to see: its title names neither it nor its event.
  expect(partnerBooking).not.toBeNull();
  await page.goto(partnerBooking!.path);
  const refused = await page.title();
  expect(refused).not.toContain(partnerBooking!.number);
  expect(refused).not.toContain(partnerBooking!.event);
});

test("the association's pages: a booking, a structure, a venue", async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);

  // A booking: the same words as the structure's page.
  await page.goto("/admin/reservations");
  const [booking] = await links(page, /^\/admin\/reservations\/[0-9a-f-]{36}$/);
  expect(booking).toBeDefined();
  await page.goto(booking!);
  const number = /\S+$/.exec(await h1(page))![0];
  await expect(page).toHaveTitle(title(`Réservation ${escape(number)} · `, ".+"));

  // A structure's file and a venue's: their names.
  for (const [list, pattern] of [
    ["/admin/structures", /^\/admin\/structures\/[0-9a-f-]{36}$/],
    ["/admin/lieux", /^\/admin\/lieux\/[0-9a-f-]{36}$/],
  ] as const) {
    await page.goto(list);
    const [file] = await links(page, pattern);
    expect(file).toBeDefined();
    await page.goto(file!);
    await expect(page).toHaveTitle(title(escape(await h1(page))));
  }
});

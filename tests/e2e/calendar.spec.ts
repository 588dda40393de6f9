// Issue 30.2, end to end: "Ajouter à mon agenda" on a booking's page downloads a valid .ics (read back
// with node-ical: one event, the booking's UID, the venue as LOCATION, no last name), and /mon-compte
// gives the referent a webcal:// feed whose "Renouveler le lien" asks first, then revokes the old one.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import * as ical from "node-ical";
import { ACCOUNTS, reseedDemo, signIn } from "./support";

test.describe.configure({ mode: "serial" });

test.beforeAll(() => reseedDemo());

test("a confirmed booking's page downloads its event as a valid .ics", async ({ page }) => {
  await signIn(page, ACCOUNTS.partner);
  await page.goto("/partenaire/reservations");
  await page.locator('main a[href^="/partenaire/reservations/"]').first().click();
  await page.waitForURL(/\/partenaire\/reservations\/[0-9a-f-]{36}$/);
  const bookingId = page.url().split("/").at(-1)!;

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Ajouter à mon agenda" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^reservation-[2-9A-HJ-NP-Z]{8}\.ics$/);
  const text = await readFile((await file.path())!, "utf8");
  const events = Object.values(ical.sync.parseICS(text)).filter((item) => item?.type === "VEVENT") as ical.VEvent[];
  expect(events).toHaveLength(1);
  expect(events[0]!.uid).toBe(`booking-${bookingId}@billetterie-solidaire`);
  expect(events[0]!.location).toBeTruthy();
  expect(text).toContain("BEGIN:VTIMEZONE");
  // The guests' last names, as the booking's page prints them, stay out of the calendar.
  const names = await page.locator("#invites ~ ul li span.font-semibold").allInnerTexts();
  for (const name of names) expect(text).not.toContain(name.split(" ").slice(1).join(" "));
});

test("the referent's feed: a webcal link on /mon-compte, renewed after a confirmation, the old one refused", async ({ page, request }) => {
  await signIn(page, ACCOUNTS.partner);
  await page.goto("/mon-compte");
  const create = page.getByRole("button", { name: "Créer mon lien d'agenda" });
  if (await create.isVisible()) {
    await create.click();
    // The page then shows the link itself (the creating form gives way to "Renouveler le lien").
    await expect(page.getByRole("button", { name: "Renouveler le lien" })).toBeVisible();
  }
  const subscribe = page.getByRole("link", { name: "S'abonner dans mon agenda" });
  await expect(subscribe).toHaveAttribute("href", /^webcal:\/\/.+\/agenda\/[A-Za-z0-9_-]{43}\.ics$/);
  const address = page.getByLabel("Adresse à copier dans votre agenda");
  const old = await address.inputValue();
  const feed = await request.get(old);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Renouveler le lien" }).click();
  await expect(page.getByText("Le lien est renouvelé : l'ancien ne marche plus.")).toBeVisible();
  await expect(address).not.toHaveValue(old);
  expect((await request.get(old)).status()).toBe(404);
  expect((await request.get(await address.inputValue())).status()).toBe(200);
});

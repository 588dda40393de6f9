// Issue 29, "Done when": the weekend search walked on a Sunday, in both readings, on a desktop and on a phone.
// Which days "Ce week-end" covers is decided on the server, which Playwright's page.clock cannot move: this
// spec's requests carry the instant they are read at (X-Demo-Clock, lib/http/demo-clock.ts), which only the
// demo honours; the other specs, on the same server, keep the real clock. The instant is the coming Sunday at
// 10:00 in Paris, the day the demo's data always has an outing on (prisma/seed/demo.ts).
import { expect, test, type Locator, type Page } from "@playwright/test";
import { nextParisSunday, parisDate, parisTime } from "../../lib/time";
import { reseedDemo, signInAsVisitor } from "./support";

const sunday = parisDate(nextParisSunday(new Date()));
const clock = parisTime(sunday, 10);

test.use({ extraHTTPHeaders: { "x-demo-clock": clock.toISOString() } });
test.beforeAll(() => reseedDemo());

/** The Paris day of every date shown in the results: each is that Sunday's. */
async function expectOnlyThatSunday(results: Locator) {
  const instants = await results.locator("time[datetime]").evaluateAll((times) => times.map((time) => time.getAttribute("datetime")!));
  expect(instants.length).toBeGreaterThan(0);
  expect(instants.map((instant) => parisDate(new Date(instant)))).toEqual(instants.map(() => sunday));
}

/** "3 sorties." / "Une sortie." as a number. */
const countOf = (text: string) => (/^Une sortie/.test(text) ? 1 : Number(/^(\d+) sorties/.exec(text)?.[1] ?? Number.NaN));

async function pickWeekendInClassicReading(page: Page, isMobile: boolean) {
  if (isMobile) await page.getByRole("button", { name: /^Filtrer/ }).click();
  await page.getByLabel("Quand", { exact: true }).selectOption("weekend");
  await page.getByRole("button", { name: "Voir les séances" }).click();
  await expect(page).toHaveURL(/quand=weekend/);
}

test("on a Sunday, a visitor picks “Ce week-end” in both readings and finds that Sunday's outings, counted beside the choices", async ({ page, isMobile }) => {
  test.setTimeout(90_000);
  await signInAsVisitor(page);
  await expect(page).toHaveURL("/offre");

  // The easy reading (the visitor's own): the choice, the count right under the choices, the cards.
  const when = page.getByRole("navigation", { name: "Quand ?" });
  await when.getByRole("link", { name: "Ce week-end" }).click();
  await expect(page).toHaveURL(/quand=weekend/);
  await expect(when.getByRole("link", { name: "Ce week-end" })).toHaveAttribute("aria-current", "true");
  const status = page.getByRole("status").filter({ hasText: /sortie/ });
  await expect(status).toHaveText(/^(Une sortie|\d+ sorties)\.$/);
  const found = countOf(await status.innerText());
  expect(found).toBeGreaterThan(0);
  const easyResults = page.locator("section[aria-labelledby=sorties]");
  await expect(easyResults.getByRole("article")).toHaveCount(Math.min(found, 12));
  await expectOnlyThatSunday(easyResults);
  // Read on that Sunday morning, the date in words is that Sunday's, in the afternoon or the evening.
  await expect(easyResults.getByText(/^dimanche \d+|^dimanche 1er/).first()).toBeVisible();

  // The classic reading: the same choice in the filter form, the same outings, counted above the cards.
  await page.getByRole("button", { name: "Voir la version classique" }).click();
  await pickWeekendInClassicReading(page, isMobile);
  const classicResults = page.locator("section[aria-labelledby=resultats]");
  await expect(classicResults.getByRole("heading", { level: 2 })).toHaveText(new RegExp(`^${found} événements?, \\d+ séances?$`));
  await expectOnlyThatSunday(classicResults);
});

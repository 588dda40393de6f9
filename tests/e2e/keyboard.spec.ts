// Issue 13, item 3 and "done when": the partner's booking journey with the keyboard alone, checking at
// each step where the focus lands: signing in, reaching a session, adding a person from the search and
// one typed in, adding a companion (the focus goes to its first field), booking (the focus goes to the
// result), then cancelling (the focus goes to what happened). No click, no mouse: Tab, Shift+Tab, Enter,
// Space and typing. Desktop only (the phone project ignores it in playwright.config.ts).
import { expect, test, type Locator, type Page } from "@playwright/test";
import { ACCOUNTS, PASSWORD, reseedDemo } from "./support";

test.describe.configure({ mode: "serial" });
test.beforeAll(() => reseedDemo());

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 120 } = {}) {
  for (let presses = 0; presses < max; presses++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`${target} is never reached with ${backwards ? "Shift+Tab" : "Tab"}`);
}

/** The element that has the focus, for readable failures. */
const focused = (page: Page) => page.locator("*:focus");

test("a booking made and cancelled with the keyboard alone, the focus always where the next step is", async ({ page }) => {
  test.slow();
  // Sign in: the first field, then Tab to the next, Enter to send.
  await page.goto("/connexion");
  await tabTo(page, page.getByLabel("Adresse e-mail"));
  await page.keyboard.type(ACCOUNTS.partner);
  await tabTo(page, page.getByLabel("Mot de passe", { exact: true }));
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await page.waitForURL("/partenaire");
  // Someone the structure supports, to look for later (read off its list; no keyboard needed to read).
  await page.goto("/partenaire/personnes");
  const someone = (await page.locator('main li a[href^="/partenaire/personnes/"]').first().innerText()).trim();
  await page.goto("/partenaire");

  // The offer, from the main navigation; then the first session with two places left, reached by Tab.
  const nav = page.getByRole("navigation", { name: "Navigation principale" });
  await tabTo(page, nav.getByRole("link", { name: "L'offre culturelle" }));
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/offre/);
  const events = [
    ...new Set(await page.locator("main ul li h3 a").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href.split("#")[0]!))),
  ];
  let reserve: Locator | null = null;
  for (const href of events) {
    await page.goto(href);
    const sessions = page.locator('li[id^="seance-"]');
    for (let i = 0; i < (await sessions.count()); i++) {
      const text = await sessions.nth(i).innerText();
      const places = Number(/(\d+) places? disponibles?/.exec(text)?.[1] ?? 0);
      if (!/^Réserver$/m.test(text) || places < 2 || /peut encore réserver (0|1) place/.test(text)) continue;
      reserve = sessions.nth(i).getByRole("link", { name: /^Réserver —/ });
      break;
    }
    if (reserve) break;
  }
  expect(reserve, "a session with two places left").not.toBeNull();
  await tabTo(page, reserve!);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Réserver pour");

  // A person of the structure, from the search: after adding them the focus goes back to the search,
  // and the addition is said.
  const search = page.getByLabel("Chercher une personne de votre structure");
  await tabTo(page, search);
  const word = someone.split(" ")[0]!;
  await page.keyboard.type(word);
  // A result of the search (not "Ajouter un accompagnateur"), once the search has answered for the word.
  const firstResult = page
    .getByRole("listitem")
    .getByRole("button", { name: new RegExp(`^Ajouter .*${word}`) })
    .first();
  await expect(firstResult).toBeVisible();
  const name = (await firstResult.innerText()).replace(/^Ajouter /, "");
  await tabTo(page, firstResult);
  await page.keyboard.press("Enter");
  await expect(search).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: `${name} fait partie de la réservation.` })).toBeAttached();
  // They may already be booked elsewhere that day: take them off again (Enter on "Retirer …").
  await tabTo(page, page.getByRole("button", { name: `Retirer ${name}` }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: `Retirer ${name}` })).toHaveCount(0);

  // A person typed in: open the disclosure with Enter, fill, add.
  await tabTo(page, page.getByText("Ou ajouter une personne qui n'est pas dans la liste"), { backwards: true });
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByLabel("Prénom").first());
  await page.keyboard.type("Zoé");
  await tabTo(page, page.getByLabel("Nom", { exact: true }).first());
  await page.keyboard.type("Clavier");
  await tabTo(page, page.getByRole("button", { name: "Ajouter cette personne" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Retirer Zoé Clavier" })).toBeAttached();
  // The fields empty and the focus goes back to the first name, to type in someone else; it is said.
  await expect(page.getByLabel("Prénom").first()).toBeFocused();
  await expect(page.getByLabel("Prénom").first()).toHaveValue("");
  await expect(page.getByRole("status").filter({ hasText: "Zoé Clavier fait partie de la réservation." })).toBeAttached();

  // A companion: the focus goes straight to its first field, not five Shift+Tab back.
  await tabTo(page, page.getByRole("button", { name: "Ajouter un accompagnateur" }));
  await page.keyboard.press("Enter");
  const companion = page.locator("fieldset").filter({ hasText: "Accompagnateurs" });
  await expect(companion.getByLabel("Prénom")).toBeFocused();
  await page.keyboard.type("Jérôme");
  await page.keyboard.press("Tab");
  await expect(companion.getByLabel("Nom", { exact: true })).toBeFocused();
  await page.keyboard.type("Touche");
  await tabTo(page, companion.getByLabel("Qui est-ce ?"));
  await page.keyboard.press("ArrowDown");
  await expect(page.getByText("2 invitations demandées")).toBeVisible();

  // Booking: Enter on the button; the page of the booking puts the focus on its result.
  await tabTo(page, page.getByRole("button", { name: "Confirmer la réservation" }));
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/partenaire\/reservations\/[0-9a-f-]+\?resultat=CONFIRMED/);
  const result = page.getByRole("status").filter({ hasText: "C'est réservé" });
  await expect(result).toBeFocused();

  // Cancelling: open with Enter, say why, tick with Space, send with Enter; the focus goes to the result.
  await tabTo(page, page.getByText("Annuler cette réservation"));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByLabel("Pourquoi ? (facultatif)"));
  await page.keyboard.type("Rendez-vous médical");
  await tabTo(page, page.getByLabel(/Je confirme l'annulation/));
  await page.keyboard.press("Space");
  await expect(page.getByLabel(/Je confirme l'annulation/)).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Annuler la réservation" }));
  await page.keyboard.press("Enter");
  const cancelled = page.getByRole("status").filter({ hasText: "La réservation est annulée." });
  await expect(cancelled).toBeVisible();
  await expect(focused(page)).toContainText("La réservation est annulée.");
});

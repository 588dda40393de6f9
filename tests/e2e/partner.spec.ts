// Issue 5, end to end: the demo partner finds a session with the filters, books it for a person and a
// companion, downloads the invitation (a PDF with both names), cancels it, and sees a waitlisted
// booking of the demo data move up when its own confirmed booking on that full session is cancelled.
import { expect, test } from "@playwright/test";
import { readPdf } from "../support/read-pdf";
import { ACCOUNTS, expectHeading, reseedDemo, signIn } from "./support";

test.describe.configure({ mode: "serial" });

test.beforeAll(() => reseedDemo());

test("from the offer to a printed invitation, then a cancellation", async ({ page, isMobile }) => {
  test.slow();
  await signIn(page, ACCOUNTS.partner);
  await expect(page).toHaveURL("/partenaire");

  // Find: the coming four weeks, sessions with places left now (a range, so that the last day of a
  // month finds sessions too).
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "L'offre culturelle" }).click();
  // One town in the demo's offer: its areas are there without choosing it (with several, a town first).
  await expect(page.getByLabel("Quartier").locator("option", { hasText: /^Croix-Rousse$/ })).toHaveCount(1);
  await page.getByLabel("Quand").selectOption("dates");
  await page.getByLabel("Du", { exact: true }).fill(day(0));
  await page.getByLabel("Au", { exact: true }).fill(day(28));
  await page.getByLabel("Seulement les séances avec des places maintenant").check();
  await page.getByRole("button", { name: "Voir les séances" }).click();
  await expect(page).toHaveURL(/quand=dates/);
  await expect(page).toHaveURL(/places=1/);
  const results = page.getByRole("heading", { level: 2, name: /séance/ });
  await expect(results).not.toHaveText("Aucune séance");

  // The first session found with two places left for the structure (its venue's quota may allow less).
  const events = await page.locator("main ul li h3 a").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href.split("#")[0]!));
  let found = false;
  for (const href of [...new Set(events)]) {
    await page.goto(href);
    const sessions = page.locator('li[id^="seance-"]');
    for (let i = 0; i < (await sessions.count()) && !found; i++) {
      const text = await sessions.nth(i).innerText();
      const places = Number(/(\d+) places? disponibles?/.exec(text)?.[1] ?? 0);
      if (!/^Réserver$/m.test(text) || places < 2 || /peut encore réserver (0|1) place/.test(text)) continue;
      await sessions
        .nth(i)
        .getByRole("link", { name: /^Réserver —/ })
        .click();
      found = true;
    }
    if (found) break;
  }
  expect(found).toBe(true);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Réserver pour");

  // A person typed in on the spot, and a companion.
  await page.getByText("Ou ajouter une personne qui n'est pas dans la liste").click();
  await page.getByLabel("Prénom").first().fill("Zoé");
  await page.getByLabel("Nom", { exact: true }).first().fill("Lefèvre");
  await page.getByRole("button", { name: "Ajouter cette personne" }).click();
  await expect(page.getByRole("button", { name: "Retirer Zoé Lefèvre" })).toBeVisible();
  await page.getByRole("button", { name: "Ajouter un accompagnateur" }).click();
  const companion = page.locator("fieldset").filter({ hasText: "Accompagnateurs" });
  await companion.getByLabel("Prénom").fill("Jérôme");
  await companion.getByLabel("Nom", { exact: true }).fill("Ndiaye");
  await companion.getByLabel("Qui est-ce ?").selectOption("PROFESSIONAL");
  await expect(page.getByText("2 invitations demandées")).toBeVisible();
  await page.getByRole("button", { name: "Confirmer la réservation" }).click();

  await expect(page.getByRole("status")).toContainText("C'est réservé");
  await expect(page).toHaveURL(/\/partenaire\/reservations\/[0-9a-f-]+\?resultat=CONFIRMED/);

  // The invitation: a PDF, one page per guest, both names.
  const href = await page.getByRole("link", { name: "Imprimer les invitations (PDF)" }).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const pdf = await readPdf(await response.body());
  expect(pdf.total).toBe(2);
  expect(pdf.pages[0]).toContain("Zoé Lefèvre");
  expect(pdf.pages[1]).toContain("Jérôme Ndiaye");

  // Cancel it, confirming first.
  await page.getByText("Annuler cette réservation").click();
  await page.getByLabel("Pourquoi ? (facultatif)").fill("La personne est malade");
  await page.getByLabel(/Je confirme l'annulation/).check();
  await page.getByRole("button", { name: "Annuler la réservation" }).click();
  await expect(page.getByRole("status")).toHaveText("La réservation est annulée. Ses places sont rendues.");
  expect((await page.request.get(href!)).status()).toBe(409);
  void isMobile;
});

test("a waitlisted booking of the demo data moves up when places are released", async ({ page }) => {
  await signIn(page, ACCOUNTS.partner);
  await page.goto("/partenaire/reservations?onglet=attente");
  const waiting = page.getByRole("list", { name: "En liste d'attente" }).getByRole("listitem").first();
  await expect(waiting).toContainText("position 1");
  const title = (await waiting.getByRole("heading", { level: 2 }).textContent())!.trim();
  const when = (await waiting.locator("p").first().textContent())!.trim();

  // The structure's own confirmed booking on that same full session (same event, same date): cancel it.
  await page.goto("/partenaire/reservations?onglet=a-venir");
  await page
    .getByRole("list", { name: "À venir" })
    .getByRole("listitem")
    .filter({ hasText: when })
    .getByRole("link", { name: title, exact: true })
    .first()
    .click();
  await page.getByText("Annuler cette réservation").click();
  await page.getByLabel(/Je confirme l'annulation/).check();
  await page.getByRole("button", { name: "Annuler la réservation" }).click();
  await expect(page.getByRole("status")).toContainText("annulée");

  // The waiting booking is now confirmed, and the home says so.
  await page.goto("/partenaire/reservations?onglet=attente");
  await expect(page.getByRole("link", { name: /En liste d'attente \(0\)/ })).toBeVisible();
  await page.goto("/partenaire");
  await expect(page.getByText(`Bonne nouvelle`).first()).toContainText(title);
  await expectHeading(page, "Espace de votre structure");
});

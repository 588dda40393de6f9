// Issue 12 in the running demo: the app server's workers send (here: keep) the mail of a booking
// shortly after it, the association reads it in the outbox, and each user chooses which mails to get.
import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectHeading, reseedDemo, signIn } from "./support";

test.describe.configure({ mode: "serial" });
test.beforeAll(() => reseedDemo());

test("a booking's confirmation mail is written by the queue and reaches the outbox", async ({ page, browser }) => {
  test.slow();
  // The partner books the first session with places of the offer.
  await signIn(page, ACCOUNTS.partner);
  await page.goto("/offre?places=1");
  const events = await page.locator("main ul li h3 a").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href.split("#")[0]!));
  await page.goto(events[0]!);
  await page
    .getByRole("link", { name: /^Réserver —/ })
    .first()
    .click();
  await page.getByText("Ou ajouter une personne qui n'est pas dans la liste").click();
  await page.getByLabel("Prénom").first().fill("Maëlle");
  await page.getByLabel("Nom", { exact: true }).first().fill("Courriel");
  await page.getByRole("button", { name: "Ajouter cette personne" }).click();
  await page.getByRole("button", { name: /Confirmer la réservation|S'inscrire en liste d'attente/ }).click();
  await page.waitForURL(/\/partenaire\/reservations\/[0-9a-f-]{36}/);
  const number = (await page.locator("dt", { hasText: "Numéro de réservation" }).locator("+ dd").textContent())!.trim();

  // The association finds its mail in the outbox once the workers have run (a second or two).
  const admin = await browser.newPage();
  await signIn(admin, ACCOUNTS.admin);
  await expect(async () => {
    await admin.goto("/admin/courriels");
    await expect(admin.getByRole("heading", { level: 2, name: new RegExp(`Réservation ${number} confirmée`) })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(admin.getByText("gardé ici (pas de serveur de messagerie)").first()).toBeVisible();
  await admin.close();
});

test("each user chooses which mails come at once, in the morning digest, or not at all", async ({ page }) => {
  await signIn(page, ACCOUNTS.partner);
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Mon compte" }).click();
  await expectHeading(page, "Mon compte");
  const reminder = page.getByRole("group", { name: "Rappel deux jours avant une sortie" });
  await reminder.getByLabel("Dans le résumé du matin").check();
  await page.getByRole("button", { name: "Enregistrer mes choix" }).click();
  await expect(page.getByRole("status")).toHaveText("Vos choix sont enregistrés.");
  await page.reload();
  await expect(page.getByRole("group", { name: "Rappel deux jours avant une sortie" }).getByLabel("Dans le résumé du matin")).toBeChecked();
});

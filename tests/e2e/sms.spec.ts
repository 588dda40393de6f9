// Issue 30 part 1 in the running demo (no SMS_URL: texts stay in the outbox, KEPT). A referent records a
// person's number with their consent, books for that person choosing to text the confirmation, and the
// association reads the text in /admin/courriels' SMS section. The "NON" answer needs an SMPP server: it
// is covered by tests/integration/sms.test.ts (the `smpp` package's own server).
import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectHeading, reseedDemo, signIn } from "./support";

test.describe.configure({ mode: "serial" });
test.beforeAll(() => reseedDemo());

test("a number with consent, a booking texted, the text in the association's outbox", async ({ page, browser }) => {
  test.slow();
  await signIn(page, ACCOUNTS.partner);

  // A person of the list, and their number with their consent.
  await page.goto("/partenaire/personnes");
  await page.getByLabel("Prénom").first().fill("Sélène");
  await page.getByLabel("Nom", { exact: true }).first().fill("Textos");
  await page.getByRole("button", { name: "Ajouter", exact: true }).click();
  await expect(page.getByText("Personne ajoutée.")).toBeVisible();
  await page.getByRole("link", { name: "Textos Sélène" }).click();
  await expectHeading(page, "Sélène Textos");
  await expect(page.getByText("Pas de numéro enregistré.")).toBeVisible();
  await page.getByLabel("Numéro de téléphone portable").fill("06 12 34 56 78");
  await page.getByRole("checkbox", { name: /est d'accord pour recevoir des SMS/ }).check();
  await page.getByRole("button", { name: "Enregistrer le numéro" }).click();
  await expect(page.getByText("+33612345678")).toBeVisible();
  await expect(page.getByText(/^Accord donné le .*, noté par /)).toBeVisible();

  // Booked for that person, with the confirmation texted.
  await page.goto("/offre?places=1");
  const events = await page.locator("main ul li h3 a").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href.split("#")[0]!));
  await page.goto(events[0]!);
  await page
    .getByRole("link", { name: /^Réserver —/ })
    .first()
    .click();
  await page.getByLabel("Chercher une personne de votre structure").fill("Textos");
  await page.getByRole("button", { name: "Ajouter Sélène Textos" }).click();
  await expect(page.getByText("Sélène Textos recevra les SMS au numéro de sa fiche.")).toBeVisible();
  await page.getByRole("checkbox", { name: "Envoyer aussi la confirmation par SMS" }).check();
  await page.getByRole("button", { name: /Confirmer la réservation|S'inscrire en liste d'attente/ }).click();
  await page.waitForURL(/\/partenaire\/reservations\/[0-9a-f-]{36}/);

  // The association reads the text, its number masked.
  const admin = await browser.newPage();
  await signIn(admin, ACCOUNTS.admin);
  await admin.goto("/admin/courriels");
  const sms = admin.getByRole("region", { name: "SMS" });
  await expect(sms.getByRole("listitem").filter({ hasText: "Bonjour Sélène," }).first()).toBeVisible();
  await expect(sms.getByText(/Ta place est réservée\./).first()).toBeVisible();
  await expect(sms.getByText("+33612345678")).toHaveCount(0);
  await admin.close();
});

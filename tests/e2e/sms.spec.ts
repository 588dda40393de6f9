// Issue 30 in the running demo, against an SMPP operator started here (tests/e2e/smpp.ts, the `smpp`
// package's own server; the demo's SMS_URL points at it, playwright.config.ts). A referent records a
// person's number with their consent, books for that person choosing to text the confirmation, and the
// association reads the text in /admin/courriels' SMS section; then a person answers "non" to the text of
// their booking, and the referent finds the place freed on their home.
import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectHeading, reseedDemo, signIn } from "./support";
import { startSmppOperator } from "./smpp";

test.describe.configure({ mode: "serial" });
let operator: Awaited<ReturnType<typeof startSmppOperator>>;
test.beforeAll(async () => {
  reseedDemo();
  operator = await startSmppOperator();
});
test.afterAll(async () => operator?.close());

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

test("a person answers “non” to their booking's text: the place is freed and the referent reads it on their home", async ({ page }) => {
  test.slow();
  await signIn(page, ACCOUNTS.partner);

  // Consent and number recorded.
  await page.goto("/partenaire/personnes");
  await page.getByLabel("Prénom").first().fill("Noé");
  await page.getByLabel("Nom", { exact: true }).first().fill("Répondeur");
  await page.getByRole("button", { name: "Ajouter", exact: true }).click();
  await expect(page.getByText("Personne ajoutée.")).toBeVisible();
  await page.getByRole("link", { name: "Répondeur Noé" }).click();
  await page.getByLabel("Numéro de téléphone portable").fill("06 98 76 54 32");
  await page.getByRole("checkbox", { name: /est d'accord pour recevoir des SMS/ }).check();
  await page.getByRole("button", { name: "Enregistrer le numéro" }).click();
  await expect(page.getByText("+33698765432")).toBeVisible();
  await expect(page.getByText(/^Accord donné le .*, noté par /)).toBeVisible();

  // Booked and confirmed at a venue without a quota (the cinema), the confirmation texted, a "NON" allowed
  // to cancel the booking.
  await page.goto("/offre?places=1&categorie=CINEMA");
  const events = await page.locator("main ul li h3 a").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href.split("#")[0]!));
  await page.goto(events[0]!);
  await page
    .getByRole("link", { name: /^Réserver —/ })
    .first()
    .click();
  await page.getByLabel("Chercher une personne de votre structure").fill("Répondeur");
  await page.getByRole("button", { name: "Ajouter Noé Répondeur" }).click();
  await page.getByRole("checkbox", { name: "Envoyer aussi la confirmation par SMS" }).check();
  await page.getByRole("checkbox", { name: "Si la personne répond NON, annuler toute la réservation" }).check();
  await page.getByRole("button", { name: "Confirmer la réservation" }).click();
  await page.waitForURL(/\/partenaire\/reservations\/[0-9a-f-]{36}/);
  await expect(page.getByText("C'est réservé ! Vous pouvez imprimer les invitations dès maintenant.")).toBeVisible();

  // The text reached the operator, in the person's easy words.
  await expect
    .poll(() => operator.received.filter((sms) => sms.to === "33698765432").map((sms) => sms.text))
    .toEqual([expect.stringContaining("Ta place est réservée.")]);

  // "non": the operator hands the answer in; the app takes it (status 0) and frees the place.
  expect(await operator.answer("33698765432", "non")).toBe(0);
  await expect.poll(() => operator.received.filter((sms) => sms.to === "33698765432").length).toBe(2);
  expect(operator.received.filter((sms) => sms.to === "33698765432")[1]!.text).toContain("C'est noté, ta place est libérée.");

  // The referent's home says so, and the booking is cancelled.
  await page.goto("/partenaire");
  const answers = page.getByRole("region", { name: "Réponses par SMS" });
  await expect(answers.getByText("Noé Répondeur a répondu « non » : sa place est libérée.")).toBeVisible();
  await answers.getByRole("link", { name: "Voir la réservation" }).first().click();
  await expect(page.getByText(/Annulée/).first()).toBeVisible();
});

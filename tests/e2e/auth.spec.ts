import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectHeading, mainNav, signIn, signInAsVisitor } from "./support";

test("each demo account signs in and lands on its role's home, then signs out", async ({ page }) => {
  const homes = [
    [ACCOUNTS.admin, "/admin", "Espace de l'association"],
    [ACCOUNTS.partner, "/partenaire", "Espace de votre structure"],
    [ACCOUNTS.venue, "/lieu", "Théâtre des Lilas"],
  ] as const;
  for (const [email, path, heading] of homes) {
    await signIn(page, email);
    await expect(page).toHaveURL(path);
    await expectHeading(page, heading);
    await mainNav(page).getByRole("button", { name: "Se déconnecter" }).click();
    await expect(mainNav(page).getByRole("link", { name: "Se connecter" })).toBeVisible();
  }
});

test("a wrong password gets one plain answer, the same as an unknown address", async ({ page }) => {
  await signIn(page, ACCOUNTS.partner, "pas le bon", { refused: true });
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Adresse ou mot de passe incorrect.");
  await signIn(page, "personne@nulle-part.test", "pas le bon", { refused: true });
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Adresse ou mot de passe incorrect.");
  await expect(page).toHaveURL(/\/connexion/);
});

test("the visitor code opens the offer read-only, with the structure's contact", async ({ page }) => {
  await signInAsVisitor(page);
  await expect(page).toHaveURL("/offre");
  // The easy-to-read offer (issue 16).
  await expectHeading(page, "Les sorties");
  await page
    .getByRole("link", { name: /^Voir cette sortie/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: "Les dates" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Réserver/ })).toHaveCount(0);
  await mainNav(page).getByRole("link", { name: "Mon référent" }).click();
  await expect(page.getByText("CHRS L'Escale")).toBeVisible();
  // Nothing of a structure's own pages.
  await page.goto("/partenaire/reservations");
  await expect(page).toHaveURL("/offre");
});

test("a signed-out visit to a partner page leads to sign-in, then back", async ({ page }) => {
  await page.goto("/partenaire/personnes");
  await expect(page).toHaveURL(/\/connexion\?suite=/);
  await page.getByLabel("Adresse e-mail").fill(ACCOUNTS.partner);
  await page.getByLabel("Mot de passe", { exact: true }).fill("culture-pour-tous");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL("/partenaire/personnes");
  await expectHeading(page, "Les personnes accompagnées");
});

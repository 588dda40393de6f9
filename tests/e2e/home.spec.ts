import { expect, test } from "@playwright/test";

test("the home page explains the service in French, and its navigation works, down to the FAQ's partnership request", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Billetterie solidaire/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Des sorties culturelles pour toutes et tous");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");

  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Questions fréquentes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Questions fréquentes");
  await page.getByText("Faut-il adhérer à l'association ?").click();
  await expect(page.getByText("seule la convention conditionne le partenariat")).toBeVisible();

  // The FAQ leads a structure to the request form.
  await page.getByRole("main").getByRole("link", { name: "Faire une demande de partenariat" }).click();
  await expect(page).toHaveURL(/\/devenir-partenaire$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Devenir partenaire");
});

test("a keyboard user can skip straight to the content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Aller au contenu" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
});

test("an unknown address shows a French not-found page", async ({ page }) => {
  const response = await page.goto("/nulle-part");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});

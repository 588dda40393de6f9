// Issue 31.1 in the running demo: the association downloads the template of structures, brings it in,
// sees the dry run (one structure to create), imports it, then finds the structure in its list. Desktop
// only (the phone project ignores this file).
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectHeading, reseedDemo, signIn } from "./support";

test.describe.configure({ mode: "serial" });
test.beforeAll(() => reseedDemo());

test("the association imports the template of structures and finds the structure", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin/import");
  await expectHeading(page, "Importer des données");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Modèle des structures (CSV)" }).click();
  const template = await (await download).path();
  expect(fs.readFileSync(template, "utf8")).toContain("Foyer Les Tilleuls");

  await page.getByLabel("Que contient le fichier ?").selectOption("structures");
  await page.getByLabel("Fichier (CSV ou XLSX, 5 Mo au plus)").setInputFiles(template);
  await page.getByRole("button", { name: "Voir ce qui sera importé" }).click();
  const answer = page.getByRole("status").filter({ hasText: "à créer" });
  await expect(answer).toContainText("1 ligne à créer, aucune à mettre à jour, aucune inchangée, aucune refusée.", { timeout: 30_000 });
  await expect(page.getByRole("row", { name: /Foyer Les Tilleuls/ })).toContainText("Créée");
  await expect(page.getByLabel("SIRET")).toHaveValue("2");

  await page.getByRole("button", { name: "Importer", exact: true }).click();
  await expect(page.getByText(/Import terminé : 1 ligne créée/)).toBeVisible({ timeout: 30_000 });

  await page.goto("/admin/structures?q=Tilleuls");
  await expect(page.getByRole("link", { name: "Foyer Les Tilleuls" })).toBeVisible();
});

// Issue 15: the association opens its statistics for the season under way, compares with the season
// before, reads a chart with its table, downloads a table as CSV (and its version to hand out), and the
// page passes axe, on a desktop and on a phone.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Download } from "@playwright/test";
import { ACCOUNTS, mainNav, signIn } from "./support";

async function text(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

test("the association's statistics: a season, the one before, a chart and its table, an export", async ({ page }) => {
  test.slow();
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin");
  await mainNav(page).getByRole("link", { name: "Statistiques" }).click(); // issue 29.10: in the header menu
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Statistiques · Saison");
  await expect(page.getByRole("heading", { name: "L'essentiel" })).toBeVisible();
  const summary = page.getByRole("table", { name: /Ce que sont devenues les invitations/ });
  await expect(summary.getByRole("row", { name: /Places confirmées/ })).toBeVisible();
  // Each breakdown: a chart (a picture of its table, hidden from screen readers) and the table itself.
  const months = page.getByRole("region", { name: /Par mois/ });
  await expect(months.getByRole("table")).toBeVisible();
  await expect(
    page
      .locator("section", { has: page.getByRole("heading", { name: "Par mois" }) })
      .locator(".recharts-bar-rectangle")
      .first(),
  ).toBeVisible();

  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.map((v) => `${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger ce tableau (CSV) — Bilan" }).click();
  const csv = await text(await download);
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain("Chiffre;Cette période;Période précédente");
  expect(csv).toMatch(/Places confirmées;\d+;\d+/);

  // One breakdown at a time: the others are a link away.
  const breakdowns = page.getByRole("navigation", { name: "Choisir une répartition" });
  await expect(breakdowns.getByRole("link", { name: "Par mois" })).toHaveAttribute("aria-current", "true");
  await breakdowns.getByRole("link", { name: "Par secteur de la structure" }).click();
  await expect(page).toHaveURL(/repartition=secteurs/);
  await expect(page.getByRole("region", { name: /Par secteur de la structure/ }).getByRole("table")).toBeVisible();
  await expect(page.getByRole("region", { name: /Par mois/ })).toHaveCount(0);
  const handedOut = page.waitForEvent("download");
  await page.getByRole("link", { name: "Version à diffuser (moins de 5 : « < 5 ») — Par secteur de la structure" }).click();
  expect(await text(await handedOut)).toContain("Secteur;Places demandées");

  // The season's account on one A4 page, for a funder: no site navigation on paper.
  await page.getByRole("link", { name: "Le bilan sur une page, à imprimer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Bilan des invitations · Saison");
  const axeReport = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axeReport.violations.map((v) => `${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);
  if (test.info().project.name === "desktop") {
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeHidden();
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await page.emulateMedia({ media: "screen" });
  }
  await page.goBack();

  // The season before has its own figures (the demo's outings of last season).
  const seasonBefore = await page.getByLabel("Saison").locator("option").nth(1).getAttribute("value");
  await page.getByLabel("Saison").selectOption(seasonBefore!);
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page).toHaveURL(new RegExp(`saison=${seasonBefore}`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Saison ${seasonBefore}-${Number(seasonBefore) + 1}`);
  await expect(summary.getByRole("row", { name: /Places utilisées/ })).toBeVisible();
});

test("a venue's and a structure's own statistics, for their reports", async ({ page }) => {
  const axe = async () => {
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(violations.map((v) => `${page.url()}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);
  };
  await signIn(page, ACCOUNTS.venue);
  await page.goto("/lieu");
  await mainNav(page).getByRole("link", { name: "Statistiques" }).click(); // issue 29.10: in the header menu
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Statistiques du lieu");
  await expect(page.getByRole("heading", { name: "Par événement" })).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: /Par événement/ })
      .getByRole("table")
      .getByRole("row")
      .nth(1),
  ).toContainText(/séance/);
  await axe();
  const venueCsv = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger ce tableau (CSV) — Par événement" }).click();
  const events = await text(await venueCsv);
  expect(events.charCodeAt(0)).toBe(0xfeff);
  expect(events).toContain("Événement;Séances;Offertes;Confirmées;Utilisées;Absents;Non utilisées;Avis des personnes");
  await page.context().clearCookies();

  await signIn(page, ACCOUNTS.partner);
  await page.goto("/partenaire");
  await mainNav(page).getByRole("link", { name: "Statistiques" }).click(); // issue 29.10: in the header menu
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Statistiques de la structure");
  await expect(page.getByText("Personnes accompagnées touchées")).toBeVisible();
  await axe();
  const partnerCsv = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger ce tableau (CSV) — Par mois" }).click();
  expect(await text(await partnerCsv)).toContain("Mois;Demandées;Confirmées;Utilisées;Absents;Personnes;Accompagnants");
});

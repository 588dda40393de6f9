// Issue 16, the association's own activities: anyone, without an account, registers by name on the
// public page (a full workshop puts them on the waitlist, with their rank; the same name twice is answered
// the same, each with its own number) and cancels with their number;
// the association plans an activity, sees who registered and cancels a registration, the first waiting
// taking the place. axe passes on the public page at 200 % zoom here, and on a phone in accessibility.spec.ts
// (this file runs on the desktop project only, for CI's time).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, expectHeading, reseedDemo, signIn } from "./support";

test.beforeAll(() => reseedDemo());

async function axe(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.map((v) => `${page.url()}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);
}

const NUMBER = /[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/;

test("anyone registers by name, goes on the waitlist of a full workshop, and cancels with their number", async ({ page, isMobile }) => {
  test.slow();
  if (!isMobile) await page.setViewportSize({ width: 640, height: 800 });
  page.on("dialog", (dialog) => dialog.accept());
  await page.goto("/activites");
  await expectHeading(page, "Les activités de l'association");
  const meeting = page.getByRole("article", { name: "Découvrir les sorties de la saison" });
  await expect(meeting.getByText("Il reste 24 places sur 30.")).toBeVisible();
  await axe(page);

  // Registered: a number to keep.
  const suffix = isMobile ? "Téléphone" : "Bureau";
  await meeting.getByText("S'inscrire à « Découvrir les sorties de la saison »").click();
  await meeting.getByLabel("Prénom").fill("Zoé");
  await meeting.getByLabel("Nom", { exact: true }).fill(`Lefèvre ${suffix}`);
  await meeting.getByLabel("Adresse e-mail (facultatif)").fill("zoe@exemple.test");
  await meeting.getByRole("button", { name: "S'inscrire" }).click();
  const confirmed = meeting.getByRole("status");
  await expect(confirmed).toContainText("C'est noté : vous êtes inscrit·e à « Découvrir les sorties de la saison ».");
  const number = NUMBER.exec(await confirmed.innerText())![0];
  await axe(page);

  // The same name again is answered the same, with its own number (issue 27.8): the form tells nobody
  // whether a name is registered, and a name typed first by someone else takes nothing from its owner.
  await page.reload();
  await meeting.getByText("S'inscrire à « Découvrir les sorties de la saison »").click();
  await meeting.getByLabel("Prénom").fill("ZOE");
  await meeting.getByLabel("Nom", { exact: true }).fill(`lefevre ${suffix.toLowerCase()}`);
  await meeting.getByRole("button", { name: "S'inscrire" }).click();
  const again = meeting.getByRole("status");
  await expect(again).toContainText("C'est noté : vous êtes inscrit·e à « Découvrir les sorties de la saison ».");
  const second = NUMBER.exec(await again.innerText())![0];
  expect(second).not.toBe(number);
  await page.reload();
  await expect(meeting.getByText("Il reste 22 places sur 30.")).toBeVisible();

  // A full workshop: the waitlist, with a rank.
  const workshop = page.getByRole("article", { name: "Atelier de critique : dire ce qu'on a vu" });
  await expect(workshop.getByText(/^Complet : vous pouvez vous inscrire sur la liste d'attente\./)).toBeVisible();
  await workshop.getByText("S'inscrire à « Atelier de critique : dire ce qu'on a vu »").click();
  await workshop.getByLabel("Prénom").fill("Awa");
  await workshop.getByLabel("Nom", { exact: true }).fill(`Diallo ${suffix}`);
  await workshop.getByRole("button", { name: "S'inscrire sur la liste d'attente" }).click();
  await expect(workshop.getByRole("status")).toContainText("vous êtes sur la liste d'attente, en position");

  // Cancelled with the number and the name; the place is back.
  const cancel = page.getByRole("region", { name: "Annuler mon inscription" });
  await cancel.getByLabel("Numéro d'inscription").fill(number.toLowerCase());
  await cancel.getByLabel("Nom", { exact: true }).fill(`Lefèvre ${suffix}`);
  await cancel.getByRole("button", { name: "Annuler mon inscription" }).click();
  await expect(cancel.getByRole("status")).toHaveText("Votre inscription à « Découvrir les sorties de la saison » est annulée. Merci d'avoir prévenu.");
  await page.reload();
  await expect(meeting.getByText("Il reste 23 places sur 30.")).toBeVisible();
});

test("the association plans an activity, sees who registered, and cancels a registration: the first waiting takes the place", async ({ page, isMobile }) => {
  test.skip(isMobile, "the association's back office is tested on a desktop");
  test.slow();
  page.on("dialog", (dialog) => dialog.accept());
  await signIn(page, ACCOUNTS.admin);
  await page.getByRole("navigation").getByRole("link", { name: "Activités" }).first().click();
  await expectHeading(page, "Activités de l'association");

  const plan = page.getByRole("region", { name: "Prévoir une activité" });
  await plan.getByLabel("Type d'activité").selectOption({ label: "Rencontre" });
  await plan.getByLabel("Titre").fill("Rencontre des bénévoles");
  const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  await plan.getByLabel("Date").fill(day);
  await plan.getByLabel("Heure de début").fill("18:00");
  await plan.getByLabel("Nombre de places").fill("1");
  await plan.getByLabel("Lieu (adresse, salle)").fill("Culture pour tous, salle du fond");
  await plan.getByRole("button", { name: "Prévoir l'activité" }).click();
  await expect(plan.getByRole("status")).toHaveText("L'activité est prévue et paraît sur la page publique.");
  await page.reload();
  await expect(page.getByRole("link", { name: "Rencontre des bénévoles" })).toBeVisible();

  // Two people register, the second on the waitlist.
  await page.goto("/activites");
  const meeting = page.getByRole("article", { name: "Rencontre des bénévoles" });
  for (const [firstName, lastName] of [
    ["Jérôme", "Ndiaye"],
    ["Karim", "Haddad"],
  ]) {
    await meeting.getByText("S'inscrire à « Rencontre des bénévoles »").click();
    await meeting.getByLabel("Prénom").fill(firstName!);
    await meeting.getByLabel("Nom", { exact: true }).fill(lastName!);
    await meeting.getByRole("button", { name: /^S'inscrire/ }).click();
    await expect(meeting.getByRole("status")).toBeVisible();
    await page.reload();
  }

  await page.goto("/admin/activites");
  await page.getByRole("link", { name: "Rencontre des bénévoles" }).click();
  const table = page.getByRole("table", { name: "Les personnes inscrites, dans l'ordre d'inscription" });
  await expect(table.getByRole("row", { name: /Jérôme Ndiaye/ })).toContainText("Inscrit·e");
  await expect(table.getByRole("row", { name: /Karim Haddad/ })).toContainText("En attente");
  await table.getByRole("button", { name: "Annuler l'inscription de Jérôme Ndiaye" }).click();
  await expect(page).toHaveURL(/annulation=inscription/);
  await expect(page.getByRole("main").getByRole("status")).toHaveText("L'inscription est annulée.");
  await expect(table.getByRole("row", { name: /Jérôme Ndiaye/ })).toContainText("Annulée");
  await expect(table.getByRole("row", { name: /Karim Haddad/ })).toContainText("Inscrit·e");

  // The whole activity, after a warning: every registration is cancelled with it.
  await page.getByRole("region", { name: "Annuler l'activité" }).getByRole("button", { name: "Annuler l'activité" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("L'activité est annulée ; 1 inscription annulée.");
  await expect(table.getByRole("row", { name: /Karim Haddad/ })).toContainText("Annulée");
  await page.goto("/activites");
  await expect(page.getByRole("article", { name: "Rencontre des bénévoles" })).toHaveCount(0);
});

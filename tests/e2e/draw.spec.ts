// Issue 17, end to end: a venue sets a new session to "Candidatures puis tirage", three structures apply
// through the booking form, the draw runs as a job at the window's close (the demo's own worker), each
// structure reads its rank in one sentence and the winners print their invitations; the venue reads the
// record with every structure's name.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS, reseedDemo, signIn } from "./support";

test.beforeAll(() => reseedDemo());

/** A Paris wall-clock time, as a datetime-local field takes it. */
function parisLocal(instant: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "Europe/Paris",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

const STRUCTURES = [
  {
    email: ACCOUNTS.partner,
    people: [
      ["Awa", "Diallo"],
      ["Binta", "Diallo"],
    ],
    min: "1 place au moins",
  },
  {
    email: "referent@maison-des-solidarites-de-la-c.test",
    people: [
      ["Jérôme", "Ndiaye"],
      ["Léa", "Ndiaye"],
    ],
    min: null,
  },
  { email: "referent@centre-social-du-vieux-moulin.test", people: [["Karim", "Haddad"]], min: null },
] as const;

async function apply(browser: Browser, title: string, structure: (typeof STRUCTURES)[number]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, structure.email);
  await page.goto(`/offre?q=${encodeURIComponent(title)}`);
  await page.getByRole("link", { name: title }).first().click();
  await page
    .getByRole("link", { name: /^Réserver —/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: "Candidatures puis tirage au sort" })).toBeVisible();
  await expect(page.getByText(/arriver tôt ne donne aucun avantage/)).toBeVisible();
  for (const [firstName, lastName] of structure.people) {
    // The part to type a person in stays open after the first one.
    if (!(await page.getByLabel("Prénom").first().isVisible())) await page.getByText("Ou ajouter une personne qui n'est pas dans la liste").click();
    await page.getByLabel("Prénom").first().fill(firstName);
    await page.getByLabel("Nom", { exact: true }).first().fill(lastName);
    await page.getByRole("button", { name: "Ajouter cette personne" }).click();
  }
  if (structure.min) await page.getByLabel("Si toutes les places ne peuvent pas être données, combien au moins ?").selectOption({ label: structure.min });
  await page.getByRole("button", { name: "Déposer la candidature" }).click();
  await page.waitForURL(/\/tirages\/[0-9a-f-]+\?candidature=1/);
  await expect(page.getByRole("status").filter({ hasText: "Votre candidature est enregistrée." })).toBeVisible();
  return page;
}

test("a venue opens applications, three structures apply, the draw runs at the close, each reads its rank and the winners print", async ({
  page,
  browser,
  isMobile,
}) => {
  test.skip(isMobile, "run once, on a desktop");
  test.setTimeout(360_000);
  const title = `Première très demandée ${Date.now().toString(36)}`;
  const day = parisLocal(new Date(Date.now() + 12 * 86_400_000)).slice(0, 10);

  // The venue: a new event with one session of 3 invitations, published.
  await signIn(page, ACCOUNTS.venue);
  await page.getByRole("link", { name: "Déclarer un événement" }).click();
  await page.getByLabel("Titre").fill(title);
  await page.getByLabel("Présentation").fill("La première de la saison, très demandée.");
  await page.getByLabel("Genre").selectOption("OPERA");
  await page.getByRole("button", { name: "Créer le brouillon" }).click();
  await page.getByLabel("Du", { exact: true }).fill(day);
  await page.getByLabel(/^Heures/).fill("20:00");
  await page.getByLabel("Invitations par séance").fill("3");
  await page.getByRole("button", { name: "Ajouter les séances" }).click();
  await expect(page.getByText("1 séance ajoutée.")).toBeVisible();
  await page.getByRole("button", { name: /^Publier/ }).click();
  await page.getByRole("link", { name: "Liste des invités" }).first().click();

  // Applications from now until the close: the first whole minute at least 40 s ahead (the field takes
  // minutes; the three applications below take 13 s here), so the test waits 40 to 100 s, not up to 2 min.
  const closes = new Date(Math.ceil((Date.now() + 40_000) / 60_000) * 60_000);
  const draw = page.getByRole("region", { name: "Candidatures puis tirage au sort" });
  await draw.getByLabel("Ouverture des candidatures").fill(parisLocal(new Date()));
  await draw.getByLabel("Clôture des candidatures et tirage").fill(parisLocal(closes));
  await draw.getByRole("button", { name: "Passer la séance en candidatures puis tirage" }).click();
  await expect(draw.getByRole("status")).toContainText(/Empreinte du tirage, à communiquer si on vous la demande : [0-9a-f]{64}/);
  const fingerprint = /[0-9a-f]{64}/.exec(await draw.getByRole("status").innerText())![0];

  // Three structures apply; none sees another's application.
  const pages: Page[] = [];
  for (const structure of STRUCTURES) pages.push(await apply(browser, title, structure));
  await expect(pages[2]!.getByText("3 candidatures déposées.")).toBeVisible();
  await expect(pages[2]!.getByText(fingerprint)).toBeVisible();
  await expect(pages[2]!.getByText("Jérôme")).toHaveCount(0);

  // The close: the job draws. Each structure reloads its page until the result is there.
  const drawPage = pages[0]!.url().replace(/\?.*$/, "");
  await expect(async () => {
    await pages[0]!.goto(drawPage);
    await expect(pages[0]!.getByRole("heading", { name: "Le résultat" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 200_000, intervals: [5000] });

  let winners = 0;
  for (const structurePage of pages) {
    await structurePage.goto(drawPage);
    const sentence = structurePage.getByText(/^Tirage du .* : votre demande est sortie (1re|\de) sur 3[.,]/);
    await expect(sentence).toBeVisible();
    // The structure's own row names it; the others' rows do not.
    await expect(structurePage.getByRole("table").getByText("Une autre structure")).toHaveCount(2);
    if (/confirmée/.test(await sentence.innerText())) {
      winners++;
      await structurePage.getByRole("link", { name: "Voir la réservation et imprimer les invitations" }).click();
      const href = await structurePage.locator('a[href$="/invitation"]').first().getAttribute("href");
      const pdf = await structurePage.request.get(href!);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
    } else {
      await expect(sentence).toContainText("Elle attend en position");
    }
  }
  expect(winners).toBeGreaterThanOrEqual(1);

  // The venue reads every name, the published seed matching the fingerprint shown before.
  await page.goto(drawPage);
  await expect(page.getByRole("table").getByText("Une autre structure")).toHaveCount(0);
  await expect(page.getByText(fingerprint)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Graine du tirage, publiée après le tirage" })).toBeVisible();
});

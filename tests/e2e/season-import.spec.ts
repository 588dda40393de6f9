// Issue 33.1 end to end, "Import the season": a venue links its agenda (an iCalendar file written by a real
// generator and served by a small HTTP server this spec starts), previews what would be created, imports,
// sets the invitation counts, publishes; a structure books an imported date. Desktop only (the phone
// project ignores it): one run is enough.
import { TZDate } from "@date-fns/tz";
import { expect, test } from "@playwright/test";
import ical, { ICalEventRepeatingFreq } from "ical-generator";
import { startAgendaServer, type AgendaServer } from "../support/agenda-server";
import { ACCOUNTS, reseedDemo, signIn } from "./support";

let agenda: AgendaServer;
const title = `Saison importée ${Date.now().toString(36)}`;

/** 20:30 in Paris, `days` days from now. */
function evening(days: number) {
  const at = new Date(Date.now() + days * 24 * 3_600_000);
  const [y, m, d] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(at).split("-").map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, 20, 30, "Europe/Paris");
}

test.beforeAll(async () => {
  reseedDemo();
  agenda = await startAgendaServer();
  const calendar = ical({ name: "Théâtre des Lilas", timezone: "Europe/Paris" });
  calendar.createEvent({
    id: `${title}@theatre-des-lilas.test`,
    start: evening(10),
    end: new TZDate(evening(10).getTime() + 2 * 3_600_000, "Europe/Paris"),
    timezone: "Europe/Paris",
    summary: title,
    description: "Une pièce de la saison, venue de l'agenda du théâtre.",
    repeating: { freq: ICalEventRepeatingFreq.WEEKLY, count: 2 },
  });
  agenda.serve("/saison.ics", { body: calendar.toString() });
});
test.afterAll(async () => agenda?.close());

test("a venue links its calendar, previews, imports, sets counts, publishes, and a structure books an imported date", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signIn(page, ACCOUNTS.venue);
  await page.getByRole("link", { name: "Importer la saison" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Importer la saison");

  // Link the calendar, then preview: two dates to create, nothing written yet.
  await page.getByLabel("Adresse de l'agenda").fill(`${agenda.url}/saison.ics`);
  await page.getByRole("button", { name: "Relier cet agenda" }).first().click();
  await expect(page.getByText("L'agenda est relié.")).toBeVisible();
  await page.getByRole("link", { name: "Prévisualiser" }).click();
  const preview = page.getByRole("region", { name: "Ce que l'import ferait" });
  await expect(preview.getByRole("row")).toHaveCount(3); // the header and two dates
  await expect(preview.getByRole("rowheader", { name: "Création" })).toHaveCount(2);
  await expect(preview.getByRole("cell", { name: title })).toHaveCount(2);

  // Import: one draft event, two dates without invitations.
  await page.getByRole("button", { name: "Importer", exact: true }).click();
  await expect(page.getByText(/1 événement créé en brouillon, 2 dates ajoutées/)).toBeVisible();

  // The venue adds the invitations of the first date, and publishes.
  await page.goto("/lieu");
  await page.getByRole("link", { name: title }).click();
  await page.waitForURL(/\/lieu\/evenements\/[0-9a-f-]{36}/);
  const eventId = /evenements\/([0-9a-f-]{36})/.exec(page.url())![1];
  await expect(page.getByText("Importé de l'agenda du lieu")).toBeVisible();
  const first = page.getByRole("list", { name: "Séances" }).getByRole("listitem").first();
  await first.getByLabel(/^Nombre d'invitations pour la séance du/).fill("4");
  await first.getByRole("button", { name: "Changer" }).click();
  await expect(first.getByText("0/4")).toBeVisible();
  const sessionId = /seances\/([0-9a-f-]{36})/.exec((await first.getByRole("link", { name: "Liste des invités" }).getAttribute("href"))!)![1];
  await page.getByRole("button", { name: /^Publier/ }).click();
  await expect(page.getByRole("button", { name: /^Publier/ })).toHaveCount(0);

  // A structure books the imported date.
  const partner = await (await browser.newContext()).newPage();
  await signIn(partner, ACCOUNTS.partner);
  await partner.goto(`/offre/${eventId}/reserver/${sessionId}`);
  await expect(partner.getByRole("heading", { level: 1 })).toContainText(title);
  await partner.getByText("Ou ajouter une personne qui n'est pas dans la liste").click();
  await partner.getByLabel("Prénom").first().fill("Inès");
  await partner.getByLabel("Nom", { exact: true }).first().fill("Agenda");
  await partner.getByRole("button", { name: "Ajouter cette personne" }).click();
  await partner.getByRole("button", { name: /Confirmer la réservation/ }).click();
  await partner.waitForURL(/\/partenaire\/reservations\/[0-9a-f-]{36}/);

  // The venue's guest list of that date has the guest.
  await page.goto(`/lieu/seances/${sessionId}`);
  await expect(page.getByRole("table").getByText("Agenda")).toBeVisible();
});

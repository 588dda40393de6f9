// Issue 33.2 end to end, "Des places ce soir": a structure asks on /mon-compte to hear of late places; a
// venue declares a session starting in three hours and releases two late places; the alert reaches the
// outbox with its link; the structure books from that link; the guest is on the venue's door list.
// Desktop only (the phone project ignores it): one run is enough.
import { expect, test } from "@playwright/test";
import { ACCOUNTS, reseedDemo, signIn } from "./support";

test.beforeAll(() => reseedDemo());

/** A Paris wall-clock time, as the session fields take it. */
function parisLocal(instant: Date): { day: string; time: string } {
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
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

test("a venue releases late places, a structure books from the alert's link, the guest is on the door list", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const title = `Dernière minute ${Date.now().toString(36)}`;
  const starts = parisLocal(new Date(Date.now() + 3 * 3_600_000));

  // The structure asks for every late place, at any hour.
  const partner = await (await browser.newContext()).newPage();
  await signIn(partner, ACCOUNTS.partner);
  await partner.goto("/mon-compte");
  const alert = partner.getByRole("region", { name: "Places de dernière minute" });
  await alert.getByLabel("Me prévenir des places de dernière minute").check();
  await alert.getByLabel("Nous pouvons joindre quelqu'un à partir de (heure)").selectOption("0");
  await alert.getByLabel("Jusqu'à (heure)").selectOption("24");
  await alert.getByRole("button", { name: "Enregistrer" }).click();
  await expect(alert.getByRole("status")).toContainText("Vos choix pour les places de dernière minute sont enregistrés.");

  // The venue: an event with one session in three hours, published, then two late places released.
  await signIn(page, ACCOUNTS.venue);
  await page.getByRole("link", { name: "Déclarer un événement" }).click();
  await page.getByLabel("Titre").fill(title);
  await page.getByLabel("Présentation").fill("Une représentation de plus, ce soir.");
  await page.getByLabel("Genre").selectOption("THEATRE");
  await page.getByRole("button", { name: "Créer le brouillon" }).click();
  await page.getByLabel("Du", { exact: true }).fill(starts.day);
  await page.getByLabel(/^Heures/).fill(starts.time);
  await page.getByLabel("Invitations par séance").fill("2");
  await page.getByRole("button", { name: "Ajouter les séances" }).click();
  await expect(page.getByText("1 séance ajoutée.")).toBeVisible();
  await page.getByRole("button", { name: /^Publier/ }).click();
  await page.getByRole("link", { name: "Liste des invités" }).first().click();
  await page.waitForURL(/\/lieu\/seances\/[0-9a-f-]{36}/);
  const guestList = page.url();
  const release = page.getByRole("region", { name: "Des places ce soir" });
  await release.getByLabel("Nombre de places").fill("2");
  await release.getByLabel("Fin des réservations, en minutes avant le début").fill("30");
  await release.getByRole("button", { name: "Proposer ces places" }).click();
  await expect(release.getByRole("status")).toContainText(/2 places proposées\. \d+ structures? prévenues?\./);

  // The alert reaches the outbox (the demo's workers write it within seconds); its link leads to the form.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ACCOUNTS.admin);
  let link = "";
  await expect(async () => {
    await admin.goto("/admin/courriels");
    await expect(admin.getByRole("heading", { level: 2, name: `Des places ce soir : ${title}` }).first()).toBeVisible({ timeout: 1_000 });
    // The demo is reseeded before this file: this release's alerts are the only ones with such a link.
    link = /\/offre\/[0-9a-f-]{36}\/reserver\/[0-9a-f-]{36}\?tard=1/.exec(await admin.locator("main").innerText())![0];
  }).toPass({ timeout: 30_000 });

  // The structure books one late place from the alert's link.
  await partner.goto(link);
  await expect(partner.getByText("Vous réservez une place de dernière minute")).toBeVisible();
  await partner.getByText("Ou ajouter une personne qui n'est pas dans la liste").click();
  await partner.getByLabel("Prénom").first().fill("Nadia");
  await partner.getByLabel("Nom", { exact: true }).first().fill("Tardive");
  await partner.getByRole("button", { name: "Ajouter cette personne" }).click();
  await partner.getByRole("button", { name: /Confirmer la réservation/ }).click();
  await partner.waitForURL(/\/partenaire\/reservations\/[0-9a-f-]{36}/);

  // The venue's door list has the guest, and the counter says one late place of two is booked.
  await page.goto(guestList);
  await expect(page.getByRole("table").getByText("Tardive")).toBeVisible();
  await expect(page.getByText("Places de dernière minute : 1 réservée(s) sur 2")).toBeVisible();
});

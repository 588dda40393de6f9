/** @jest-environment jsdom */
// Issue 29.14: a wish for "date au choix" does not open the booking form on the first date unasked: the
// referent chooses the date on the wish (each date a link to its booking form, the wish carried on), or
// on the event's page when there are more; a wish for a date opens that date's form.
import { render, screen, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { WishesPanel } from "@/components/partner/wishes-panel";
import type { WishRow } from "@/lib/wishes/wishes";
import messages from "@/messages/fr";
import { pickMessages } from "@/lib/i18n/client-messages";
import { parisTime } from "@/lib/time";

jest.mock("next-intl/server", () => ({
  getLocale: async () => "fr",
  getMessages: async () => jest.requireActual<{ default: Record<string, unknown> }>("@/messages/fr").default,
  getTimeZone: async () => "Europe/Paris",
}));
const rows: WishRow[] = [];
jest.mock("@/lib/wishes/wishes", () => ({ listWishes: async () => rows }));

const EVENT = { id: "e1", title: "Le Songe", venueName: "Théâtre des Envies" };
const base = { message: null, createdAt: parisTime("2031-03-09", 10), event: EVENT, dates: [], moreDates: false };

async function renderPanel(wishes: WishRow[]) {
  rows.splice(0, rows.length, ...wishes);
  const panel = await WishesPanel({ actor: { kind: "anonymous" }, partnerId: "p1", setAside: async () => ({ ok: true }) });
  render(
    <NextIntlClientProvider locale="fr" messages={pickMessages(messages)}>
      {panel}
    </NextIntlClientProvider>,
  );
}

it("for a date chosen by the person, links to that date's booking form with the wish", async () => {
  const date = { id: "s2", startsAt: parisTime("2031-04-02", 20) };
  await renderPanel([{ ...base, id: "w1", name: "Zoé", session: date, bookSessionId: "s2" }]);
  expect(screen.getByRole("link", { name: "Réserver pour Zoé : Le Songe" })).toHaveAttribute("href", "/offre/e1/reserver/s2?envie=w1");
});

it("for « date au choix », lets the referent choose the date: one link per date, none opened unasked", async () => {
  const dates = [
    { id: "s1", startsAt: parisTime("2031-03-20", 20) },
    { id: "s2", startsAt: parisTime("2031-04-02", 20) },
  ];
  await renderPanel([{ ...base, id: "w2", name: "Z. L.", session: null, bookSessionId: null, dates }]);
  expect(screen.queryByRole("link", { name: "Réserver pour Z. L. : Le Songe" })).toBeNull();
  const group = screen.getByRole("group", { name: "Choisir la date pour Z. L." });
  const links = within(group).getAllByRole("link");
  expect(links.map((link) => link.getAttribute("href"))).toEqual(["/offre/e1/reserver/s1?envie=w2", "/offre/e1/reserver/s2?envie=w2"]);
  // The date as the link shows it is in its name (WCAG 2.5.3, label in name).
  expect(links[0]).toHaveAccessibleName(`Réserver pour Z. L. : Le Songe, ${links[0]!.textContent}`);
  expect(links[0]).toHaveTextContent(/^jeu\. 20 mars 2031/);
  expect(screen.queryByRole("link", { name: /Toutes les dates/ })).toBeNull();
});

it("with more dates than shown, links to the event's page, which carries the wish on", async () => {
  await renderPanel([
    { ...base, id: "w3", name: "Z. L.", session: null, bookSessionId: null, dates: [{ id: "s1", startsAt: parisTime("2031-03-20", 20) }], moreDates: true },
  ]);
  expect(screen.getByRole("link", { name: "Toutes les dates de Le Songe pour Z. L." })).toHaveAttribute("href", "/offre/e1?envie=w3");
});

it("with no date left to come, says so", async () => {
  await renderPanel([{ ...base, id: "w4", name: "Z. L.", session: null, bookSessionId: null }]);
  expect(screen.getByText("Plus de date à venir")).toBeInTheDocument();
  expect(screen.queryByRole("group")).toBeNull();
});

// Issue 28.5: the URLs stay French (people bookmark them), lib speaks English. A list's table of URL words,
// written once, turns a French URL into an English object at the edge and writes the object back as the
// same URL: a round trip changes nothing.
import { catalogQuery, CATALOG_WORDS, readCatalogFilters, WHEN_WORDS } from "@/lib/catalog/filters";
import { readStructureFilters, STRUCTURE_WORDS } from "@/lib/association/structures";
import { readVenueFilters, VENUE_WORDS } from "@/lib/association/venues";
import { ACCOUNT_WORDS, readAccountFilters } from "@/lib/auth/account-list";
import { fromUrl, LIST_WORDS, toUrl } from "@/lib/lists";
import { PERIOD_WORDS, readPeriodFilters } from "@/lib/stats/report";
import { BOOKING_WORDS, readBookingSearch } from "@/lib/association/bookings";
import { JOURNAL_WORDS, readJournalFilters } from "@/lib/association/journal";
import { MEMBERSHIP_WORDS, readMembershipFilters } from "@/lib/association/memberships";
import { ACTIVITY_WORDS, readActivityFilters } from "@/lib/activities/admin";

describe("a list's URL words", () => {
  it("read French words into English fields and write them back, in the table's order", () => {
    const words = { ...LIST_WORDS, town: "ville" } as const;
    const fields = fromUrl(words, new URLSearchParams("ville=Lyon&tri=nom&ordre=desc&page=2&inconnu=1"));
    expect(fields).toEqual({ page: "2", sort: "nom", direction: "desc", town: "Lyon" });
    expect(toUrl(words, fields)).toBe("?page=2&tri=nom&ordre=desc&ville=Lyon");
    expect(toUrl(words, { town: "", page: undefined })).toBe("");
  });

  it("give the catalog an English object for its French URL, and the same URL back (round trip)", () => {
    const url =
      "?quand=dates&du=2026-12-24&au=2026-12-31&categorie=DANCE&categorie=MUSIC&acces=WHEELCHAIR&ville=Lyon&quartier=Croix-Rousse&places=1&sans-francais=1&q=jazz&page=2";
    const filters = readCatalogFilters(new URLSearchParams(url));
    expect(filters).toEqual({
      when: "dates",
      fromDay: "2026-12-24",
      toDay: "2026-12-31",
      categories: ["DANCE", "MUSIC"],
      access: ["WHEELCHAIR"],
      town: "Lyon",
      area: "Croix-Rousse",
      withPlaces: true,
      withoutFrench: true,
      text: "jazz",
      page: 2,
    });
    expect(catalogQuery(filters)).toBe(url);
  });

  it("read each French 'quand' as its English span and write it back", () => {
    for (const [when, word] of Object.entries(WHEN_WORDS)) {
      const filters = readCatalogFilters({ [CATALOG_WORDS.when.word]: word });
      expect(filters.when).toBe(when);
      expect(catalogQuery(filters)).toBe(`?quand=${word}`);
    }
    expect(readCatalogFilters({ quand: "week" }).when).toBeUndefined();
  });

  it("give the structures' list an English object for its French URL, its sort's word too, and the same URL back", () => {
    const url = "?etape=CONVENTION_SIGNED&secteur=DISABILITY&q=aurore&tri=nom&ordre=desc&page=3";
    const filters = readStructureFilters(new URLSearchParams(url));
    expect(filters).toEqual({ stage: "CONVENTION_SIGNED", sector: "DISABILITY", text: "aurore", sort: "name", direction: "desc", page: 3 });
    expect(toUrl(STRUCTURE_WORDS, filters)).toBe(url);
    expect(readStructureFilters({ tri: "etape" }).sort).toBe("stage");
    expect(readStructureFilters({ tri: "name" }).sort).toBeUndefined();
  });

  it("give the venues' list an English object for its French URL and the same URL back", () => {
    const url = "?q=lilas&tri=ville&ordre=desc&page=2";
    const filters = readVenueFilters(new URLSearchParams(url));
    expect(filters).toEqual({ text: "lilas", sort: "town", direction: "desc", page: 2 });
    expect(toUrl(VENUE_WORDS, filters)).toBe(url);
  });

  it("give the accounts' list an English object for its French URL and the same URL back", () => {
    const url = "?q=awa&tri=etat&ordre=desc&page=2";
    const filters = readAccountFilters(new URLSearchParams(url));
    expect(filters).toEqual({ text: "awa", sort: "state", direction: "desc", page: 2 });
    expect(toUrl(ACCOUNT_WORDS, filters)).toBe(url);
  });

  it("give the statistics' period an English object for its French URL and the same URL back", () => {
    const url = "?du=2026-09-01&au=2026-12-31&repartition=lieux";
    const filters = readPeriodFilters(new URLSearchParams(url));
    expect(filters).toEqual({ from: "2026-09-01", to: "2026-12-31", breakdown: "lieux", range: { from: "2026-09-01", to: "2026-12-31" } });
    const { range, ...fields } = filters;
    expect(range).toEqual({ from: "2026-09-01", to: "2026-12-31" });
    expect(toUrl(PERIOD_WORDS, fields)).toBe(url);
    expect(readPeriodFilters({ saison: "2026" })).toEqual({ season: 2026, range: null });
    expect(toUrl(PERIOD_WORDS, { season: 2026 })).toBe("?saison=2026");
  });

  it("give the bookings' search an English object for its French URL, its sort's word too, and the same URL back", () => {
    const partner = "5f0c6f1e-8d1a-4b7e-9a51-3c2d1e0f9a8b";
    const venue = "6a1d7e2f-9e2b-4c8f-8b62-4d3e2f1a0b9c";
    const url = `?numero=B-12&nom=awa&structure=${partner}&lieu=${venue}&spectacle=jazz&du=2026-12-01&au=2026-12-31&etat=WAITLISTED&tri=lieu&ordre=desc&page=2`;
    const search = readBookingSearch(new URLSearchParams(url));
    expect(search).toEqual({
      number: "B-12",
      name: "awa",
      partner,
      venue,
      title: "jazz",
      from: "2026-12-01",
      to: "2026-12-31",
      status: "WAITLISTED",
      sort: "venue",
      direction: "desc",
      page: 2,
    });
    expect(toUrl(BOOKING_WORDS, search)).toBe(url);
    expect(readBookingSearch({ tri: "seance" }).sort).toBe("session");
    expect(readBookingSearch({ tri: "session" }).sort).toBeUndefined();
  });

  it("give the journal an English object for its French URL, its sort's word too, and the same URL back", () => {
    const account = "5f0c6f1e-8d1a-4b7e-9a51-3c2d1e0f9a8b";
    const venue = "6a1d7e2f-9e2b-4c8f-8b62-4d3e2f1a0b9c";
    const url = `?qui=${account}&lieu=${venue}&type=Booking&objet=42&action=booking.cancel&du=2026-03-01&au=2026-03-31&tri=acteur&ordre=desc&page=2`;
    const filters = readJournalFilters(new URLSearchParams(url));
    expect(filters).toEqual({
      who: account,
      venue,
      type: "Booking",
      object: "42",
      action: "booking.cancel",
      from: "2026-03-01",
      to: "2026-03-31",
      sort: "actor",
      direction: "desc",
      page: 2,
    });
    expect(toUrl(JOURNAL_WORDS, filters)).toBe(url);
    expect(readJournalFilters({ tri: "objet" }).sort).toBe("object");
    expect(readJournalFilters({ tri: "actor" }).sort).toBeUndefined();
  });

  it("give the memberships' list an English object for its French URL, its state's and sort's words too, and the same URL back", () => {
    const partner = "5f0c6f1e-8d1a-4b7e-9a51-3c2d1e0f9a8b";
    const url = `?saison=2026&etat=va-adherer&structure=${partner}&tri=reponse&ordre=asc&page=2`;
    const filters = readMembershipFilters(new URLSearchParams(url));
    expect(filters).toEqual({ season: 2026, status: "JOINING", partner, sort: "answered", direction: "asc", page: 2 });
    expect(toUrl(MEMBERSHIP_WORDS, filters)).toBe(url);
    expect(readMembershipFilters({ etat: "adherente", tri: "adhesion" })).toMatchObject({ status: "MEMBER", sort: "joined" });
    expect(readMembershipFilters({ etat: "MEMBER", tri: "joined" })).toEqual({ page: 1 });
  });

  it("give the activities' list an English object for its French URL, its 'quand' and sort's words too, and the same URL back", () => {
    const url = "?quand=passees&q=atelier&tri=inscrits&ordre=asc&page=2";
    const filters = readActivityFilters(new URLSearchParams(url));
    expect(filters).toEqual({ when: "past", text: "atelier", sort: "registered", direction: "asc", page: 2 });
    expect(toUrl(ACTIVITY_WORDS, filters)).toBe(url);
    expect(readActivityFilters({ quand: "avenir", tri: "titre" })).toMatchObject({ when: "upcoming", sort: "title" });
    expect(readActivityFilters({ quand: "past", tri: "title" })).toEqual({ page: 1 });
  });
});

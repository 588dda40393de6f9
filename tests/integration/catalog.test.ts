// The offer: partners and visitors find upcoming sessions by date, category, place, accessibility,
// places left and free text; the public does not see it; drafts and past sessions never show.
import { anonymousActor, type Actor } from "@/lib/auth/actor";
import { readCatalogFilters } from "@/lib/catalog/filters";
import { getEventDetails } from "@/lib/catalog/event";
import { catalogPlaces, searchSessions } from "@/lib/catalog/search";
import { AccessDeniedError, NotFoundError } from "@/lib/errors";
import { getPrisma } from "@/lib/db/client";
import { partnerActor } from "../factories/actors";
import { createEvent, createPartner, createSession, createVenue, insertBooking } from "../factories";

const NOW = new Date("2026-12-01T10:00:00Z"); // a Tuesday
const at = (iso: string) => new Date(iso);
const search = (actor: Actor, params: Record<string, string | string[]>) => searchSessions(actor, readCatalogFilters(params), { now: NOW });

let partner: Actor;
let visitor: Actor;
let ids: Record<string, string>;

beforeAll(async () => {
  const p = await createPartner();
  partner = await partnerActor(p.id);
  visitor = { kind: "visitor", partnerId: p.id };
  const lilas = await createVenue({ name: "Théâtre des Lilas", city: "Lyon", area: "Croix-Rousse", accessibility: ["WHEELCHAIR"] });
  const musee = await createVenue({ name: "Musée des Confluences", kind: "MUSEUM", city: "Villeurbanne" });
  const theatre = await createEvent({ venueId: lilas.id, title: "Le Misanthrope", category: "THEATRE" });
  const danse = await createEvent({ venueId: musee.id, title: "Corps en fête", category: "DANCE", accessibility: ["SIGN_LANGUAGE"] });
  const draft = await createEvent({ venueId: lilas.id, title: "Brouillon", status: "DRAFT" });
  const thisWeek = await createSession({ eventId: theatre.id, startsAt: at("2026-12-04T19:30:00Z"), capacity: 2 });
  await insertBooking(thisWeek.id, p.id, { places: 2 }); // full
  const nextWeek = await createSession({ eventId: danse.id, startsAt: at("2026-12-10T19:00:00Z"), capacity: 5 });
  const nextMonth = await createSession({ eventId: theatre.id, startsAt: at("2027-01-15T19:30:00Z"), capacity: 5 });
  await createSession({ eventId: theatre.id, startsAt: at("2026-11-20T19:30:00Z") }); // past
  await createSession({ eventId: draft.id, startsAt: at("2026-12-05T19:30:00Z") });
  ids = { thisWeek: thisWeek.id, nextWeek: nextWeek.id, nextMonth: nextMonth.id, theatre: theatre.id, draft: draft.id, danse: danse.id };
});

const sessionIds = async (actor: Actor, params: Record<string, string | string[]>) => (await search(actor, params)).items.map((item) => item.sessionId);

describe("the catalog", () => {
  it("lists upcoming published sessions by date, never past ones or drafts", async () => {
    expect(await sessionIds(partner, {})).toEqual([ids.thisWeek, ids.nextWeek, ids.nextMonth]);
  });

  it("filters by this week, this month and a range of dates (Paris time)", async () => {
    expect(await sessionIds(partner, { quand: "semaine" })).toEqual([ids.thisWeek]);
    expect(await sessionIds(partner, { quand: "mois" })).toEqual([ids.thisWeek, ids.nextWeek]);
    expect(await sessionIds(partner, { quand: "dates", du: "2026-12-10", au: "2027-01-15" })).toEqual([ids.nextWeek, ids.nextMonth]);
  });

  it("filters by category, town, area and accessibility of the event or the venue", async () => {
    expect(await sessionIds(partner, { categorie: "DANCE" })).toEqual([ids.nextWeek]);
    expect(await sessionIds(partner, { ville: "villeurbanne" })).toEqual([ids.nextWeek]);
    expect(await sessionIds(partner, { quartier: "Croix-Rousse" })).toEqual([ids.thisWeek, ids.nextMonth]);
    expect(await sessionIds(partner, { acces: "WHEELCHAIR" })).toEqual([ids.thisWeek, ids.nextMonth]);
    expect(await sessionIds(partner, { acces: ["SIGN_LANGUAGE", "WHEELCHAIR"] })).toEqual([]);
  });

  it("keeps only sessions with places left now", async () => {
    expect(await sessionIds(partner, { places: "1" })).toEqual([ids.nextWeek, ids.nextMonth]);
  });

  it("searches free text without minding case or accents", async () => {
    expect(await sessionIds(partner, { q: "theatre des lilas" })).toEqual([ids.thisWeek, ids.nextMonth]);
    expect(await sessionIds(partner, { q: "FÊTE" })).toEqual([ids.nextWeek]);
    expect(await sessionIds(partner, { q: "100%_" })).toEqual([]);
  });

  it("paginates and counts", async () => {
    const first = await searchSessions(partner, readCatalogFilters({}), { now: NOW, pageSize: 2 });
    expect(first).toMatchObject({ total: 3, page: 1, pageCount: 2 });
    const second = await searchSessions(partner, readCatalogFilters({ page: "2" }), { now: NOW, pageSize: 2 });
    expect(second.items.map((item) => item.sessionId)).toEqual([ids.nextMonth]);
    const beyond = await searchSessions(partner, readCatalogFilters({ page: "9" }), { now: NOW, pageSize: 2 });
    expect(beyond).toMatchObject({ items: [], total: 3, pageCount: 2 });
  });

  it("ignores unreadable filters rather than failing a shared link", async () => {
    expect(readCatalogFilters({ quand: "hier", categorie: ["DANCE", "NOPE"], page: "-3", places: "oui" })).toMatchObject({
      quand: undefined,
      categorie: ["DANCE"],
      page: 1,
      places: false,
    });
  });

  it("is open to visitors, with the towns that have sessions, and closed to the public", async () => {
    expect(await sessionIds(visitor, {})).toHaveLength(3);
    expect(await catalogPlaces(visitor, { now: NOW })).toEqual([
      { city: "Lyon", areas: ["Croix-Rousse"] },
      { city: "Villeurbanne", areas: [] },
    ]);
    await expect(search(anonymousActor, {})).rejects.toBeInstanceOf(AccessDeniedError);
  });
});

describe("the event page", () => {
  it("gives places left, the waitlist and, to a partner, what is left of its quota", async () => {
    const venue = await createVenue({ quotaRule: { create: { period: "MONTH", maxPlaces: 3, liftDaysBefore: null } } });
    const event = await createEvent({ venueId: venue.id });
    const december = await createSession({ eventId: event.id, startsAt: at("2026-12-20T19:00:00Z"), capacity: 10 });
    const january = await createSession({ eventId: event.id, startsAt: at("2027-01-20T19:00:00Z"), capacity: 10 });
    const p = await createPartner();
    const me = await partnerActor(p.id);
    await insertBooking(december.id, p.id, { places: 2 });
    await insertBooking(december.id, (await createPartner()).id, { places: 1, status: "WAITLISTED" });

    const details = await getEventDetails(me, event.id, { now: NOW });
    expect(details.canBook).toBe(true);
    expect(details.quotaRule).toEqual({ period: "MONTH", maxPlaces: 3, liftDaysBefore: null });
    expect(details.sessions.map(({ id, placesLeft, waitlistLength, quotaLeft, quotaMax, window }) => ({ id, placesLeft, waitlistLength, quotaLeft, quotaMax, window }))).toEqual([
      { id: december.id, placesLeft: 8, waitlistLength: 1, quotaLeft: 1, quotaMax: 3, window: "OPEN" },
      { id: january.id, placesLeft: 10, waitlistLength: 0, quotaLeft: 3, quotaMax: 3, window: "OPEN" },
    ]);
    // A visitor sees the same offer, without anything about a structure's quota, and cannot book.
    const seen = await getEventDetails({ kind: "visitor", partnerId: p.id }, event.id, { now: NOW });
    expect(seen.canBook).toBe(false);
    expect(seen.sessions[0]).toMatchObject({ placesLeft: 8, quotaLeft: null });
  });

  it("hides a draft from partners but shows it to its venue", async () => {
    await expect(getEventDetails(partner, ids.draft!, { now: NOW })).rejects.toBeInstanceOf(NotFoundError);
    const event = await getPrisma().event.findUniqueOrThrow({ where: { id: ids.draft } });
    const manager: Actor = { kind: "user", role: "VENUE", userId: "00000000-0000-7000-8000-000000000000", venueIds: [event.venueId] };
    await expect(getEventDetails(manager, ids.draft!, { now: NOW })).resolves.toMatchObject({ title: "Brouillon" });
    await expect(getEventDetails(partner, "pas-un-id", { now: NOW })).rejects.toBeInstanceOf(NotFoundError);
  });
});

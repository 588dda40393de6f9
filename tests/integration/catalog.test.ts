// The offer: partners and visitors find upcoming events by the dates of their sessions, category, place,
// accessibility, places left and free text, one entry per event with the sessions that match; the public
// does not see it; drafts and past sessions never show.
import { anonymousActor, type Actor } from "@/lib/auth/actor";
import { activeFilterCount, readCatalogFilters } from "@/lib/catalog/filters";
import { getEventDetails } from "@/lib/catalog/event";
import { catalogPlaces, searchSessions, SESSIONS_SHOWN, type CatalogPage } from "@/lib/catalog/search";
import { AccessDeniedError, NotFoundError } from "@/lib/errors";
import { getPrisma } from "@/lib/db/client";
import { partnerActor } from "../factories/actors";
import { createEvent, createPartner, createSession, createVenue, insertBooking } from "../factories";

const NOW = new Date("2026-12-01T10:00:00Z"); // a Tuesday
const at = (iso: string) => new Date(iso);
const search = (actor: Actor, params: Record<string, string | string[]>, options: { pageSize?: number } = {}) =>
  searchSessions(actor, readCatalogFilters(params), { now: NOW, ...options });

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

/** Each entry of the page: its event and the sessions its card lists. */
const entries = (page: CatalogPage) => page.items.map((item) => [item.eventId, item.sessions.map((session) => session.sessionId)]);
const found = async (actor: Actor, params: Record<string, string | string[]>) => entries(await search(actor, params));

describe("the catalog", () => {
  it("shows one entry per event with its upcoming sessions, never past ones or drafts", async () => {
    const page = await search(partner, {});
    expect(entries(page)).toEqual([
      [ids.theatre, [ids.thisWeek, ids.nextMonth]],
      [ids.danse, [ids.nextWeek]],
    ]);
    expect(page).toMatchObject({ totalEvents: 2, totalSessions: 3, page: 1, pageCount: 1 });
    expect(page.items[0]).toMatchObject({
      title: "Le Misanthrope",
      venueName: "Théâtre des Lilas",
      sessionCount: 2,
      firstStartsAt: at("2026-12-04T19:30:00Z"),
      lastStartsAt: at("2027-01-15T19:30:00Z"),
      // The first is full: places are left on one session, five of them.
      openSessionCount: 1,
      openPlaces: 5,
    });
    expect(page.items[0]!.sessions).toEqual([
      { sessionId: ids.thisWeek, startsAt: at("2026-12-04T19:30:00Z"), placesLeft: 0, waitlistLength: 0, window: "OPEN" },
      { sessionId: ids.nextMonth, startsAt: at("2027-01-15T19:30:00Z"), placesLeft: 5, waitlistLength: 0, window: "OPEN" },
    ]);
  });

  it("filters by this week, this month and a range of dates (Paris time), showing only the sessions in them", async () => {
    expect(await found(partner, { quand: "semaine" })).toEqual([[ids.theatre, [ids.thisWeek]]]);
    expect(await found(partner, { quand: "mois" })).toEqual([
      [ids.theatre, [ids.thisWeek]],
      [ids.danse, [ids.nextWeek]],
    ]);
    // An event comes in the order of its first session in the range.
    expect(await found(partner, { quand: "dates", du: "2026-12-10", au: "2027-01-15" })).toEqual([
      [ids.danse, [ids.nextWeek]],
      [ids.theatre, [ids.nextMonth]],
    ]);
  });

  it("filters by category, town, area and accessibility of the event or the venue", async () => {
    expect(await found(partner, { categorie: "DANCE" })).toEqual([[ids.danse, [ids.nextWeek]]]);
    expect(await found(partner, { ville: "villeurbanne" })).toEqual([[ids.danse, [ids.nextWeek]]]);
    expect(await found(partner, { quartier: "Croix-Rousse" })).toEqual([[ids.theatre, [ids.thisWeek, ids.nextMonth]]]);
    expect(await found(partner, { acces: "WHEELCHAIR" })).toEqual([[ids.theatre, [ids.thisWeek, ids.nextMonth]]]);
    expect(await found(partner, { acces: ["SIGN_LANGUAGE", "WHEELCHAIR"] })).toEqual([]);
  });

  it("keeps only sessions with places left now, and counts only those", async () => {
    const page = await search(partner, { places: "1" });
    expect(entries(page)).toEqual([
      [ids.danse, [ids.nextWeek]],
      [ids.theatre, [ids.nextMonth]],
    ]);
    expect(page).toMatchObject({ totalEvents: 2, totalSessions: 2 });
    expect(page.items[1]).toMatchObject({ sessionCount: 1, firstStartsAt: at("2027-01-15T19:30:00Z") });
  });

  it("searches free text without minding case or accents", async () => {
    expect(await found(partner, { q: "theatre des lilas" })).toEqual([[ids.theatre, [ids.thisWeek, ids.nextMonth]]]);
    expect(await found(partner, { q: "FÊTE" })).toEqual([[ids.danse, [ids.nextWeek]]]);
    expect(await found(partner, { q: "100%_" })).toEqual([]);
  });

  it("answers free text from the trigram indexes, folding accents in the database as in the search (issue 14)", async () => {
    const prisma = getPrisma();
    const rows = await prisma.$queryRaw<{ folded: string }[]>`SELECT search_fold('Théâtre ÉCOLE Noël Façade') AS folded`;
    expect(rows[0]?.folded).toBe("theatre ecole noel facade");
    // With sequential scans made costly, the plan of the search reaches events and venues through their indexes.
    const plan = await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>`
        EXPLAIN SELECT 1 FROM "Event" e WHERE e."id" IN (SELECT "id" FROM "Event" WHERE search_fold("title" || ' ' || "description") LIKE '%lilas%')
                 OR e."venueId" IN (SELECT "id" FROM "Venue" WHERE search_fold("name" || ' ' || "city") LIKE '%lilas%')`;
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("Event_search_trgm");
    expect(plan).toContain("Venue_search_trgm");
  });

  it("ignores unreadable filters rather than failing a shared link", async () => {
    const filters = readCatalogFilters({ quand: "hier", categorie: ["DANCE", "NOPE"], page: "-3", places: "oui" });
    expect(filters).toMatchObject({ categories: ["DANCE"], page: 1, withPlaces: false });
    expect(filters.when).toBeUndefined();
  });

  it("counts the filters chosen, for the phone's button", () => {
    expect(activeFilterCount(readCatalogFilters({}))).toBe(0);
    expect(activeFilterCount(readCatalogFilters({ quand: "tout", page: "3" }))).toBe(0);
    expect(activeFilterCount(readCatalogFilters({ du: "2026-12-10", au: "2027-01-15", acces: ["WHEELCHAIR", "SIGN_LANGUAGE"], places: "1", q: "lilas" }))).toBe(
      5,
    );
  });

  it("is open to visitors, with the towns that have sessions, and closed to the public", async () => {
    expect(await found(visitor, {})).toEqual(await found(partner, {}));
    expect(await catalogPlaces(visitor, { now: NOW })).toEqual([
      { city: "Lyon", areas: ["Croix-Rousse"] },
      { city: "Villeurbanne", areas: [] },
    ]);
    await expect(search(anonymousActor, {})).rejects.toBeInstanceOf(AccessDeniedError);
  });
});

describe("the catalog's pages", () => {
  // A town of its own, so that these events stay apart from the ones above.
  const town = { ville: "Vienne" };
  let festival: { id: string; sessions: string[] };
  let others: string[];

  beforeAll(async () => {
    const venue = await createVenue({ name: "Théâtre antique", city: "Vienne" });
    const event = await createEvent({ venueId: venue.id, title: "Jazz à Vienne", category: "FESTIVAL" });
    // Fifteen evenings from the 3rd of December; the fourth is full and the last opens later.
    const sessions = [];
    for (let day = 0; day < 15; day++) {
      const opensLater = day === 14 ? { bookingOpensAt: at("2026-12-05T09:00:00Z") } : {};
      sessions.push(
        await createSession({ eventId: event.id, startsAt: at(`2026-12-${String(3 + day).padStart(2, "0")}T19:00:00Z`), capacity: 4, ...opensLater }),
      );
    }
    const partnerId = (await createPartner()).id;
    await insertBooking(sessions[3]!.id, partnerId, { places: 4 });
    await insertBooking(sessions[3]!.id, partnerId, { places: 1, status: "WAITLISTED" });
    festival = { id: event.id, sessions: sessions.map((session) => session.id) };
    const before = await createEvent({ venueId: venue.id, title: "Ouverture" });
    const after = await createEvent({ venueId: venue.id, title: "Clôture" });
    await createSession({ eventId: before.id, startsAt: at("2026-12-02T19:00:00Z") });
    await createSession({ eventId: after.id, startsAt: at("2026-12-20T19:00:00Z") });
    others = [before.id, after.id];
  });

  it("gives an event of fifteen sessions one entry, with its first sessions and what the others hold", async () => {
    const page = await search(partner, town);
    expect(page.items.map((item) => item.eventId)).toEqual([others[0], festival.id, others[1]]);
    expect(page).toMatchObject({ totalEvents: 3, totalSessions: 17, pageCount: 1 });
    const card = page.items[1]!;
    expect(card).toMatchObject({
      sessionCount: 15,
      firstStartsAt: at("2026-12-03T19:00:00Z"),
      lastStartsAt: at("2026-12-17T19:00:00Z"),
      // Places now on 13 sessions of 4 places: not the full one, not the one that opens later.
      openSessionCount: 13,
      openPlaces: 52,
    });
    expect(card.sessions.map((session) => session.sessionId)).toEqual(festival.sessions.slice(0, SESSIONS_SHOWN));
    expect(card.sessions[3]).toMatchObject({ placesLeft: 0, waitlistLength: 1, window: "OPEN" });
  });

  it("says when a session is not open for booking yet, and leaves it out of the places left now", async () => {
    const last = (await search(partner, { ...town, quand: "dates", du: "2026-12-17", au: "2026-12-17" })).items[0]!;
    expect(last).toMatchObject({ eventId: festival.id, sessionCount: 1, openSessionCount: 0, openPlaces: 0 });
    expect(last.sessions).toEqual([expect.objectContaining({ sessionId: festival.sessions[14], placesLeft: 4, window: "NOT_YET_OPEN" })]);
    const open = await search(partner, { ...town, places: "1" });
    expect(open.items.find((item) => item.eventId === festival.id)).toMatchObject({ sessionCount: 13 });
    expect(open).toMatchObject({ totalEvents: 3, totalSessions: 15 });
  });

  it("pages by events, not by sessions, and counts both", async () => {
    const first = await search(partner, town, { pageSize: 2 });
    expect(first.items.map((item) => item.eventId)).toEqual([others[0], festival.id]);
    expect(first).toMatchObject({ totalEvents: 3, totalSessions: 17, page: 1, pageCount: 2 });
    const second = await search(partner, { ...town, page: "2" }, { pageSize: 2 });
    expect(second.items.map((item) => item.eventId)).toEqual([others[1]]);
    expect(second).toMatchObject({ totalEvents: 3, totalSessions: 17, page: 2, pageCount: 2 });
    // A page past the end is empty but keeps the counts, so the pager can go back.
    const beyond = await search(partner, { ...town, page: "9" }, { pageSize: 2 });
    expect(beyond).toMatchObject({ items: [], totalEvents: 3, totalSessions: 17, pageCount: 2 });
    expect(await search(partner, { ville: "Nulle part" })).toMatchObject({ items: [], totalEvents: 0, totalSessions: 0, pageCount: 1 });
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
    expect(
      details.sessions.map(({ id, placesLeft, waitlistLength, quotaLeft, quotaMax, window }) => ({
        id,
        placesLeft,
        waitlistLength,
        quotaLeft,
        quotaMax,
        window,
      })),
    ).toEqual([
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

describe("the towns of the catalog's filter (issue 14)", () => {
  it("are read again once a change of the offer goes through lib: an event published or cancelled, sessions added or cancelled, a venue's town", async () => {
    const cache = await import("@/lib/catalog/places-cache");
    const { addSessions } = await import("@/lib/venue/add-sessions");
    const { cancelEvent, publishEvent } = await import("@/lib/venue/events");
    const { updateVenueProfile, getVenueProfile } = await import("@/lib/venue/profile");
    const { cancelSession } = await import("@/lib/booking/sessions");
    const { venueActor } = await import("../factories/actors");
    const venue = await createVenue({ name: "Salle des fêtes", city: "Givors" });
    const manager = await venueActor(venue.id);
    const event = await createEvent({ venueId: venue.id, title: "Bal", status: "DRAFT" });
    // Whether the kept towns were dropped: a read through the cache then loads again (and keeps again).
    const dropped = async () => {
      const load = jest.fn(async () => []);
      await cache.keptPlaces(load);
      return load.mock.calls.length === 1;
    };
    await cache.keptPlaces(async () => []);
    expect(await dropped()).toBe(false);

    await addSessions(manager, { eventId: event.id, from: "2027-02-01", times: ["20:00"], capacity: "5" }, { now: NOW });
    expect(await dropped()).toBe(true);
    await publishEvent(manager, { eventId: event.id }, { now: NOW });
    expect(await dropped()).toBe(true);
    const [session] = await getPrisma().session.findMany({ where: { eventId: event.id } });
    await cancelSession(manager, { sessionId: session!.id }, { now: NOW });
    expect(await dropped()).toBe(true);
    const profile = await getVenueProfile(manager, venue.id);
    await updateVenueProfile(manager, { ...profile, venueId: venue.id, city: "Vienne" });
    expect(await dropped()).toBe(true);
    await cancelEvent(manager, { eventId: event.id }, { now: NOW });
    expect(await dropped()).toBe(true);
    expect(await dropped()).toBe(false);
  });
});

describe("the catalog's recent pages (issue 14)", () => {
  it("serves the same page for a few seconds, computes a given instant afresh, and forgets when the offer changes", async () => {
    const { offerChanged } = await import("@/lib/catalog/places-cache");
    const partner = await partnerActor((await createPartner()).id);
    const filters = readCatalogFilters({ q: "recent" });
    offerChanged();
    const first = await searchSessions(partner, filters);
    expect(await searchSessions(partner, filters)).toBe(first);
    expect(await searchSessions(partner, readCatalogFilters({ q: "autre" }))).not.toBe(first);
    expect(await searchSessions(partner, filters, { now: NOW })).not.toBe(first);
    offerChanged();
    expect(await searchSessions(partner, filters)).not.toBe(first);
    await expect(searchSessions(anonymousActor, filters)).rejects.toBeInstanceOf(AccessDeniedError);
  });
});

describe("an event or a venue without its accessibility list", () => {
  it("is listed with none rather than breaking the page (the column still allows an explicit NULL)", async () => {
    const partner = await partnerActor((await createPartner()).id);
    const event = await createEvent({ venueId: (await createVenue({ city: "Lyon" })).id, title: "Sans liste d'accès" });
    await createSession({ eventId: event.id, startsAt: at("2026-12-12T19:30:00Z") });
    await getPrisma().$executeRaw`UPDATE "Event" SET "accessibility" = NULL WHERE "id" = ${event.id}::uuid`;
    const page = await search(partner, { q: "sans liste" });
    expect(page.items.map((item) => [item.eventId, item.accessibility])).toEqual([[event.id, []]]);
  });

  it("written in SQL, has none, as Prisma writes it (the column's default): the pages never meet a missing list", async () => {
    const [venue] = await getPrisma().$queryRaw<{ id: string; accessibility: string[] }[]>`
      INSERT INTO "Venue" ("id", "slug", "name", "kind", "addressLine", "postalCode", "city", "ticketOfficePhone", "updatedAt")
      VALUES (gen_random_uuid(), 'ecrit-en-sql', 'Écrit en SQL', 'THEATRE', '1 rue de la Scène', '69001', 'Lyon', '04 00 00 00 00', now())
      RETURNING "id"::text, "accessibility"::text[]`;
    const [event] = await getPrisma().$queryRaw<{ accessibility: string[] }[]>`
      INSERT INTO "Event" ("id", "venueId", "title", "description", "category", "updatedAt")
      VALUES (gen_random_uuid(), ${venue!.id}::uuid, 'Écrit en SQL', '', 'THEATRE', now())
      RETURNING "accessibility"::text[]`;
    expect([venue!.accessibility, event!.accessibility]).toEqual([[], []]);
  });
});

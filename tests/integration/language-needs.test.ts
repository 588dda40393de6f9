// Issue 34.4: "Pas besoin de parler français". An event says how much French it needs (none: dance,
// circus, music, mime, images; surtitled; performed in another language); the offer filters on it in
// the partner's catalogue and in the person's offer (both readings read lib/catalog/search), and the
// person's offer shows those events first.
import type { Actor } from "@/lib/auth/actor";
import { catalogQuery, readCatalogFilters } from "@/lib/catalog/filters";
import { searchSessions } from "@/lib/catalog/search";
import { getPrisma } from "@/lib/db/client";
import { updateEventAction } from "@/app/lieu/actions";
import { adminActor, partnerActor, venueActor } from "../factories/actors";
import { computeFigures } from "@/lib/stats/figures";
import { seasonRange } from "@/lib/time";
import { createEvent, createPartner, createSession, createVenue, insertBooking } from "../factories";

let actorForActions: Actor;
jest.mock("@/lib/auth/current", () => ({ currentActor: async () => actorForActions }));
jest.mock("next/cache", () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));
// next-intl reads the request's locale in a server component; here the French catalog is given directly.
jest.mock("@/lib/i18n/server", () => {
  const { createTranslator } = jest.requireActual<typeof import("use-intl/core")>("use-intl/core");
  const messages = jest.requireActual<{ default: Record<string, unknown> }>("@/messages/fr").default;
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: "fr", messages, namespace: namespace as never }) };
});

const NOW = new Date("2026-12-01T10:00:00Z");
const at = (iso: string) => new Date(iso);
const titles = async (actor: Actor, params: Record<string, string>) =>
  (await searchSessions(actor, readCatalogFilters(params), { now: NOW })).items.map((item) => [item.title, item.frenchNeed, item.performedIn]);

let partner: Actor;
let visitor: Actor;

beforeAll(async () => {
  const p = await createPartner();
  partner = await partnerActor(p.id);
  visitor = { kind: "visitor", partnerId: p.id };
  const venue = await createVenue({ name: "Le Toboggan", city: "Décines" });
  const play = await createEvent({ venueId: venue.id, title: "Le Misanthrope", category: "THEATRE" });
  const circus = await createEvent({ venueId: venue.id, title: "Cirque Plume", category: "CIRCUS", frenchNeed: "NONE" });
  const opera = await createEvent({ venueId: venue.id, title: "La Traviata", category: "MUSIC", frenchNeed: "SURTITLED" });
  const poetry = await createEvent({ venueId: venue.id, title: "Poèmes de Kyiv", category: "THEATRE", frenchNeed: "OTHER_LANGUAGE", performedIn: "uk" });
  await createSession({ eventId: play.id, startsAt: at("2026-12-03T19:30:00Z") });
  await createSession({ eventId: circus.id, startsAt: at("2026-12-05T19:30:00Z") });
  await createSession({ eventId: opera.id, startsAt: at("2026-12-04T19:30:00Z") });
  await createSession({ eventId: poetry.id, startsAt: at("2026-12-06T19:30:00Z") });
});

describe("the offer without French", () => {
  it("keeps the catalogue's order of dates for a partner, and says what each event needs", async () => {
    expect(await titles(partner, {})).toEqual([
      ["Le Misanthrope", "FRENCH", null],
      ["La Traviata", "SURTITLED", null],
      ["Cirque Plume", "NONE", null],
      ["Poèmes de Kyiv", "OTHER_LANGUAGE", "uk"],
    ]);
  });

  it("filters the partner's catalogue on events one can follow without French (?sans-francais=1)", async () => {
    expect((await titles(partner, { "sans-francais": "1" })).map(([title]) => title)).toEqual(["La Traviata", "Cirque Plume", "Poèmes de Kyiv"]);
  });

  it("shows the person those events first, then the others, and filters the same way", async () => {
    expect((await titles(visitor, {})).map(([title]) => title)).toEqual(["La Traviata", "Cirque Plume", "Poèmes de Kyiv", "Le Misanthrope"]);
    expect((await titles(visitor, { "sans-francais": "1" })).map(([title]) => title)).toEqual(["La Traviata", "Cirque Plume", "Poèmes de Kyiv"]);
  });

  it("reads the French URL word into an English name and writes it back", () => {
    const filters = readCatalogFilters({ "sans-francais": "1" });
    expect(filters.withoutFrench).toBe(true);
    expect(readCatalogFilters({ "sans-francais": "oui" }).withoutFrench).toBe(false);
    expect(catalogQuery(filters)).toBe("?sans-francais=1");
  });
});

describe("the venue says how much French its event needs (issue 34.4)", () => {
  const form = (entries: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(entries)) data.set(name, value);
    return data;
  };
  const fields = { title: "Kyiv en poèmes", description: "Des poèmes dits en ukrainien.", category: "THEATRE" };

  it("records a performance in another language, with the language", async () => {
    const venue = await createVenue();
    actorForActions = await venueActor(venue.id);
    const event = await createEvent({ venueId: venue.id });
    const answer = await updateEventAction({ ok: false }, form({ ...fields, eventId: event.id, frenchNeed: "OTHER_LANGUAGE", performedIn: "uk" }));
    expect(answer.ok).toBe(true);
    expect(await getPrisma().event.findUniqueOrThrow({ where: { id: event.id }, select: { frenchNeed: true, performedIn: true } })).toEqual({
      frenchNeed: "OTHER_LANGUAGE",
      performedIn: "uk",
    });
    // Back to "no French needed": the language goes with it.
    await updateEventAction({ ok: false }, form({ ...fields, eventId: event.id, frenchNeed: "NONE", performedIn: "uk" }));
    expect(await getPrisma().event.findUniqueOrThrow({ where: { id: event.id }, select: { frenchNeed: true, performedIn: true } })).toEqual({
      frenchNeed: "NONE",
      performedIn: null,
    });
  });

  it("lets the association set it on any venue's event, with the same form", async () => {
    const event = await createEvent({ venueId: (await createVenue()).id });
    actorForActions = await adminActor();
    expect((await updateEventAction({ ok: false }, form({ ...fields, eventId: event.id, frenchNeed: "SURTITLED" }))).ok).toBe(true);
    expect((await getPrisma().event.findUniqueOrThrow({ where: { id: event.id } })).frenchNeed).toBe("SURTITLED");
  });

  it("refuses, in French, an unknown need, a missing language and a language that is not a code", async () => {
    const venue = await createVenue();
    actorForActions = await venueActor(venue.id);
    const event = await createEvent({ venueId: venue.id });
    const refused = async (entries: Record<string, string>) =>
      (await updateEventAction({ ok: false }, form({ ...fields, eventId: event.id, ...entries }))).fieldErrors ?? {};
    expect(await refused({ frenchNeed: "PEU" })).toMatchObject({ frenchNeed: ["Cette valeur n'est pas valide."] });
    expect(await refused({ frenchNeed: "OTHER_LANGUAGE" })).toMatchObject({ performedIn: ["Choisissez la langue de l'événement."] });
    expect(await refused({ frenchNeed: "OTHER_LANGUAGE", performedIn: "<script>" })).toMatchObject({
      performedIn: ["Choisissez la langue de l'événement."],
    });
    expect((await getPrisma().event.findUniqueOrThrow({ where: { id: event.id } })).frenchNeed).toBe("FRENCH");
  });
});

describe("the association's statistics (issue 34.4)", () => {
  it("count the outings and places on events one can follow without French, by what they need", async () => {
    const p = await createPartner();
    const venue = await createVenue();
    const circus = await createEvent({ venueId: venue.id, title: "Cirque", category: "CIRCUS", frenchNeed: "NONE" });
    const poetry = await createEvent({ venueId: venue.id, title: "Poèmes", frenchNeed: "OTHER_LANGUAGE", performedIn: "uk" });
    const play = await createEvent({ venueId: venue.id, title: "Pièce" });
    const day = (eventId: string) => createSession({ eventId, startsAt: at("2035-02-10T19:00:00Z"), capacity: 10 });
    await insertBooking((await day(circus.id)).id, p.id, { places: 3 });
    await insertBooking((await day(poetry.id)).id, p.id, { places: 2 });
    await insertBooking((await day(play.id)).id, p.id, { places: 4 });
    // The event's need as it was when booked: a later change leaves the figure as it was.
    await getPrisma().event.update({ where: { id: circus.id }, data: { frenchNeed: "FRENCH" } });

    const rows = (await computeFigures(seasonRange(2034), { now: NOW })).filter((row) => row.dimension === "french");
    const confirmed = Object.fromEntries(rows.map((row) => [row.key, row.confirmed]));
    expect(confirmed).toEqual({ NONE: 3, OTHER_LANGUAGE: 2, FRENCH: 4 });
  });
});

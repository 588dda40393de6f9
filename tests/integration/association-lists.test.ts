// Issue 11, "every list sortable, with a CSV export where a spreadsheet user would want one": the
// association's lists (bookings, journal, venues, memberships, structures) sorted by `tri` (a column of
// the list's whitelist) and `ordre` (asc|desc, the column's natural direction without it), the id breaking
// ties; a `tri` outside the whitelist is ignored (the default order), never an error. The CSV exports of
// bookings, journal and venues hold every matching row (not only the page) as filtered and sorted, and no
// personal data of the people supported.
import { readBookingSearch, bookingsCsv, searchBookings } from "@/lib/association/bookings";
import { journalCsv, readJournalFilters, listJournal } from "@/lib/association/journal";
import { listMemberships, readMembershipFilters } from "@/lib/association/memberships";
import { sortOf, sortParams } from "@/lib/lists";
import { listStructures, readStructureFilters, STRUCTURE_SORTS } from "@/lib/association/structures";
import { listVenues, readVenueFilters, venuesCsv } from "@/lib/association/venues";
import type { Actor } from "@/lib/auth/actor";
import { AccessDeniedError } from "@/lib/errors";
import { getPrisma } from "@/lib/db/client";
import { parisTime } from "@/lib/time";
import { adminActor, partnerActor } from "../factories/actors";
import { createEvent, createPartner, createSession, createVenue, insertBooking } from "../factories";
import { statementsOf } from "../support/statements";

jest.setTimeout(60_000);

let admin: Actor;
beforeAll(async () => {
  admin = await adminActor();
});

/** The CSV's lines without the byte-order mark, each split on its semicolons (no cell here holds one). */
const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(";"));

/**
 * Four bookings of a title found nowhere else: structures Alpha, Bravo, Charlie (twice, with the same
 * places, to test the tie-break), at venues Zèbre, Yak, Xérus, requested one minute apart.
 */
async function bookingsWorld(title: string) {
  const [alpha, bravo, charlie] = await Promise.all(["Alpha", "Bravo", "Charlie"].map((name) => createPartner({ name: `${name} ${title}` })));
  const venues = await Promise.all(["Zèbre", "Yak", "Xérus"].map((name) => createVenue({ name: `${name} ${title}` })));
  const sessions = await Promise.all(
    venues.map(
      async (venue, index) =>
        (await createSession({ eventId: (await createEvent({ venueId: venue.id, title })).id, startsAt: parisTime(`2027-0${index + 3}-10`, 20) })).id,
    ),
  );
  const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));
  const b1 = await insertBooking(sessions[0]!, alpha!.id, { places: 3, requestedAt: at(1) });
  const b2 = await insertBooking(sessions[1]!, bravo!.id, { places: 1, requestedAt: at(2), status: "WAITLISTED" });
  const b3 = await insertBooking(sessions[2]!, charlie!.id, { places: 2, requestedAt: at(3) });
  const b4 = await insertBooking(sessions[2]!, charlie!.id, { places: 2, requestedAt: at(4) });
  // Names no list may carry: the guests of these bookings.
  for (const [index, booking] of [b1, b2, b3, b4].entries()) {
    await getPrisma().bookingGuest.updateMany({ where: { bookingId: booking.id, position: 0 }, data: { firstName: `Mariama${index}`, lastName: "Kouyaté" } });
  }
  return { alpha: alpha!, bravo: bravo!, charlie: charlie!, venues, ids: [b1.id, b2.id, b3.id, b4.id] };
}

describe("the sort convention (tri, ordre)", () => {
  const columns = { nom: "asc", recent: "desc" } as const;

  it("reads the column and its direction, the column's natural one without ordre, the default without tri", () => {
    expect(sortOf(columns, "recent", undefined, "asc")).toEqual({ column: "recent", direction: "desc" });
    expect(sortOf(columns, "recent", "nom", undefined)).toEqual({ column: "nom", direction: "asc" });
    expect(sortOf(columns, "recent", "nom", "desc")).toEqual({ column: "nom", direction: "desc" });
  });

  it("links a header to its natural direction, or to the other one when it already sorts the list", () => {
    expect(sortParams(columns, { column: "recent", direction: "desc" }, "nom")).toEqual({ sort: "nom", direction: undefined });
    expect(sortParams(columns, { column: "nom", direction: "asc" }, "nom")).toEqual({ sort: "nom", direction: "desc" });
    expect(sortParams(columns, { column: "nom", direction: "desc" }, "nom")).toEqual({ sort: "nom", direction: undefined });
    expect(sortParams(STRUCTURE_SORTS, { column: "recent", direction: "desc" }, "recent")).toEqual({ sort: "recent", direction: "asc" });
  });
});

describe("sorting every booking", () => {
  const title = "Tri des réservations";
  let world: Awaited<ReturnType<typeof bookingsWorld>>;
  beforeAll(async () => {
    world = await bookingsWorld(title);
  });
  const ids = async (query: Record<string, string>, options?: { pageSize: number }) =>
    (await searchBookings(admin, readBookingSearch({ spectacle: title, ...query }), options)).bookings.map((b) => b.id);

  it("keeps its default order, the latest requests first", async () => {
    const [b1, b2, b3, b4] = world.ids;
    expect(await ids({})).toEqual([b4, b3, b2, b1]);
  });

  it("sorts by structure, venue, session, status and number, either way, the id breaking ties", async () => {
    const [b1, b2, b3, b4] = world.ids as [string, string, string, string];
    const [low, high] = [b3, b4].sort();
    expect(await ids({ tri: "structure" })).toEqual([b1, b2, low, high]);
    expect(await ids({ tri: "structure", ordre: "desc" })).toEqual([high, low, b2, b1]);
    // Venues Xérus < Yak < Zèbre.
    expect(await ids({ tri: "lieu" })).toEqual([low, high, b2, b1]);
    expect(await ids({ tri: "seance", ordre: "desc" })).toEqual([high, low, b2, b1]);
    // Places: the most first (natural), two bookings of 2 places in the id's order.
    expect(await ids({ tri: "places" })).toEqual([b1, high, low, b2]);
    expect(await ids({ tri: "places", ordre: "asc" })).toEqual([b2, low, high, b1]);
    expect((await ids({ tri: "etat" })).at(-1)).toBe(b2);
    const numbers = await getPrisma().booking.findMany({ where: { id: { in: world.ids } }, orderBy: [{ number: "asc" }, { id: "asc" }], select: { id: true } });
    expect(await ids({ tri: "numero" })).toEqual(numbers.map((row) => row.id));
  });

  it("pages through a sorted list with no booking twice or missing", async () => {
    const first = await ids({ tri: "places", page: "1" }, { pageSize: 3 });
    const second = await ids({ tri: "places", page: "2" }, { pageSize: 3 });
    expect([...first, ...second]).toEqual(await ids({ tri: "places" }));
  });

  it("ignores a column outside its whitelist (and a direction alone): the default order, never an error", async () => {
    const odd = readBookingSearch({ tri: "guests.firstName", ordre: "sideways" });
    expect([odd.sort, odd.direction]).toEqual([undefined, undefined]);
    const byDefault = await ids({});
    expect(await ids({ tri: "nom" })).toEqual(byDefault);
    expect(await ids({ tri: '\'; DROP TABLE "Booking"; --' })).toEqual(byDefault);
    expect(await ids({ ordre: "asc" })).toEqual(byDefault);
  });

  it("finds a booking by a guest's name carrying only the guest it matched in its rows (issue 29.9)", async () => {
    const found = await searchBookings(admin, readBookingSearch({ nom: "kouyaté mariama2", spectacle: title }));
    expect(found.bookings.map((b) => b.id)).toEqual([world.ids[2]]);
    expect(Object.keys(found.bookings[0]!).sort()).toEqual(["id", "matchedGuests", "number", "partner", "past", "places", "requestedAt", "session", "status"]);
    expect(found.bookings[0]!.matchedGuests).toEqual([{ firstName: "Mariama2", lastName: "Kouyaté" }]);
    // The other guests of the booking are not carried.
    expect(
      JSON.stringify(found)
        .match(/"firstName":"[^"]*"/g)
        ?.every((name) => name === '"firstName":"Mariama2"'),
    ).toBe(true);
  });
});

describe("the bookings' CSV", () => {
  const title = "Export des réservations";
  let world: Awaited<ReturnType<typeof bookingsWorld>>;
  beforeAll(async () => {
    world = await bookingsWorld(title);
  });

  it("has every booking found (not only a page), in the list's order, without the guests' names", async () => {
    const csv = await bookingsCsv(admin, readBookingSearch({ spectacle: title, tri: "structure", ordre: "desc", page: "2" }), { labels: (key) => `«${key}»` });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = lines(csv);
    expect(header).toEqual(["Numéro", "Événement", "Séance", "Lieu", "Structure", "Places", "État", "Demandée le"]);
    expect(rows.map((row) => row[4])).toEqual([`Charlie ${title}`, `Charlie ${title}`, `Bravo ${title}`, `Alpha ${title}`]);
    expect(rows.at(-1)).toEqual([
      expect.stringMatching(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/),
      title,
      "2027-03-10 20:00",
      `Zèbre ${title}`,
      `Alpha ${title}`,
      "3",
      "«bookingStatus.CONFIRMED»",
      "2026-12-01 11:01",
    ]);
    expect(csv).not.toMatch(/Kouyaté|Mariama|Prénom/);
  });

  it("keeps the list's filters, searches guests' names without writing them, and stops at its cap", async () => {
    expect(
      lines(await bookingsCsv(admin, readBookingSearch({ spectacle: title, structure: world.bravo.id })))
        .slice(1)
        .map((row) => row[4]),
    ).toEqual([`Bravo ${title}`]);
    expect(lines(await bookingsCsv(admin, readBookingSearch({ spectacle: title, etat: "WAITLISTED" }))).length).toBe(2);
    const byName = await bookingsCsv(admin, readBookingSearch({ nom: "Mariama0 Kouyaté", spectacle: title }));
    expect(
      lines(byName)
        .slice(1)
        .map((row) => row[4]),
    ).toEqual([`Alpha ${title}`]);
    expect(byName).not.toMatch(/Kouyaté|Mariama/);
    expect(lines(await bookingsCsv(admin, readBookingSearch({ spectacle: title }), { maxRows: 2 })).length).toBe(3);
    // Nothing found: the header alone.
    expect(lines(await bookingsCsv(admin, readBookingSearch({ spectacle: "Aucun titre pareil" })))).toHaveLength(1);
  });

  it("refuses a query that is not a URL's parameters", async () => {
    await expect(bookingsCsv(admin, 42)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(bookingsCsv(await partnerActor(world.alpha.id), readBookingSearch({ spectacle: title }))).rejects.toBeInstanceOf(AccessDeniedError);
  });
});

describe("the journal, sorted and as CSV", () => {
  // Entries of March 2031 only (the du/au filter), written as the audit log holds them.
  const day = "2031-03-";
  let ids: string[];
  let bookingId: string;
  beforeAll(async () => {
    const partner = await createPartner({ name: "Structure du journal" });
    const { id: sessionId } = await createSession();
    bookingId = (await insertBooking(sessionId, partner.id)).id;
    await getPrisma().bookingGuest.updateMany({ where: { bookingId }, data: { firstName: "Oumou", lastName: "Sangaré" } });
    const [zoe, bernard] = await Promise.all(
      ["Zoé Vidal", "Bernard Aubry"].map((name) =>
        getPrisma().user.create({ data: { email: `${name.split(" ")[0]!.toLowerCase()}@exemple.test`, name, role: "ADMIN" } }),
      ),
    );
    const entries = [
      {
        at: new Date(`${day}02T09:00:00Z`),
        actorUserId: zoe!.id,
        actorKind: "admin",
        action: "booking.cancelled",
        entityType: "Booking",
        entityId: bookingId,
        before: { status: "CONFIRMED" },
        after: { status: "CANCELLED", code: "GUEST_UNAVAILABLE" },
      },
      {
        at: new Date(`${day}01T09:00:00Z`),
        actorUserId: bernard!.id,
        actorKind: "admin",
        action: "partner.updated",
        entityType: "Partner",
        entityId: partner.id,
      },
      {
        at: new Date(`${day}03T09:00:00Z`),
        actorUserId: null,
        actorKind: "system",
        action: "booking.confirmed",
        entityType: "Booking",
        entityId: bookingId,
        after: { places: 1 },
      },
      {
        at: new Date(`${day}02T09:00:00Z`),
        actorUserId: bernard!.id,
        actorKind: "admin",
        action: "venue.created",
        entityType: "Venue",
        entityId: (await createVenue()).id,
        after: { name: "Salle neuve" },
      },
    ];
    ids = [];
    for (const entry of entries) ids.push(String((await getPrisma().auditLog.create({ data: entry })).id));
  });
  const march = { du: `${day}01`, au: `${day}31` };
  const order = async (query: Record<string, string>) =>
    (await listJournal(admin, readJournalFilters({ ...march, ...query }))).entries.map((entry) => entry.id);

  it("keeps its default order (the latest recorded first) and sorts by date, actor, action and object, the id breaking ties", async () => {
    const [e1, e2, e3, e4] = ids as [string, string, string, string];
    expect(await order({})).toEqual([e4, e3, e2, e1]);
    // e1 and e4 are at the same instant: the id decides, in the direction asked.
    expect(await order({ tri: "date" })).toEqual([e3, e4, e1, e2]);
    expect(await order({ tri: "date", ordre: "asc" })).toEqual([e2, e1, e4, e3]);
    // Bernard, Bernard, Zoé, then the platform (no account) last either way.
    expect(await order({ tri: "acteur" })).toEqual([e2, e4, e1, e3]);
    expect(await order({ tri: "acteur", ordre: "desc" })).toEqual([e1, e4, e2, e3]);
    expect(await order({ tri: "action" })).toEqual([e1, e3, e2, e4]);
    expect(await order({ tri: "objet" })).toEqual([e1, e3, e2, e4]);
  });

  it("ignores a column outside its whitelist: the default order", async () => {
    const odd = readJournalFilters({ tri: 'a."before"', ordre: "up" });
    expect([odd.sort, odd.direction]).toEqual([undefined, undefined]);
    expect(await order({ tri: "before" })).toEqual(await order({}));
  });

  it("exports every matching entry in the journal's order, with what the page shows and no guest's name", async () => {
    const labels = (key: string) => (key === "action.booking.cancelled" ? "Réservation annulée" : key === "actorKind.admin" ? "Association" : undefined);
    const csv = await journalCsv(admin, readJournalFilters({ ...march, tri: "date", ordre: "asc", type: "Booking" }), { labels });
    const [header, ...rows] = lines(csv);
    expect(header).toEqual(["Date", "Qui", "Type de compte", "Action", "Code de l'action", "Objet", "Identifiant de l'objet", "Détails"]);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.slice(0, 7)).toEqual(["2031-03-02 10:00", "Zoé Vidal", "Association", "Réservation annulée", "booking.cancelled", "Booking", bookingId]);
    expect(rows[0]![7]).toBe("status : CONFIRMED → CANCELLED · code : GUEST_UNAVAILABLE");
    expect(rows[1]!.slice(0, 5)).toEqual(["2031-03-03 10:00", "", "system", "booking.confirmed", "booking.confirmed"]);
    // The people supported are never in it, nor the accounts' addresses (the page shows neither).
    expect(csv).not.toMatch(/Oumou|Sangaré|@exemple\.test/);
    // Filters respected: by object; the cap.
    expect(lines(await journalCsv(admin, readJournalFilters({ ...march, objet: bookingId }))).length).toBe(3);
    expect(lines(await journalCsv(admin, readJournalFilters(march), { maxRows: 1 })).length).toBe(2);
    // In the journal's default order without tri: the latest recorded first.
    expect(
      lines(await journalCsv(admin, readJournalFilters({ ...march, type: "Booking" })))
        .slice(1)
        .map((row) => row[3]),
    ).toEqual(["booking.confirmed", "booking.cancelled"]);
  });
});

describe("venues, sorted and as CSV", () => {
  const token = "Tri-des-lieux";
  let ids: Record<string, string>;
  beforeAll(async () => {
    ids = {};
    for (const [name, city] of [
      ["Atelier", "Villeurbanne"],
      ["Bastion", "Lyon"],
      ["Comédie", "Lyon"],
    ] as const) {
      ids[name] = (await createVenue({ name: `${name} ${token}`, city })).id;
    }
    const manager = await getPrisma().user.create({
      data: {
        email: "gestion-bastion@exemple.test",
        name: "Gaëlle Gestion",
        role: "VENUE",
        passwordHash: "x",
        managedVenues: { create: [{ venueId: ids.Bastion! }] },
      },
    });
    expect(manager.id).toBeTruthy();
  });
  const order = async (query: Record<string, string>) =>
    (await listVenues(admin, readVenueFilters({ q: token, ...query }))).venues.map((venue) => venue.name.split(" ")[0]);

  it("keeps its default order (by name) and sorts by city, then name, either way", async () => {
    expect(await order({})).toEqual(["Atelier", "Bastion", "Comédie"]);
    expect(await order({ tri: "nom", ordre: "desc" })).toEqual(["Comédie", "Bastion", "Atelier"]);
    expect(await order({ tri: "ville" })).toEqual(["Bastion", "Comédie", "Atelier"]);
    expect(await order({ tri: "ville", ordre: "desc" })).toEqual(["Atelier", "Comédie", "Bastion"]);
    expect(await order({ tri: "managers" })).toEqual(await order({}));
  });

  it("exports the venues found, in the list's order, the managers by name and never their address", async () => {
    const csv = await venuesCsv(admin, { q: token, tri: "ville" }, { labels: (key) => (key === "kinds.THEATRE" ? "Théâtre" : key) });
    const [header, ...rows] = lines(csv);
    expect(header).toEqual([
      "Lieu",
      "Type",
      "Ville",
      "Gestionnaires",
      "Places par structure",
      "Période du quota",
      "Levée du quota (jours avant)",
      "Événements à venir",
    ]);
    expect(rows.map((row) => row[0])).toEqual([`Bastion ${token}`, `Comédie ${token}`, `Atelier ${token}`]);
    expect(rows[0]).toEqual([`Bastion ${token}`, "Théâtre", "Lyon", "Gaëlle Gestion", "", "", "", "0"]);
    expect(csv).not.toContain("@exemple.test");
    expect(lines(await venuesCsv(admin, { q: `Atelier ${token}` })).length).toBe(2);
  });
});

describe("memberships, sorted", () => {
  const SEASON = 2041;
  let names: string[];
  beforeAll(async () => {
    names = ["Amande", "Brioche", "Cannelle"].map((name) => `${name} adhésion`);
    const [a, b, c] = await Promise.all(names.map((name) => createPartner({ name })));
    await getPrisma().membership.createMany({
      data: [
        { partnerId: a!.id, season: SEASON, status: "MEMBER", invitedAt: null, answeredAt: new Date("2041-10-01T10:00:00Z"), joinedOn: new Date("2041-10-01") },
        { partnerId: b!.id, season: SEASON, status: "INVITED", invitedAt: new Date("2041-09-02T10:00:00Z") },
        { partnerId: c!.id, season: SEASON, status: "DECLINED", invitedAt: new Date("2041-09-05T10:00:00Z"), answeredAt: new Date("2041-09-20T10:00:00Z") },
      ],
    });
  });
  const order = async (query: Record<string, string>) =>
    (await listMemberships(admin, SEASON, readMembershipFilters(query))).map((m) => m.partner.name.split(" ")[0]);

  it("keeps its default order (by structure) and sorts by state and dates, a date not given last either way", async () => {
    expect(await order({})).toEqual(["Amande", "Brioche", "Cannelle"]);
    expect(await order({ tri: "structure", ordre: "desc" })).toEqual(["Cannelle", "Brioche", "Amande"]);
    expect(await order({ tri: "etat" })).toEqual(["Brioche", "Cannelle", "Amande"]);
    expect(await order({ tri: "invitation" })).toEqual(["Cannelle", "Brioche", "Amande"]);
    expect(await order({ tri: "invitation", ordre: "asc" })).toEqual(["Brioche", "Cannelle", "Amande"]);
    expect(await order({ tri: "reponse", ordre: "asc" })).toEqual(["Cannelle", "Amande", "Brioche"]);
    const odd = readMembershipFilters({ tri: "amountCents" });
    expect([odd.sort, odd.direction]).toEqual([undefined, undefined]);
  });

  it("reads a page with its structures in one statement, in every order (issue 35.2)", async () => {
    // Prisma read the page, then its structures apart: two round trips where one does.
    for (const query of [{}, { tri: "etat", ordre: "desc" }, { tri: "adhesion" }, { etat: "adherente" }]) {
      const { result, statements } = await statementsOf(() => listMemberships(admin, SEASON, { ...readMembershipFilters(query), page: 1, pageSize: 25 }));
      expect(statements).toBe(1);
      expect(result.length).toBeGreaterThan(0);
    }
    const [member] = await listMemberships(admin, SEASON, { status: "MEMBER", page: 1, pageSize: 25 });
    expect(member).toEqual({
      id: expect.any(String),
      status: "MEMBER",
      invitedAt: null,
      remindedAt: null,
      answeredAt: new Date("2041-10-01T10:00:00Z"),
      joinedOn: new Date("2041-10-01"),
      amountCents: null,
      paymentMeans: null,
      receiptNumber: null,
      partner: { id: expect.any(String), name: names[0], sector: expect.any(String), city: null },
    });
  });
});

describe("structures, sorted both ways", () => {
  it("sorts by name either way (the case aside), and keeps its default order (the latest step first)", async () => {
    const token = "tri-structures";
    for (const [name, days] of [
      ["centre", 3],
      ["Abri", 1],
      ["CHRS", 2],
    ] as const) {
      // No step yet (the database derives stageAt from the steps): the list reads the creation's date.
      await createPartner({ name: `${name} ${token}`, convention: false, createdAt: new Date(Date.UTC(2026, 10, days)) });
    }
    const order = async (query: Record<string, string>) =>
      (await listStructures(admin, readStructureFilters({ q: token, ...query }))).rows.map((row) => row.name.split(" ")[0]);
    expect(await order({})).toEqual(["centre", "CHRS", "Abri"]);
    expect(await order({ tri: "nom" })).toEqual(["Abri", "centre", "CHRS"]);
    expect(await order({ tri: "nom", ordre: "desc" })).toEqual(["CHRS", "centre", "Abri"]);
    expect(await order({ tri: "recent", ordre: "asc" })).toEqual(["Abri", "CHRS", "centre"]);
    expect(await order({ tri: "secteur" })).toEqual(await order({}));
  });
});

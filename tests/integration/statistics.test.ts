// Issue 15: the figures of a season, checked against a hand-counted season (2030-2031): cancellations by
// who, a waitlist promotion, a companion withdrawn, companions, no-shows, the same person twice, a
// cancelled session, a session of the next season; then an erased person and a structure that moved town,
// which must change nothing.
import type { Actor } from "@/lib/auth/actor";
import { newBookingNumber } from "@/lib/booking/number";
import { getPrisma } from "@/lib/db/client";
import { AccessDeniedError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { computeFigures, refreshSeasonFigures, seasonFigures, seasonsToRefresh, type FigureRow } from "@/lib/stats/figures";
import { readPeriodFilters, statisticsReport } from "@/lib/stats/report";
import { partnerStatistics, venueStatistics } from "@/lib/stats/sides";
import { parisTime, seasonOf, seasonRange } from "@/lib/time";
import { adminActor, partnerActor } from "../factories/actors";
import { createEvent, createPartner, createSession, createVenue } from "../factories";

const NOW = parisTime("2031-01-15", 12);
const SEASON = 2030;
let admin: Actor;
let ids: Record<string, string>;

type Guest = {
  position?: number;
  kind?: "MAIN" | "FAMILY_OR_FRIEND" | "PROFESSIONAL";
  personId?: string;
  attendance?: "ATTENDED" | "NO_SHOW";
  withdrawn?: boolean;
  needs?: Prisma.BookingGuestCreateWithoutBookingInput["needs"];
};

async function book(
  sessionId: string,
  partnerId: string,
  status: "CONFIRMED" | "WAITLISTED" | "CANCELLED",
  guests: Guest[],
  extra: Partial<Prisma.BookingUncheckedCreateInput> = {},
) {
  const places = guests.filter((guest) => !guest.withdrawn).length;
  return getPrisma().booking.create({
    data: {
      number: newBookingNumber(),
      sessionId,
      partnerId,
      status,
      places,
      confirmedAt: status === "CONFIRMED" ? NOW : null,
      ...extra,
      guests: {
        create: guests.map((guest, index) => ({
          position: guest.position ?? index,
          kind: guest.kind ?? ((guest.position ?? index) === 0 ? "MAIN" : "FAMILY_OR_FRIEND"),
          personId: guest.personId ?? null,
          firstName: `Prénom${index}`,
          lastName: "Nom",
          attendance: guest.attendance ?? null,
          cancelledAt: guest.withdrawn ? NOW : null,
          needs: guest.needs ?? [],
        })),
      },
    },
  });
}

beforeAll(async () => {
  admin = await adminActor();
  const prisma = getPrisma();
  const venueA = await createVenue({ city: "Lyon" });
  const venueB = await createVenue({ city: "Lyon" });
  const theatre = await createEvent({ venueId: venueA.id, category: "THEATRE" });
  const concert = await createEvent({ venueId: venueB.id, category: "MUSIC" });
  const p1 = await createPartner({ sector: "SOCIAL", city: "Lyon", area: "Croix-Rousse" });
  const p2 = await createPartner({ sector: "DISABILITY", city: "Villeurbanne" });
  const x = await prisma.person.create({ data: { partnerId: p1.id, firstName: "Awa", lastName: "Diallo" } });
  const y = await prisma.person.create({ data: { partnerId: p2.id, firstName: "Léo", lastName: "Martin" } });
  const sA1 = await createSession({ eventId: theatre.id, startsAt: parisTime("2030-10-10", 20), capacity: 10 });
  const sA2 = await createSession({ eventId: theatre.id, startsAt: parisTime("2031-02-10", 20), capacity: 5 });
  const sB1 = await createSession({ eventId: concert.id, startsAt: parisTime("2030-12-05", 20), capacity: 4 });
  const sB2 = await createSession({ eventId: concert.id, startsAt: parisTime("2030-11-20", 20), capacity: 6 });
  const next = await createSession({ eventId: concert.id, startsAt: parisTime("2031-09-05", 20), capacity: 8 });

  const loved = await book(sA1.id, p1.id, "CONFIRMED", [
    { personId: x.id, attendance: "ATTENDED" },
    { attendance: "ATTENDED" },
    { kind: "PROFESSIONAL", attendance: "NO_SHOW" },
  ]);
  await prisma.bookingFeedback.create({ data: { bookingId: loved.id, mood: "LOVED" } });
  await book(sB1.id, p1.id, "CONFIRMED", [{ personId: x.id, attendance: "NO_SHOW", needs: ["WHEELCHAIR_SPACE"] }]);
  await book(sA1.id, p2.id, "CANCELLED", [{}, {}], { cancelReason: "PARTNER", cancelledAt: NOW });
  await book(sA2.id, p2.id, "CONFIRMED", [{ personId: y.id }, { needs: ["HEARING_LOOP"] }, { withdrawn: true }], { promotedAt: NOW });
  await book(sB2.id, p2.id, "CANCELLED", [{}], { cancelReason: "SESSION_CANCELLED", cancelledAt: NOW });
  await book(sA2.id, p1.id, "WAITLISTED", [{}, {}]);
  await book(next.id, p1.id, "CONFIRMED", [{ personId: x.id }]);
  await book(sB1.id, p2.id, "CANCELLED", [{}], { cancelReason: "EXPIRED", cancelledAt: NOW });
  // Cancelled after its booking: its places are no longer offered.
  await prisma.session.update({ where: { id: sB2.id }, data: { status: "CANCELLED", cancelledAt: NOW } });
  ids = { venueA: venueA.id, venueB: venueB.id, p1: p1.id, x: x.id, theatre: theatre.id };
});

const find = (rows: FigureRow[], dimension: string, key: string) => rows.find((row) => row.dimension === dimension && row.key === key);

function checkSeason(rows: FigureRow[]) {
  expect(find(rows, "total", "")).toEqual({
    dimension: "total",
    key: "",
    offered: 19,
    requested: 13,
    confirmed: 6,
    attended: 2,
    noShows: 2,
    cancelledByPartner: 2,
    cancelledByVenue: 0,
    cancelledByAssociation: 0,
    sessionCancelled: 1,
    expired: 1,
    withdrawn: 1,
    promotions: 1,
    unused: 10,
    people: 2,
    structures: 2,
    companions: 3,
  });
  expect(find(rows, "sector", "SOCIAL")).toMatchObject({ offered: null, requested: 6, confirmed: 4, people: 1, structures: 1, companions: 2, unused: null });
  expect(find(rows, "sector", "DISABILITY")).toMatchObject({
    requested: 7,
    confirmed: 2,
    people: 1,
    companions: 1,
    cancelledByPartner: 2,
    sessionCancelled: 1,
    expired: 1,
    withdrawn: 1,
  });
  expect(find(rows, "venue", ids.venueA!)).toMatchObject({ offered: 15, requested: 10, confirmed: 5, unused: 7, attended: 2 });
  expect(find(rows, "venue", ids.venueB!)).toMatchObject({ offered: 4, requested: 3, confirmed: 1, unused: 3, noShows: 1 });
  expect(find(rows, "category", "THEATRE")).toMatchObject({ offered: 15, confirmed: 5 });
  expect(find(rows, "category", "MUSIC")).toMatchObject({ offered: 4, confirmed: 1 });
  expect(find(rows, "month", "2030-10")).toMatchObject({ offered: 10, requested: 5, confirmed: 3, unused: 7 });
  expect(find(rows, "month", "2030-11")).toMatchObject({ offered: 0, requested: 1, confirmed: 0, sessionCancelled: 1 });
  expect(find(rows, "month", "2030-12")).toMatchObject({ offered: 4, requested: 2, confirmed: 1, unused: 3 });
  expect(find(rows, "month", "2031-02")).toMatchObject({ offered: 5, requested: 5, confirmed: 2, unused: 0, promotions: 1 });
  expect(find(rows, "month", "2031-09")).toBeUndefined();
  expect(find(rows, "town", "Lyon")).toMatchObject({ requested: 6, confirmed: 4 });
  expect(find(rows, "area", "Lyon|Croix-Rousse")).toMatchObject({ requested: 6 });
  expect(find(rows, "town", "Villeurbanne")).toMatchObject({ requested: 7, confirmed: 2 });
  expect(find(rows, "area", "Villeurbanne|")).toMatchObject({ requested: 7 });
  expect(find(rows, "need", "WHEELCHAIR_SPACE")).toMatchObject({ requested: 1, confirmed: 1, noShows: 1, people: 1 });
  expect(find(rows, "need", "HEARING_LOOP")).toMatchObject({ requested: 1, confirmed: 1, companions: 1, people: 0 });
}

describe("a season's figures", () => {
  it("count places, people, structures, cancellations by who and the offer, as counted by hand", async () => {
    checkSeason(await computeFigures(seasonRange(SEASON), { now: NOW }));
  });

  it("stay the same when a person is erased, names are replaced and a structure moves", async () => {
    await refreshSeasonFigures(SEASON, { now: NOW });
    const prisma = getPrisma();
    await prisma.person.delete({ where: { id: ids.x! } });
    await prisma.bookingGuest.updateMany({
      where: { booking: { partnerId: ids.p1! } },
      data: { firstName: "Anonyme", lastName: "Anonyme", anonymizedAt: NOW },
    });
    await prisma.partner.update({ where: { id: ids.p1! }, data: { city: "Vénissieux", area: null, sector: "INSERTION" } });
    const live = await computeFigures(seasonRange(SEASON), { now: NOW });
    checkSeason(live);
    const stored = await seasonFigures(admin, SEASON, { now: NOW });
    expect(stored.computedAt).toEqual(NOW);
    checkSeason(stored.rows);
  });

  it("are computed once when a season was never asked for, and are the association's alone", async () => {
    const prisma = getPrisma();
    await prisma.statsFigure.deleteMany({ where: { season: SEASON } });
    const figures = await seasonFigures(admin, SEASON, { now: NOW });
    checkSeason(figures.rows);
    expect(await prisma.statsFigure.count({ where: { season: SEASON } })).toBe(figures.rows.length);
    await expect(seasonFigures(await partnerActor(ids.p1!), SEASON)).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it("are computed once when many first views of a season come at once, on one server or several", async () => {
    // Seen under 16 clients on the national data: every first view computed the season again, at once, and
    // the first answered 500 after 30 s. A trigger counts the statements that write the figures.
    const prisma = getPrisma();
    await prisma.statsFigure.deleteMany({ where: { season: SEASON } });
    await prisma.$executeRawUnsafe(`CREATE TABLE stats_writes (n int)`);
    await prisma.$executeRawUnsafe(
      `CREATE FUNCTION count_stats_writes() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO stats_writes VALUES (1); RETURN NULL; END $$`,
    );
    await prisma.$executeRawUnsafe(`CREATE TRIGGER count_stats_writes AFTER INSERT ON "StatsFigure" FOR EACH STATEMENT EXECUTE FUNCTION count_stats_writes()`);
    try {
      const views = await Promise.all(Array.from({ length: 8 }, () => seasonFigures(admin, SEASON, { now: NOW })));
      for (const view of views) checkSeason(view.rows);
      // Another server, with the figures being written by this one: it waits for them rather than computing.
      await prisma.statsFigure.deleteMany({ where: { season: SEASON } });
      const [, other] = await Promise.all([
        refreshSeasonFigures(SEASON, { now: NOW, onlyIfMissing: true }),
        refreshSeasonFigures(SEASON, { now: NOW, onlyIfMissing: true }),
      ]);
      expect(other).toBeGreaterThan(0);
      expect(await prisma.$queryRawUnsafe(`SELECT count(*)::int AS n FROM stats_writes`)).toEqual([{ n: 2 }]);
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER count_stats_writes ON "StatsFigure"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION count_stats_writes()`);
      await prisma.$executeRawUnsafe(`DROP TABLE stats_writes`);
    }
  });

  it("give an empty season its total and its offer only", async () => {
    const rows = await computeFigures(seasonRange(2040), { now: NOW });
    expect(rows).toEqual([expect.objectContaining({ dimension: "total", key: "", offered: 0, requested: 0, people: 0, unused: 0 })]);
  });

  it("read the first rows of each breakdown only, in the page's order, with how many there are in all", async () => {
    await refreshSeasonFigures(SEASON, { now: NOW });
    const first = await seasonFigures(admin, SEASON, { now: NOW, perDimension: 1 });
    expect(first.counts).toMatchObject({ total: 1, venue: 2, month: 4, sector: 2, need: 2 });
    expect(find(first.rows, "month", "2030-10")).toBeDefined();
    expect(first.rows.filter((row) => row.dimension === "month")).toHaveLength(1);
    expect(first.rows.filter((row) => row.dimension === "venue").map((row) => row.key)).toEqual([ids.venueA]);
  });

  it("read one breakdown with the totals when the page asks for one (the season and a range alike)", async () => {
    await refreshSeasonFigures(SEASON, { now: NOW });
    const season = await statisticsReport(admin, readPeriodFilters({ saison: String(SEASON), repartition: "lieux" }), {
      now: NOW,
      dimensions: ["venue"],
    });
    expect(new Set(season.current.map((row) => row.dimension))).toEqual(new Set(["total", "venue"]));
    expect(season.counts).toMatchObject({ venue: 2 });
    expect(season.venues.size).toBe(2);
    const range = await statisticsReport(admin, readPeriodFilters({ du: "2030-10-01", au: "2030-10-31" }), { now: NOW, dimensions: ["month"] });
    expect(new Set(range.current.map((row) => row.dimension))).toEqual(new Set(["total", "month"]));
    const totalsOnly = await statisticsReport(admin, readPeriodFilters({ saison: String(SEASON) }), { now: NOW, dimensions: [] });
    expect(totalsOnly.current.map((row) => row.dimension)).toEqual(["total"]);
    expect(totalsOnly.venues.size).toBe(0);
    // The page's choice of breakdown comes from the URL; anything else is the default.
    expect(readPeriodFilters({ repartition: "lieux" }).breakdown).toBe("lieux");
    expect(readPeriodFilters({ repartition: "<script>" }).breakdown).toBeUndefined();
  });

  it("compute any range of days when asked, with the same range a year before to compare", async () => {
    const october = await statisticsReport(admin, readPeriodFilters({ du: "2030-10-01", au: "2030-10-31" }), { now: NOW });
    expect(october).toMatchObject({ season: null, range: { from: "2030-10-01", to: "2030-10-31" }, computedAt: null });
    expect(find(october.current, "total", "")).toMatchObject({ offered: 10, requested: 5, confirmed: 3 });
    // Nothing recorded a year before: no period to compare with, rather than zeros (issue 29.11).
    expect(october.previous).toEqual([]);
    expect(october.venues.get(ids.venueA!)).toMatchObject({ city: "Lyon" });
    // A range that ends before it starts falls back to the season.
    expect(readPeriodFilters({ du: "2030-10-31", au: "2030-10-01", saison: "2030" }).range).toBeNull();
  });

  it("count a split booking as its two parts: the places that fitted, and the rest waiting", async () => {
    const partner = await createPartner({ sector: "CARE", city: "Bron" });
    const session = await createSession({ startsAt: parisTime("2032-11-05", 20), capacity: 2 });
    const person = await getPrisma().person.create({ data: { partnerId: partner.id, firstName: "Inès", lastName: "Roux" } });
    const fitted = await book(session.id, partner.id, "CONFIRMED", [{ personId: person.id, attendance: "ATTENDED" }, { attendance: "ATTENDED" }]);
    // The waitlisted part goes on numbering the group's guests (lib/booking/request.ts).
    await book(session.id, partner.id, "WAITLISTED", [{ position: 2, kind: "FAMILY_OR_FRIEND" }], { splitFromId: fitted.id });
    const total = find(await computeFigures(seasonRange(2032), { now: parisTime("2033-01-10", 12) }), "total", "");
    expect(total).toMatchObject({ offered: 2, requested: 3, confirmed: 2, attended: 2, people: 1, structures: 1, companions: 1, unused: 0 });
  });

  it("give a venue its own figures, event by event, with what the people thought", async () => {
    const { rows, previous, events } = await venueStatistics(admin, ids.venueA!, SEASON, { now: NOW });
    expect(previous).toBeNull();
    expect(find(rows, "total", "")).toMatchObject({ offered: 15, requested: 10, confirmed: 5, attended: 2, noShows: 1, unused: 7 });
    expect(events).toEqual([
      {
        eventId: ids.theatre,
        title: "Spectacle",
        sessions: 2,
        offered: 15,
        confirmed: 5,
        attended: 2,
        noShows: 1,
        unused: 7,
        feedback: { LOVED: 1, LIKED: 0, NOT_FOR_ME: 0 },
      },
    ]);
  });

  it("give a structure its own figures, without the offer, which is not made to one structure", async () => {
    const { rows, previous } = await partnerStatistics(await partnerActor(ids.p1!), ids.p1!, SEASON, { now: NOW });
    expect(previous).toBeNull();
    // The season after holds the booking of September 2031, and compares with this one.
    const next = await partnerStatistics(await partnerActor(ids.p1!), ids.p1!, SEASON + 1, { now: NOW });
    expect(find(next.rows, "total", "")).toMatchObject({ requested: 1, confirmed: 1 });
    expect(next.previous).toMatchObject({ requested: 6, confirmed: 4 });
    expect(find(rows, "total", "")).toMatchObject({
      offered: null,
      requested: 6,
      confirmed: 4,
      attended: 2,
      noShows: 2,
      people: 1,
      structures: 1,
      companions: 2,
    });
    expect(find(rows, "month", "2031-02")).toMatchObject({ requested: 2, confirmed: 0 });
  });

  it("are kept fresh by the job stats-refresh every quarter of an hour, for this season and the one before", async () => {
    const { tasks, CRONTAB } = await import("@/lib/jobs/tasks");
    const { parseCrontab } = await import("graphile-worker");
    expect(parseCrontab(CRONTAB).map((item) => item.task)).toContain("stats-refresh");
    const seasons = seasonsToRefresh(new Date());
    expect(seasons).toEqual([seasonOf(new Date()), seasonOf(new Date()) - 1]);
    const before = new Date();
    await tasks["stats-refresh"]({}, {} as never);
    for (const season of seasons) {
      const total = await getPrisma().statsFigure.findUniqueOrThrow({ where: { season_dimension_key: { season, dimension: "total", key: "" } } });
      expect(total.computedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1);
    }
  });
});

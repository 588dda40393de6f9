// The national data set (prisma/seed/national.ts), at a hundredth of its size: the sizes asked for, every
// rule lib/booking keeps, checked in SQL over the whole database, the demo's accounts still there, and the
// demo's structure and venue among the busiest, so that their pages are the worst cases.
import { verifyCredentials } from "@/lib/auth/sign-in";
import { getPrisma } from "@/lib/db/client";
import { demoAccounts } from "@/prisma/seed/catalog";
import { NATIONAL_SIZES, seedNational, type NationalSeedResult } from "@/prisma/seed/national";

const SCALE = 0.01;
const now = new Date();
let result: NationalSeedResult;
/** The national load's first request: the demo's bookings come before it. */
let firstSeq: number;

/** Runs a query that returns one row `{ n }`. */
async function one(sql: string): Promise<number> {
  const rows = await getPrisma().$queryRawUnsafe<{ n: number | null }[]>(sql);
  return Number(rows[0]?.n ?? 0);
}

beforeAll(async () => {
  result = await seedNational(process.env.DATABASE_URL!, { scale: SCALE, now });
  const marker = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "national.seeded" } });
  firstSeq = (marker.after as { firstRequestSeq: number }).firstRequestSeq;
}, 60_000);

describe("the national data set, at scale 0.01", () => {
  it("has the sizes asked for: within 3% for the tables sized directly, 5% for the guests and people", () => {
    const { counts } = result;
    const within = (table: keyof typeof NATIONAL_SIZES, tolerance: number) => {
      const target = NATIONAL_SIZES[table] * SCALE;
      const count = counts[table] ?? 0;
      expect({ table, count, target, close: Math.abs(count - target) / target <= tolerance }).toMatchObject({ close: true });
    };
    within("Partner", 0.03);
    within("Venue", 0.03);
    within("Session", 0.03);
    within("Booking", 0.03);
    within("BookingGuest", 0.05);
    within("Person", 0.05);
  });

  it("keeps every session's counters equal to its bookings and never confirms more places than offered", async () => {
    expect(
      await one(`
        SELECT count(*)::int AS n FROM "Session" s
        LEFT JOIN (SELECT "sessionId", sum("places") FILTER (WHERE "status" = 'CONFIRMED') AS confirmed,
                          sum("places") FILTER (WHERE "status" = 'WAITLISTED') AS waitlisted,
                          count(*) FILTER (WHERE "status" = 'WAITLISTED') AS waiting
                   FROM "Booking" GROUP BY "sessionId") b ON b."sessionId" = s."id"
        WHERE s."confirmedPlaces" <> coalesce(b.confirmed, 0) OR s."waitlistedPlaces" <> coalesce(b.waitlisted, 0)
           OR s."waitlistedBookings" <> coalesce(b.waiting, 0) OR s."confirmedPlaces" > s."capacity"`),
    ).toBe(0);
    // The trigger is back: a confirmation beyond capacity is refused by the database.
    const full = await getPrisma().session.findFirstOrThrow({
      where: { confirmedPlaces: { gt: 0 } },
      include: { bookings: { where: { status: "CONFIRMED" }, take: 1 } },
    });
    await expect(
      getPrisma().$executeRawUnsafe(`UPDATE "Booking" SET "places" = "places" + ${full.capacity} WHERE "id" = '${full.bookings[0]!.id}'`),
    ).rejects.toThrow(/Session_confirmedPlaces_check/);
  });

  it("keeps each structure's stage in the partnership as the database's triggers would", async () => {
    expect(
      await one(`SELECT count(*)::int AS n FROM "Partner" p
                 WHERE p."stage" IS DISTINCT FROM partner_stage_of(p."id")
                    OR p."stageAt" IS DISTINCT FROM (SELECT max(st."at") FROM "OnboardingStep" st WHERE st."partnerId" = p."id")`),
    ).toBe(0);
    expect(await one(`SELECT count(DISTINCT "stage")::int AS n FROM "Partner"`)).toBeGreaterThan(3);
  });

  it("copies each session's start onto its bookings, as the database's trigger would", async () => {
    expect(await one(`SELECT count(*)::int AS n FROM "Booking"`)).toBeGreaterThan(1000);
    expect(
      await one(
        `SELECT count(*)::int AS n FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId" WHERE b."sessionStartsAt" IS DISTINCT FROM s."startsAt"`,
      ),
    ).toBe(0);
  });

  it("gives each booking as many places as guests not withdrawn, at positions 0 to n-1, the person first", async () => {
    expect(
      await one(`
        SELECT count(*)::int AS n FROM "Booking" b
        JOIN (SELECT "bookingId", count(*) AS guests, count(*) FILTER (WHERE "cancelledAt" IS NULL) AS present, min("position") AS first,
                     max("position") AS last, count(*) FILTER (WHERE "kind" = 'MAIN' AND "personId" IS NOT NULL) AS main
              FROM "BookingGuest" GROUP BY "bookingId") g ON g."bookingId" = b."id"
        WHERE b."places" <> g.present OR g.first <> 0 OR g.last <> g.guests - 1 OR g.main <> 1`),
    ).toBe(0);
    expect(await one(`SELECT count(*)::int AS n FROM "Booking" b WHERE NOT EXISTS (SELECT 1 FROM "BookingGuest" g WHERE g."bookingId" = b."id")`)).toBe(0);
    // Withdrawn companions exist, never the person the booking is for.
    expect(await one(`SELECT count(*)::int AS n FROM "BookingGuest" WHERE "cancelledAt" IS NOT NULL`)).toBeGreaterThan(0);
    expect(await one(`SELECT count(*)::int AS n FROM "BookingGuest" WHERE "cancelledAt" IS NOT NULL AND "position" = 0`)).toBe(0);
  });

  it("books, for a structure, only its own people, by its own users, on sessions its convention covers", async () => {
    expect(
      await one(`
        SELECT count(*)::int AS n FROM "BookingGuest" g JOIN "Booking" b ON b."id" = g."bookingId" JOIN "Person" p ON p."id" = g."personId"
        WHERE p."partnerId" <> b."partnerId"`),
    ).toBe(0);
    expect(
      await one(`
        SELECT count(*)::int AS n FROM "Booking" b LEFT JOIN "User" u ON u."id" = b."createdById"
        WHERE u."partnerId" IS DISTINCT FROM b."partnerId" OR u."role" <> 'PARTNER'`),
    ).toBe(0);
    expect(
      await one(
        `SELECT count(*)::int AS n FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId" WHERE NOT partner_convention_valid(b."partnerId", s."startsAt")`,
      ),
    ).toBe(0);
    // Requested before the session and before now, cancelled after the request (the demo's own bookings
    // are dated loosely: some of its requests lie in the future).
    expect(
      await one(`
        SELECT count(*)::int AS n FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId"
        WHERE b."requestSeq" >= ${firstSeq}
          AND (b."requestedAt" >= s."startsAt" OR b."requestedAt" > '${now.toISOString()}'::timestamptz OR b."cancelledAt" < b."requestedAt")`),
    ).toBe(0);
    // The waitlist is served in order of request: within a session, requestSeq follows requestedAt.
    expect(
      await one(`
        SELECT count(*)::int AS n FROM (
          SELECT "requestedAt" < lag("requestedAt") OVER (PARTITION BY "sessionId" ORDER BY "requestSeq") AS disordered
          FROM "Booking" WHERE "requestSeq" >= ${firstSeq}) x WHERE disordered`),
    ).toBe(0);
  });

  it("holds one place per person per session: the same list entry or the same name, as lib/booking compares them", async () => {
    // The national bookings only: they are the only ones on the national sessions, and the demo's own
    // seed draws its main guests at random (it may book someone twice on a session).
    const holders = `
      SELECT b."partnerId", b."sessionId", g."personId", person_name_key(g."firstName", g."lastName") AS name_key
      FROM "BookingGuest" g JOIN "Booking" b ON b."id" = g."bookingId"
      WHERE b."status" IN ('CONFIRMED', 'WAITLISTED') AND g."cancelledAt" IS NULL AND b."requestSeq" >= ${firstSeq}`;
    expect(
      await one(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM (${holders}) h WHERE h."personId" IS NOT NULL GROUP BY h."partnerId", h."sessionId", h."personId" HAVING count(*) > 1) x`,
      ),
    ).toBe(0);
    expect(
      await one(`SELECT count(*)::int AS n FROM (SELECT 1 FROM (${holders}) h GROUP BY h."partnerId", h."sessionId", h.name_key HAVING count(*) > 1) x`),
    ).toBe(0);
    // And no two people of a structure's list bear the same name.
    expect(
      await one(`SELECT count(*)::int AS n FROM (SELECT 1 FROM "Person" GROUP BY "partnerId", person_name_key("firstName", "lastName") HAVING count(*) > 1) x`),
    ).toBe(0);
  });

  it("waitlists only where bookings are open and only what does not fit the places left or the structure's quota", async () => {
    const at = `'${now.toISOString()}'::timestamptz`;
    expect(
      await one(`
        SELECT count(*)::int AS n FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId" JOIN "Event" e ON e."id" = s."eventId"
        WHERE b."status" = 'WAITLISTED'
          AND (s."status" <> 'SCHEDULED' OR e."status" <> 'PUBLISHED' OR s."closedAt" IS NOT NULL
               OR least(s."startsAt", coalesce(s."bookingClosesAt", s."startsAt")) <= ${at} OR coalesce(s."bookingOpensAt", ${at}) > ${at})`),
    ).toBe(0);
    // A waiting booking that fits the places left must be held back by a quota that still applies.
    expect(
      await one(`
        SELECT count(*)::int AS n FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId" JOIN "Event" e ON e."id" = s."eventId"
        LEFT JOIN "QuotaRule" r ON r."venueId" = e."venueId" AND r."period" = 'SESSION'
        WHERE b."status" = 'WAITLISTED' AND b."places" <= s."capacity" - s."confirmedPlaces"
          AND NOT (r."id" IS NOT NULL
                   AND (r."liftDaysBefore" IS NULL OR ${at} < ((s."startsAt" AT TIME ZONE 'Europe/Paris') - make_interval(days => r."liftDaysBefore")) AT TIME ZONE 'Europe/Paris')
                   AND b."places" + (SELECT coalesce(sum(o."places"), 0) FROM "Booking" o WHERE o."sessionId" = s."id" AND o."partnerId" = b."partnerId" AND o."status" = 'CONFIRMED') > r."maxPlaces")`),
    ).toBe(0);
    // Per-session quotas hold for confirmed places.
    expect(
      await one(`
        SELECT count(*)::int AS n FROM (
          SELECT 1 FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId" JOIN "Event" e ON e."id" = s."eventId"
          JOIN "QuotaRule" r ON r."venueId" = e."venueId" AND r."period" = 'SESSION'
          WHERE b."status" = 'CONFIRMED' GROUP BY b."sessionId", b."partnerId", r."maxPlaces" HAVING sum(b."places") > r."maxPlaces") x`),
    ).toBe(0);
    // Nothing is booked on a draft, nothing is held on a cancelled session.
    expect(
      await one(`
        SELECT count(*)::int AS n FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId" JOIN "Event" e ON e."id" = s."eventId"
        WHERE e."status" = 'DRAFT' OR (s."status" = 'CANCELLED' AND b."status" <> 'CANCELLED')`),
    ).toBe(0);
  });

  it("records attendance only for confirmed bookings of past sessions, and cancellations with who and why", async () => {
    expect(
      await one(`
        SELECT count(*)::int AS n FROM "BookingGuest" g JOIN "Booking" b ON b."id" = g."bookingId" JOIN "Session" s ON s."id" = b."sessionId"
        WHERE g."attendance" IS NOT NULL AND (b."status" <> 'CONFIRMED' OR s."startsAt" > '${now.toISOString()}'::timestamptz OR g."cancelledAt" IS NOT NULL)`),
    ).toBe(0);
    const reasons = await getPrisma().booking.groupBy({ by: ["cancelReason"], where: { status: "CANCELLED" }, _count: true });
    expect(new Set(reasons.map((r) => r.cancelReason))).toEqual(new Set(["PARTNER", "VENUE", "ASSOCIATION", "SESSION_CANCELLED", "EXPIRED"]));
    // The association says why it cancelled; a duplicate is one of its reasons.
    expect(await one(`SELECT count(*)::int AS n FROM "Booking" WHERE "cancelCode" IS NOT NULL AND "cancelReason" <> 'ASSOCIATION'`)).toBe(0);
  });

  it("looks like a network's year: half the sessions past, full sessions with waitlists, mostly confirmed bookings, drafts and cancellations", async () => {
    const at = `'${now.toISOString()}'::timestamptz`;
    // Among the national venues' sessions (the demo's own are mostly to come).
    const past = await one(`
      SELECT avg((s."startsAt" < ${at})::int) AS n FROM "Session" s JOIN "Event" e ON e."id" = s."eventId" JOIN "Venue" v ON v."id" = e."venueId"
      WHERE v."email" LIKE 'contact@lieu-%'`);
    expect(past).toBeGreaterThan(0.4);
    expect(past).toBeLessThan(0.6);
    expect(
      await one(`SELECT count(*)::int AS n FROM "Session" WHERE "startsAt" > ${at} AND "confirmedPlaces" = "capacity" AND "waitlistedBookings" > 0`),
    ).toBeGreaterThan(0);
    const statuses = Object.fromEntries((await getPrisma().booking.groupBy({ by: ["status"], _count: true })).map((row) => [row.status, row._count])) as Record<
      string,
      number
    >;
    // About 80% at full scale; at this one a few structures share the sessions and more requests are
    // duplicates or over the Lilas' quota.
    expect(statuses.CONFIRMED! / result.counts.Booking!).toBeGreaterThan(0.55);
    expect(statuses.WAITLISTED).toBeGreaterThan(0);
    expect(statuses.CANCELLED).toBeGreaterThan(0);
    expect(await one(`SELECT count(*)::int AS n FROM "Event" WHERE "status" = 'DRAFT'`)).toBeGreaterThan(0);
    // Cancelled events are 3% (some 300 at full scale, maybe none of this hundred); cancelled sessions are there.
    expect(await one(`SELECT count(*)::int AS n FROM "Session" WHERE "status" = 'CANCELLED'`)).toBeGreaterThan(0);
    expect(await one(`SELECT count(DISTINCT "category")::int AS n FROM "Event"`)).toBeGreaterThanOrEqual(10);
    expect(await one(`SELECT count(DISTINCT "city")::int AS n FROM "Venue"`)).toBeGreaterThanOrEqual(5);
    expect(await one(`SELECT count(*)::int AS n FROM "BookingGuest" WHERE "attendance" IS NOT NULL`)).toBeGreaterThan(0);
  });

  it("gives every session to come the jobs of its timed rules", async () => {
    const at = `'${now.toISOString()}'::timestamptz`;
    expect(
      await one(`
        SELECT count(*)::int AS n FROM "Session" s
        WHERE s."status" = 'SCHEDULED' AND s."startsAt" > ${at}
          AND NOT EXISTS (SELECT 1 FROM graphile_worker._private_jobs j WHERE j."key" = 'attendance-request:' || s."id")`),
    ).toBe(0);
    expect(await one(`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE "key" LIKE 'session-close:%'`)).toBeGreaterThan(0);
  });

  it("keeps the demo's accounts, with their roles and structures, and they still sign in", async () => {
    const prisma = getPrisma();
    const escale = await prisma.partner.findFirstOrThrow({ where: { users: { some: { email: demoAccounts.partner.email } } } });
    const lilas = await prisma.venue.findFirstOrThrow({ where: { managers: { some: { user: { email: demoAccounts.venue.email } } } } });
    expect(escale.name).toBe("CHRS L'Escale");
    expect(lilas.name).toBe("Théâtre des Lilas");
    expect(await prisma.user.findUniqueOrThrow({ where: { email: demoAccounts.admin.email } })).toMatchObject({ role: "ADMIN" });
    // And the accounts of the national structures and venues share the demo's password.
    const national = await prisma.user.findFirstOrThrow({ where: { email: { endsWith: "@structures.test" } }, orderBy: { email: "asc" } });
    const venue = await prisma.user.findFirstOrThrow({ where: { email: { endsWith: "@lieux.test" } }, orderBy: { email: "asc" } });
    for (const email of [demoAccounts.admin.email, demoAccounts.partner.email, demoAccounts.venue.email, national.email, venue.email]) {
      await expect(verifyCredentials({ email, password: demoAccounts.password }, "10.0.0.2")).resolves.toMatchObject({ ok: true });
    }
  });

  it("makes L'Escale and the Théâtre des Lilas among the busiest", async () => {
    const prisma = getPrisma();
    const escale = await prisma.partner.findFirstOrThrow({ where: { users: { some: { email: demoAccounts.partner.email } } } });
    const lilas = await prisma.venue.findFirstOrThrow({ where: { managers: { some: { user: { email: demoAccounts.venue.email } } } } });
    const partnerRank = await one(`
      SELECT r.rank AS n FROM (SELECT "partnerId", rank() OVER (ORDER BY count(*) DESC) AS rank FROM "Booking" GROUP BY "partnerId") r
      WHERE r."partnerId" = '${escale.id}'`);
    const venueRank = await one(`
      SELECT r.rank AS n FROM (SELECT e."venueId", rank() OVER (ORDER BY count(*) DESC) AS rank FROM "Session" s JOIN "Event" e ON e."id" = s."eventId" GROUP BY e."venueId") r
      WHERE r."venueId" = '${lilas.id}'`);
    expect(partnerRank).toBeLessThanOrEqual(3);
    expect(venueRank).toBeLessThanOrEqual(2);
    // The demo's structure supports its share of 2,000 people.
    expect(await prisma.person.count({ where: { partnerId: escale.id } })).toBe(Math.round(2_000 * SCALE));
  });

  it("is the same at every run with the same clock", async () => {
    const digest = () =>
      one(`
        SELECT ('x' || substr(md5(string_agg(concat_ws('|', b."id", b."number", b."status", b."places", b."requestedAt", b."cancelReason", s."startsAt", s."capacity"), ','
                                             ORDER BY b."requestSeq")), 1, 8))::bit(32)::int AS n
        FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId" WHERE b."requestSeq" >= ${firstSeq}`);
    const before = await digest();
    await seedNational(process.env.DATABASE_URL!, { scale: SCALE, now });
    expect(await digest()).toBe(before);
  }, 60_000);
});

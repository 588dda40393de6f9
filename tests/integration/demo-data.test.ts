// The demo data must be worth looking at and obey the booking rules it illustrates.
import { getPrisma } from "@/lib/db/client";
import { quotaPeriodKey } from "@/lib/booking/quota-period";
import { STAGES } from "@/lib/association/onboarding";
import { seedDemoData } from "@/prisma/seed/demo";

const url = () => process.env.DATABASE_URL!;

describe("demo data", () => {
  beforeAll(async () => {
    await seedDemoData(url(), { reset: false });
  }, 120_000);

  it("holds a city's venues, some 40 events over three months, and 15 partners across the five sectors", async () => {
    const prisma = getPrisma();
    expect(await prisma.venue.count()).toBeGreaterThanOrEqual(6);
    expect(new Set((await prisma.venue.findMany()).map((v) => v.kind))).toEqual(
      new Set(["THEATRE", "CONCERT_HALL", "MUSEUM", "CINEMA", "DANCE", "FESTIVAL", "LIBRARY"]),
    );
    expect(await prisma.event.count()).toBeGreaterThanOrEqual(40);
    const inThreeMonths = new Date(Date.now() + 92 * 86_400_000);
    expect(await prisma.session.count({ where: { startsAt: { gt: new Date(), lt: inThreeMonths } } })).toBeGreaterThan(60);
    // The 15 structures that book (the pipeline's others are below).
    const partners = await prisma.partner.findMany({ where: { people: { some: {} } }, include: { users: true, people: true } });
    expect(partners).toHaveLength(15);
    expect(new Set(partners.map((p) => p.sector)).size).toBe(5);
    for (const partner of partners) {
      expect(partner.users.length).toBeGreaterThan(0);
      expect(partner.people.length).toBeGreaterThan(0);
    }
    expect(await prisma.quotaRule.count()).toBeGreaterThanOrEqual(2);
  });

  it("shows the association's side: every step of a partnership, conventions ending and ended, two seasons of memberships", async () => {
    const prisma = getPrisma();
    const steps = await prisma.$queryRaw<{ kind: string }[]>`
      SELECT DISTINCT ON ("partnerId") "kind"::text AS kind FROM "OnboardingStep" ORDER BY "partnerId", "at" DESC`;
    expect(new Set(steps.map((s) => s.kind))).toEqual(
      new Set(["REQUEST_RECEIVED", "MEETING_PLANNED", "MEETING_HELD", "CONVENTION_SIGNED", "ACCOUNT_CREATED", "TRAINED"]),
    );
    // Every stage of the pipeline, a declined meeting being its own, as the association's lists read it.
    const stages = await prisma.partner.groupBy({ by: ["stage"], _count: true });
    expect(new Set(stages.map((s) => s.stage))).toEqual(new Set(STAGES));
    expect(await prisma.onboardingStep.count({ where: { kind: "MEETING_HELD", data: { path: ["decision"], equals: "DECLINED" } } })).toBe(1);
    // Signed, its referent's account still to create: a convention valid today, no account yet.
    const signed = await prisma.partner.findMany({ where: { stage: "CONVENTION_SIGNED" }, select: { id: true, _count: { select: { users: true } } } });
    expect(signed.length).toBeGreaterThanOrEqual(1);
    for (const { id, _count } of signed) {
      expect(_count.users).toBe(0);
      const valid = await prisma.$queryRaw<{ valid: boolean }[]>`SELECT partner_convention_valid(${id}::uuid, ${new Date()}) AS valid`;
      expect(valid[0]!.valid).toBe(true);
    }
    expect(await prisma.partnershipRequest.count()).toBeGreaterThanOrEqual(4);
    const soon = new Date(Date.now() + 60 * 86_400_000);
    expect(await prisma.convention.count({ where: { validUntil: { gte: new Date(), lt: soon } } })).toBeGreaterThanOrEqual(1);
    expect(await prisma.convention.count({ where: { validUntil: { lt: new Date() } } })).toBeGreaterThanOrEqual(1);
    expect(new Set((await prisma.membership.findMany()).map((m) => m.season)).size).toBe(2);
    expect(await prisma.membership.count({ where: { status: "MEMBER" } })).toBeGreaterThan(0);
    expect(await prisma.venueManager.count()).toBeGreaterThanOrEqual(1);
    // Every booking was made by a structure whose convention covered the session's date.
    const uncovered = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId" WHERE NOT partner_convention_valid(b."partnerId", s."startsAt")`;
    expect(uncovered[0]!.n).toBe(0);
  });

  it("has one account per role and a full session with a waitlist", async () => {
    const prisma = getPrisma();
    for (const role of ["ADMIN", "PARTNER", "VENUE"] as const) expect(await prisma.user.count({ where: { role } })).toBeGreaterThan(0);
    const full = await prisma.session.findMany({ where: { waitlistedPlaces: { gt: 0 }, startsAt: { gt: new Date() } } });
    expect(full.some((s) => s.confirmedPlaces === s.capacity)).toBe(true);
    // Compared with the test clock's instant (a parameter), not PostgreSQL's now(): the seed laid its
    // sessions out from the test clock, which the wall clock leaves further behind every day.
    const nearlyFull = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Session" WHERE "startsAt" > ${new Date()} AND "capacity" - "confirmedPlaces" BETWEEN 1 AND 2`;
    expect(nearlyFull[0]!.n).toBeGreaterThanOrEqual(3);
    expect(await prisma.bookingGuest.count({ where: { attendance: { not: null } } })).toBeGreaterThan(0);
  });

  it("never exceeds a capacity or a quota, and keeps counters equal to the bookings", async () => {
    const prisma = getPrisma();
    const drift = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Session" s
      WHERE s."confirmedPlaces" <> (SELECT coalesce(sum(places), 0) FROM "Booking" b WHERE b."sessionId" = s.id AND b.status = 'CONFIRMED')
         OR s."waitlistedPlaces" <> (SELECT coalesce(sum(places), 0) FROM "Booking" b WHERE b."sessionId" = s.id AND b.status = 'WAITLISTED')`;
    expect(drift[0]!.n).toBe(0);

    const bookings = await prisma.booking.findMany({
      where: { status: "CONFIRMED", session: { event: { venue: { quotaRule: { isNot: null } } } } },
      include: { session: { include: { event: { include: { venue: { include: { quotaRule: true } } } } } } },
    });
    const used = new Map<string, { places: number; max: number }>();
    for (const booking of bookings) {
      const rule = booking.session.event.venue.quotaRule!;
      const key = `${booking.partnerId}|${rule.venueId}|${quotaPeriodKey(rule.period, booking.session)}`;
      const entry = used.get(key) ?? { places: 0, max: rule.maxPlaces };
      entry.places += booking.places;
      used.set(key, entry);
    }
    expect(used.size).toBeGreaterThan(0);
    for (const { places, max } of used.values()) expect(places).toBeLessThanOrEqual(max);
  });

  it("is the same at every load", async () => {
    const numbers = async () => (await getPrisma().booking.findMany({ orderBy: { requestSeq: "asc" }, select: { number: true } })).map((b) => b.number);
    const before = await numbers();
    await seedDemoData(url(), { reset: true });
    expect(await numbers()).toEqual(before);
  }, 120_000);
});

// Demo data worth looking at, the same at every load: a seeded random generator drives every choice,
// and dates are laid out from today so that the season is always ahead. `npm run db:seed` reloads it.
import { faker } from "@faker-js/faker/locale/fr";
import { addDays, set, startOfDay, subDays, subHours } from "date-fns";
import { hashPassword } from "../../lib/auth/password";
import { newBookingNumber } from "../../lib/booking/number";
import { quotaPeriodKey } from "../../lib/booking/quota-period";
import { inParis, nextParisSunday, parisDate, seasonOf } from "../../lib/time";
import { createPrismaClient } from "../../lib/db/client";
import type {
  AccessNeed,
  Attendance,
  BookingStatus,
  CancelReason,
  GuestKind,
  Mood,
  Partner,
  Person,
  Prisma,
  PrismaClient,
  QuotaPeriod,
  Sector,
  User,
  VenueKind,
} from "../../lib/generated/prisma/client";
import { city, demoAccounts, partners as partnerSpecs, venues as venueSpecs } from "./catalog";

const SEED = 2026;

export async function isDatabaseEmpty(databaseUrl: string): Promise<boolean> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    return (await prisma.user.count()) === 0;
  } finally {
    await prisma.$disconnect();
  }
}

export async function demoAccountsText(databaseUrl: string): Promise<string> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    const found = await prisma.user.findMany({
      where: { email: { in: [demoAccounts.admin.email, demoAccounts.partner.email, demoAccounts.venue.email] } },
      select: { email: true },
    });
    if (found.length < 3) return "Comptes de démonstration absents (base non issue de la démo).";
    const visitor = await prisma.partner.findFirst({ where: { visitorCode: demoAccounts.visitorCode }, select: { name: true } });
    return [
      `Comptes de démonstration (mot de passe : ${demoAccounts.password})`,
      `  Association (admin) : ${demoAccounts.admin.email}`,
      `  Structure partenaire : ${demoAccounts.partner.email}`,
      `  Lieu culturel        : ${demoAccounts.venue.email}`,
      visitor ? `  Code visiteur        : ${demoAccounts.visitorCode} (${visitor.name})` : "",
    ]
      .filter(Boolean)
      .join("\n");
  } finally {
    await prisma.$disconnect();
  }
}

export async function seedDemoData(databaseUrl: string, { reset }: { reset: boolean }): Promise<string> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    if (reset) await truncateAll(prisma);
    return await prisma.$transaction((tx) => seed(tx as unknown as PrismaClient), { timeout: 120_000 });
  } finally {
    await prisma.$disconnect();
  }
}

async function truncateAll(prisma: PrismaClient) {
  const tables = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length) {
    await prisma.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
  }
  // The jobs of the data just emptied (mails, sessions' timed rules) go with it.
  await prisma.$executeRawUnsafe(`DELETE FROM graphile_worker._private_jobs`);
}

const at = (day: Date, hours: number, minutes = 0) => new Date(set(day, { hours, minutes, seconds: 0, milliseconds: 0 }).getTime());

const showTimes: Record<VenueKind, [number, number][]> = {
  THEATRE: [
    [20, 0],
    [15, 0],
  ],
  CONCERT_HALL: [
    [20, 30],
    [18, 0],
  ],
  MUSEUM: [
    [14, 30],
    [10, 30],
  ],
  CINEMA: [
    [18, 0],
    [20, 30],
    [14, 0],
  ],
  DANCE: [
    [20, 0],
    [16, 0],
  ],
  FESTIVAL: [
    [19, 0],
    [15, 0],
  ],
  LIBRARY: [
    [18, 30],
    [14, 0],
  ],
  OTHER: [[20, 0]],
};

function slugify(text: string) {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

async function seed(prisma: PrismaClient): Promise<string> {
  faker.seed(SEED);
  const pick = (max: number) => faker.number.int({ min: 0, max: max - 1 });
  const usedNumbers = new Set<string>();
  const bookingNumber = () => {
    let number: string;
    do number = newBookingNumber(pick);
    while (usedNumbers.has(number));
    usedNumbers.add(number);
    return number;
  };
  const today = startOfDay(inParis(Date.now()));
  const now = new Date();
  const passwordHash = await hashPassword(demoAccounts.password);

  // ── Association staff ──
  const admin = await prisma.user.create({
    data: { ...demoAccounts.admin, role: "ADMIN", passwordHash },
  });
  await prisma.user.create({
    data: { email: "accueil@culture-pour-tous.test", name: "Karim Haddad", role: "ADMIN", passwordHash },
  });

  // ── Venues, their managers and quota rules ──
  const venues = await prisma.venue.createManyAndReturn({
    data: venueSpecs.map((v) => ({
      slug: v.slug,
      name: v.name,
      kind: v.kind,
      description: `${v.name}, ${v.area.toLowerCase() === "guillotière" ? "à la Guillotière" : `quartier ${v.area}`}.`,
      addressLine: v.addressLine,
      postalCode: v.postalCode,
      city,
      area: v.area,
      accessInfo: v.accessInfo,
      phone: faker.phone.number({ style: "national" }),
      email: `contact@${v.slug}.test`,
      website: `https://${v.slug}.example`,
      ticketOfficeName: `Billetterie — ${faker.person.firstName()}`,
      ticketOfficePhone: faker.phone.number({ style: "national" }),
      ticketOfficeEmail: `billetterie@${v.slug}.test`,
      accessibility: v.accessibility,
      accessibilityNotes: v.accessibility.includes("WHEELCHAIR")
        ? "Places réservées aux personnes en fauteuil : prévenir la billetterie."
        : "Accès par escalier uniquement.",
    })),
  });
  const venueBySlug = new Map(venues.map((v) => [v.slug, v]));
  for (const [index, spec] of venueSpecs.entries()) {
    const venue = venueBySlug.get(spec.slug)!;
    const manager = index === 0 ? demoAccounts.venue : { email: `billetterie@${spec.slug}.test`, name: faker.person.fullName() };
    await prisma.user.create({
      data: { ...manager, role: "VENUE", passwordHash, managedVenues: { create: { venueId: venue.id } } },
    });
    if (spec.quota) await prisma.quotaRule.create({ data: { venueId: venue.id, ...spec.quota } });
  }

  // ── Partner structures, their referents and the people they support ──
  type SeededPartner = Partner & { area: string; users: User[]; people: Person[] };
  const partners: SeededPartner[] = [];
  for (const [index, [name, sector, area]] of partnerSpecs.entries()) {
    const slug = slugify(name).slice(0, 30);
    const trained = index % 5 !== 4;
    const partner = await prisma.partner.create({
      data: {
        name,
        sector,
        addressLine: faker.location.streetAddress(),
        postalCode: faker.helpers.arrayElement(["69001", "69003", "69004", "69006", "69007", "69008", "69009"]),
        city,
        phone: faker.phone.number({ style: "national" }),
        email: `contact@${slug}.test`,
        area,
        visitorCode: index === 0 ? demoAccounts.visitorCode : newBookingNumber(pick),
        visitorCodeRenewedAt: subDays(today, 30),
        memberships: { create: seasonMemberships() },
      },
    });
    // The partnership's history: request, meeting, convention (valid three years), account, training.
    const signedOn = subDays(today, faker.number.int({ min: 60, max: 900 }));
    await prisma.convention.create({
      data: {
        partnerId: partner.id,
        signedOn,
        validFrom: signedOn,
        validUntil: subDays(addDays(signedOn, 3 * 365), 1),
        reference: `CONV-${signedOn.getFullYear()}-${String(index + 1).padStart(3, "0")}`,
      },
    });
    await prisma.onboardingStep.createMany({
      data: [
        { partnerId: partner.id, kind: "REQUEST_RECEIVED" as const, at: subDays(signedOn, 40) },
        {
          partnerId: partner.id,
          kind: "MEETING_PLANNED" as const,
          at: subDays(signedOn, 35),
          byUserId: admin.id,
          data: { meetingOn: ymd(subDays(signedOn, 25)) },
        },
        {
          partnerId: partner.id,
          kind: "MEETING_HELD" as const,
          at: subDays(signedOn, 25),
          byUserId: admin.id,
          data: { decision: "CONFIRMED" },
          note: "Projet de sorties régulières avec l'équipe éducative.",
        },
        { partnerId: partner.id, kind: "CONVENTION_SIGNED" as const, at: signedOn, byUserId: admin.id },
        { partnerId: partner.id, kind: "ACCOUNT_CREATED" as const, at: addDays(signedOn, 2), byUserId: admin.id },
        ...(trained
          ? [
              {
                partnerId: partner.id,
                kind: "TRAINED" as const,
                at: addDays(signedOn, 9),
                byUserId: admin.id,
                data: { trainedOn: ymd(addDays(signedOn, 9)), trainer: "Claire Martin" },
              },
            ]
          : []),
      ],
    });
    const referents = [index === 0 ? demoAccounts.partner : { email: `referent@${slug}.test`, name: faker.person.fullName() }];
    if (faker.datatype.boolean({ probability: 0.4 })) referents.push({ email: `equipe@${slug}.test`, name: faker.person.fullName() });
    const users = await prisma.user.createManyAndReturn({
      data: referents.map((r) => ({ ...r, role: "PARTNER" as const, partnerId: partner.id, passwordHash })),
    });
    const people = await prisma.person.createManyAndReturn({
      data: Array.from({ length: index === 0 ? 12 : faker.number.int({ min: 5, max: 14 }) }, () => ({
        partnerId: partner.id,
        firstName: faker.person.firstName(),
        lastName: faker.person.lastName(),
      })),
    });
    partners.push({ ...partner, area, users, people });
  }
  const demoPartner = partners[0]!;
  await seedPipeline(prisma, admin.id, today, passwordHash);

  // ── Events and sessions: three months ahead, and some weeks behind for past outings ──
  type SessionRow = { id: string; startsAt: Date; capacity: number; venueId: string; quota?: QuotaPeriod; quotaMax?: number };
  const upcoming: SessionRow[] = [];
  const past: SessionRow[] = [];
  for (const spec of venueSpecs) {
    const venue = venueBySlug.get(spec.slug)!;
    for (const [title, category, pitch, minAge] of spec.events) {
      const draft = title === "Ma ville en scène";
      const event = await prisma.event.create({
        data: {
          venueId: venue.id,
          title,
          description: `${pitch} ${faker.helpers.arrayElement([
            "Un moment à partager, seul ou accompagné.",
            "Idéal pour une première sortie.",
            "Une rencontre avec l'équipe artistique suit la représentation.",
            "Le lieu accueille les groupes sur réservation.",
          ])}`,
          category,
          minAge: minAge ?? null,
          durationMinutes: faker.helpers.arrayElement([60, 75, 90, 105, 120]),
          accessibility: spec.accessibility.filter(() => faker.datatype.boolean({ probability: 0.7 })),
          publicPriceCents: spec.kind === "LIBRARY" ? null : faker.helpers.arrayElement([600, 900, 1200, 1500, 2200, 3000]),
          ticketUrl: spec.kind === "LIBRARY" ? null : `https://${spec.slug}.example/billetterie/${slugify(title)}`,
          status: draft ? "DRAFT" : "PUBLISHED",
          publishedAt: draft ? null : subDays(today, 40),
        },
      });
      const times = showTimes[spec.kind];
      const days = faker.helpers.uniqueArray(() => faker.number.int({ min: 1, max: 90 }), faker.number.int({ min: 1, max: 4 }));
      const pastDays = faker.datatype.boolean({ probability: 0.45 }) ? [faker.number.int({ min: 3, max: 60 })] : [];
      const rows = [
        ...days.map((d) => ({ startsAt: at(addDays(today, d), ...faker.helpers.arrayElement(times)), past: false })),
        ...pastDays.map((d) => ({ startsAt: at(subDays(today, d), ...faker.helpers.arrayElement(times)), past: true })),
      ];
      for (const row of rows) {
        const duration = event.durationMinutes ?? 90;
        const session = await prisma.session.create({
          data: {
            eventId: event.id,
            startsAt: row.startsAt,
            endsAt: new Date(row.startsAt.getTime() + duration * 60_000),
            capacity: spec.kind === "FESTIVAL" ? faker.number.int({ min: 20, max: 40 }) : faker.number.int({ min: 4, max: 20 }),
            bookingOpensAt: subDays(row.startsAt, 75) < now ? null : subDays(row.startsAt, 75),
          },
        });
        if (draft) continue;
        const entry = {
          id: session.id,
          startsAt: session.startsAt,
          capacity: session.capacity,
          venueId: venue.id,
          quota: spec.quota?.period,
          quotaMax: spec.quota?.maxPlaces,
        };
        (row.past ? past : upcoming).push(entry);
      }
    }
  }

  // ── Bookings: respecting capacity and quotas, as lib/booking would ──
  const quotaUsed = new Map<string, number>();
  const quotaKey = (partnerId: string, s: SessionRow) => `${partnerId}|${s.venueId}|${quotaPeriodKey(s.quota!, s)}`;
  const fitsQuota = (partnerId: string, s: SessionRow, places: number) => !s.quota || (quotaUsed.get(quotaKey(partnerId, s)) ?? 0) + places <= s.quotaMax!;
  const consumeQuota = (partnerId: string, s: SessionRow, places: number) => {
    if (s.quota) quotaUsed.set(quotaKey(partnerId, s), (quotaUsed.get(quotaKey(partnerId, s)) ?? 0) + places);
  };

  let bookingCount = 0;
  const book = async (
    partner: (typeof partners)[number],
    session: SessionRow,
    places: number,
    options: { status?: BookingStatus; attendance?: boolean; cancel?: CancelReason; requestedAt?: Date } = {},
  ) => {
    const status = options.cancel ? "CANCELLED" : (options.status ?? "CONFIRMED");
    const requestedAt = options.requestedAt ?? subDays(session.startsAt, faker.number.int({ min: 2, max: 30 }));
    const main = faker.helpers.arrayElement(partner.people);
    const user = faker.helpers.arrayElement(partner.users);
    const guests = Array.from({ length: places }, (_, position) => {
      const kind: GuestKind = position === 0 ? "MAIN" : faker.datatype.boolean({ probability: 0.3 }) ? "PROFESSIONAL" : "FAMILY_OR_FRIEND";
      const [firstName, lastName] =
        position === 0
          ? [main.firstName, main.lastName]
          : kind === "PROFESSIONAL"
            ? user.name.split(" ")
            : [faker.person.firstName(), position === 1 && faker.datatype.boolean() ? main.lastName : faker.person.lastName()];
      const needs: AccessNeed[] = position === 0 && faker.datatype.boolean({ probability: 0.1 }) ? ["WHEELCHAIR_SPACE"] : [];
      const attendance: Attendance | null = options.attendance ? (faker.datatype.boolean({ probability: 0.85 }) ? "ATTENDED" : "NO_SHOW") : null;
      return { position, kind, personId: position === 0 ? main.id : null, firstName: firstName!, lastName: lastName ?? "", needs, attendance };
    });
    const attended = guests.some((g) => g.attendance === "ATTENDED");
    await prisma.booking.create({
      data: {
        number: bookingNumber(),
        sessionId: session.id,
        partnerId: partner.id,
        createdById: user.id,
        status,
        places,
        requestedAt,
        createdAt: requestedAt,
        confirmedAt: status === "CONFIRMED" || options.cancel ? requestedAt : null,
        cancelledAt: options.cancel ? subHours(session.startsAt, faker.number.int({ min: 5, max: 72 })) : null,
        cancelReason: options.cancel ?? null,
        cancelledById: options.cancel === "PARTNER" ? user.id : options.cancel === "ASSOCIATION" ? admin.id : null,
        guests: { create: guests },
        feedback:
          attended && faker.datatype.boolean({ probability: 0.4 })
            ? {
                create: {
                  mood: faker.helpers.arrayElement<Mood>(["LOVED", "LOVED", "LIKED", "NOT_FOR_ME"]),
                  comment: faker.helpers.arrayElement([
                    "Très belle soirée, merci !",
                    "Un peu long mais les comédiens étaient formidables.",
                    "Première fois dans ce lieu, l'accueil était chaleureux.",
                    "Pas trop mon style, mais contente d'avoir essayé.",
                    null,
                  ]),
                },
              }
            : undefined,
      },
    });
    if (status === "CONFIRMED") consumeQuota(partner.id, session, places);
    bookingCount++;
  };

  // Fill a session with confirmed bookings from partners that still have quota, up to `target` places.
  const fill = async (session: SessionRow, target: number, attendance: boolean) => {
    let left = target;
    for (let attempt = 0; left > 0 && attempt < 40; attempt++) {
      const partner = faker.helpers.arrayElement(partners);
      const places = Math.min(
        left,
        faker.helpers.weightedArrayElement([
          { weight: 5, value: 1 },
          { weight: 4, value: 2 },
          { weight: 2, value: 3 },
        ]),
      );
      if (!fitsQuota(partner.id, session, places)) continue;
      await book(partner, session, places, { attendance });
      left -= places;
    }
    return target - left;
  };

  for (const session of past) await fill(session, Math.floor(session.capacity * faker.number.float({ min: 0.4, max: 0.9 })), true);

  // The demo partner's recent outing at the demo venue: two people went four days ago and may still say
  // how it was with the code of their invitation (issue 16, lib/feedback).
  const lilas = venueBySlug.get(venueSpecs[0]!.slug)!;
  const lilasEvent = await prisma.event.findFirstOrThrow({ where: { venueId: lilas.id, status: "PUBLISHED" }, orderBy: { title: "asc" } });
  const recentStart = at(subDays(today, 4), 20);
  const recent = await prisma.session.create({
    data: {
      eventId: lilasEvent.id,
      startsAt: recentStart,
      endsAt: new Date(recentStart.getTime() + (lilasEvent.durationMinutes ?? 90) * 60_000),
      capacity: 10,
    },
  });
  await book(demoPartner, { id: recent.id, startsAt: recent.startsAt, capacity: 10, venueId: lilas.id }, 2, { attendance: true });
  // What a few people said themselves of their outings, as the venues read it.
  const ownWords = ["C'était très beau.", "J'ai bien ri.", "Un peu long pour moi.", "Je veux revenir !", null, null];
  const attendedGuests = await prisma.bookingGuest.findMany({
    where: { attendance: "ATTENDED", booking: { status: "CONFIRMED", partnerId: { not: demoPartner.id } } },
    select: { id: true, booking: { select: { sessionId: true } } },
    orderBy: { id: "asc" },
  });
  await prisma.guestFeedback.createMany({
    data: faker.helpers.arrayElements(attendedGuests, Math.min(30, attendedGuests.length)).map((guest) => ({
      guestId: guest.id,
      sessionId: guest.booking.sessionId,
      mood: faker.helpers.arrayElement<Mood>(["LOVED", "LOVED", "LIKED", "NOT_FOR_ME"]),
      comment: faker.helpers.arrayElement(ownWords),
    })),
  });

  // One full session with a waitlist, where the demo partner holds a confirmed booking and the first
  // place in line: cancelling the one moves the other up (a path the partner's guide walks through).
  const noQuota = upcoming.filter((s) => !s.quota && s.capacity >= 6 && s.startsAt > addDays(today, 7));
  const full = noQuota[0]!;
  await book(demoPartner, full, 2);
  await fill(full, full.capacity - 2, false);
  await book(demoPartner, full, 2, { status: "WAITLISTED", requestedAt: subHours(now, 30) });
  await book(partners[3]!, full, 3, { status: "WAITLISTED", requestedAt: subHours(now, 20) });
  await book(partners[6]!, full, 1, { status: "WAITLISTED", requestedAt: subHours(now, 2) });

  // A few nearly full sessions.
  const nearlyFull = noQuota.slice(1, 5);
  for (const session of nearlyFull) await fill(session, session.capacity - faker.number.int({ min: 1, max: 2 }), false);

  // The rest: a quarter to half booked, and a few cancellations.
  for (const session of upcoming) {
    if (session === full || nearlyFull.includes(session)) continue;
    await fill(session, Math.floor(session.capacity * faker.number.float({ min: 0, max: 0.5 })), false);
  }
  for (const session of faker.helpers.arrayElements(upcoming.slice(10), 4)) {
    await book(faker.helpers.arrayElement(partners), session, 1, { cancel: faker.helpers.arrayElement(["PARTNER", "VENUE", "ASSOCIATION"] as const) });
  }
  // The demo partner's own upcoming outings.
  for (const session of upcoming.filter((s) => s !== full && !nearlyFull.includes(s)).slice(0, 6)) {
    const places = 1 + pick(2);
    const [row] = await prisma.$queryRaw<{ left: number }[]>`SELECT "capacity" - "confirmedPlaces" AS left FROM "Session" WHERE "id" = ${session.id}::uuid`;
    if (row && row.left >= places && fitsQuota(demoPartner.id, session, places)) await book(demoPartner, session, places);
  }

  // ── Last season: outings already made, so that the statistics compare two seasons (issue 15) ──
  // One event in three had a date between October and June of the season before, booked and attended by
  // the structures whose convention already covered that date, a few cancelled.
  const conventionFrom = new Map((await prisma.convention.findMany({ select: { partnerId: true, validFrom: true } })).map((c) => [c.partnerId, c.validFrom]));
  const lastSeasonStart = startOfDay(inParis(new Date(Date.UTC(seasonOf(now) - 1, 8, 1, 12))));
  const published = await prisma.event.findMany({
    where: { status: "PUBLISHED" },
    orderBy: [{ title: "asc" }, { createdAt: "asc" }],
    select: { id: true, venueId: true, durationMinutes: true, venue: { select: { kind: true, quotaRule: { select: { period: true, maxPlaces: true } } } } },
  });
  for (const [index, event] of published.entries()) {
    if (index % 3 !== 0) continue;
    const startsAt = at(addDays(lastSeasonStart, faker.number.int({ min: 30, max: 290 })), ...faker.helpers.arrayElement(showTimes[event.venue.kind]));
    const capacity = event.venue.kind === "FESTIVAL" ? faker.number.int({ min: 20, max: 40 }) : faker.number.int({ min: 4, max: 20 });
    const created = await prisma.session.create({
      data: { eventId: event.id, startsAt, endsAt: new Date(startsAt.getTime() + (event.durationMinutes ?? 90) * 60_000), capacity },
    });
    const session: SessionRow = {
      id: created.id,
      startsAt,
      capacity,
      venueId: event.venueId,
      quota: event.venue.quotaRule?.period,
      quotaMax: event.venue.quotaRule?.maxPlaces,
    };
    const able = partners.filter((partner) => (conventionFrom.get(partner.id) ?? startsAt) < startsAt);
    let left = Math.floor(capacity * faker.number.float({ min: 0.5, max: 0.95 }));
    for (let attempt = 0; left > 0 && able.length && attempt < 40; attempt++) {
      const partner = faker.helpers.arrayElement(able);
      const places = Math.min(
        left,
        faker.helpers.weightedArrayElement([
          { weight: 5, value: 1 },
          { weight: 4, value: 2 },
          { weight: 2, value: 3 },
        ]),
      );
      if (!fitsQuota(partner.id, session, places)) continue;
      await book(partner, session, places, { attendance: true });
      left -= places;
    }
    if (able.length && faker.datatype.boolean({ probability: 0.3 })) {
      await book(faker.helpers.arrayElement(able), session, 1, { cancel: faker.helpers.arrayElement(["PARTNER", "VENUE", "ASSOCIATION"] as const) });
    }
  }

  // Two wishes of the Escale's people, waiting on the referent's home (issue 16, lib/wishes).
  const wished = upcoming.filter((session) => session.startsAt > addDays(today, 5)).slice(0, 2);
  for (const [index, session] of wished.entries()) {
    const { eventId } = await prisma.session.findUniqueOrThrow({ where: { id: session.id }, select: { eventId: true } });
    await prisma.wish.create({
      data: {
        partnerId: demoPartner.id,
        eventId,
        sessionId: index === 0 ? session.id : null,
        name: index === 0 ? "Samia" : "J. B.",
        message: index === 0 ? "J'aimerais y aller avec ma fille." : null,
        createdAt: subHours(now, 3 + index * 20),
        expiresAt: session.startsAt,
      },
    });
  }

  // An outing on the coming Sunday, whatever the day the demo is loaded: the weekend search always finds one
  // (issue 29, tests/e2e/weekend.spec.ts). No random draw here, so the rest of the demo stays as it was.
  const museum = venueBySlug.get("musee-des-tisserands")!;
  const sundayEvent = await prisma.event.findFirstOrThrow({ where: { venueId: museum.id, status: "PUBLISHED" }, orderBy: { title: "asc" } });
  const sundayStart = at(inParis(nextParisSunday(now)), 15);
  await prisma.session.create({
    data: {
      eventId: sundayEvent.id,
      startsAt: sundayStart,
      endsAt: new Date(sundayStart.getTime() + (sundayEvent.durationMinutes ?? 90) * 60_000),
      capacity: 12,
    },
  });

  // ── The association's own activities (issue 16): open to all, registration by name ──
  const activitySpecs = [
    {
      kind: "MEETING" as const,
      title: "Découvrir les sorties de la saison",
      days: 9,
      hour: 18,
      capacity: 30,
      taken: 6,
      place: "Maison des associations, 28 rue Denfert-Rochereau, Lyon 4e — salle 3",
      description: "Une heure pour découvrir l'offre de la saison et poser vos questions, autour d'un café. Ouvert à toutes et à tous.",
    },
    {
      kind: "WORKSHOP" as const,
      title: "Atelier de critique : dire ce qu'on a vu",
      days: 16,
      hour: 17,
      capacity: 8,
      taken: 8,
      place: "Médiathèque du Parc, salle de l'étage",
      description: "Après une sortie, on raconte, on écoute les autres, on écrit quelques lignes pour le lieu. Aucune connaissance demandée.",
    },
    {
      kind: "TRAINING" as const,
      title: "Formation des référents : réserver en dix minutes",
      days: 23,
      hour: 10,
      capacity: 12,
      taken: 3,
      place: "Culture pour tous, 5 place de la Croix-Rousse, Lyon 4e",
      description: "Pour les professionnels et bénévoles des structures partenaires : réserver, imprimer les invitations, noter les présences.",
    },
  ];
  for (const spec of activitySpecs) {
    const activity = await prisma.activity.create({
      data: {
        kind: spec.kind,
        title: spec.title,
        description: spec.description,
        startsAt: at(addDays(today, spec.days), spec.hour),
        durationMinutes: 90,
        place: spec.place,
        capacity: spec.capacity,
        confirmedPlaces: spec.taken,
      },
    });
    // Distinct names: the platform takes one registration per name (lib/activities).
    const names = faker.helpers
      .uniqueArray(() => `${faker.person.firstName()}|${faker.person.lastName()}`, spec.taken + (spec.taken === spec.capacity ? 2 : 0))
      .map((name) => name.split("|") as [string, string]);
    await prisma.activityRegistration.createMany({
      data: names.map(([firstName, lastName], index) => ({
        activityId: activity.id,
        number: bookingNumber(),
        status: index < spec.taken ? ("CONFIRMED" as const) : ("WAITLISTED" as const),
        firstName,
        lastName,
        createdAt: subHours(now, 48 - index),
        confirmedAt: index < spec.taken ? subHours(now, 48 - index) : null,
      })),
    });
  }

  await prisma.auditLog.create({
    data: { actorUserId: admin.id, actorKind: "system", action: "demo.seeded", entityType: "Database", entityId: "demo", after: { seed: SEED } },
  });

  const [sessions, events, people] = await Promise.all([prisma.session.count(), prisma.event.count(), prisma.person.count()]);
  return `Données de démonstration : ${venues.length} lieux, ${events} événements, ${sessions} séances, ${partners.length} structures partenaires, ${people} personnes accompagnées, ${bookingCount} réservations.`;
}

const ymd = (date: Date) => parisDate(date);
const atNoon = (date: Date) => new Date(`${parisDate(date)}T12:00:00Z`);

/** Two seasons of membership: the last one answered, the current one under way (invited, joining, members). */
function seasonMemberships() {
  const current = seasonOf(new Date());
  const invitedAt = (season: number) => new Date(Date.UTC(season, 8, 20));
  const last = faker.datatype.boolean({ probability: 0.6 })
    ? [
        {
          season: current - 1,
          status: "MEMBER" as const,
          invitedAt: invitedAt(current - 1),
          answeredAt: new Date(Date.UTC(current - 1, 9, 2)),
          joinedOn: new Date(Date.UTC(current - 1, 9, 15)),
          amountCents: 5000,
          paymentMeans: "Virement",
          receiptNumber: `R-${current - 1}-${faker.number.int({ min: 100, max: 999 })}`,
        },
      ]
    : [{ season: current - 1, status: "DECLINED" as const, invitedAt: invitedAt(current - 1), answeredAt: new Date(Date.UTC(current - 1, 9, 5)) }];
  const answer = faker.helpers.arrayElement(["INVITED", "INVITED", "JOINING", "MEMBER", "DECLINED"] as const);
  const now = {
    season: current,
    status: answer,
    invitedAt: invitedAt(current),
    ...(answer !== "INVITED" ? { answeredAt: new Date(Date.UTC(current, 9, 1)) } : {}),
    ...(answer === "MEMBER"
      ? {
          joinedOn: new Date(Date.UTC(current, 9, 10)),
          amountCents: 5000,
          paymentMeans: "Chèque",
          receiptNumber: `R-${current}-${faker.number.int({ min: 100, max: 999 })}`,
        }
      : {}),
  };
  return [...last, now];
}

/**
 * Structures at every step of a partnership, for the association's pipeline: requests just received, a
 * meeting planned, a partnership declined after its meeting, one confirmed and waiting for its
 * convention, one whose convention is signed and whose referent's account is still to create, one whose
 * convention ends within the month, one whose convention has expired.
 */
async function seedPipeline(prisma: PrismaClient, adminId: string, today: Date, passwordHash: string) {
  const structure = async (
    name: string,
    sector: Sector,
    contact: { name: string; role: string; email: string },
    message: string | null,
    steps: {
      kind: "REQUEST_RECEIVED" | "MEETING_PLANNED" | "MEETING_HELD" | "CONVENTION_SIGNED" | "ACCOUNT_CREATED" | "TRAINED";
      daysAgo: number;
      data?: Prisma.InputJsonValue;
      note?: string;
    }[],
  ) => {
    const partner = await prisma.partner.create({ data: { name, sector, city, email: contact.email } });
    await prisma.partnershipRequest.create({
      data: {
        structureName: name,
        sector,
        contactName: contact.name,
        contactRole: contact.role,
        email: contact.email,
        city,
        message,
        partnerId: partner.id,
        createdAt: subDays(today, steps[0]!.daysAgo),
      },
    });
    await prisma.onboardingStep.createMany({
      data: steps.map((step) => ({
        partnerId: partner.id,
        kind: step.kind,
        at: subDays(today, step.daysAgo),
        byUserId: step.kind === "REQUEST_RECEIVED" ? null : adminId,
        data: step.data,
        note: step.note,
      })),
    });
    return partner;
  };
  await structure(
    "Résidence sociale Les Capucins",
    "SOCIAL",
    { name: "Nadia Benali", role: "Directrice", email: "direction@capucins.test" },
    "Nous accompagnons une quarantaine de résidents et aimerions leur proposer des sorties.",
    [{ kind: "REQUEST_RECEIVED", daysAgo: 2 }],
  );
  await structure("GEM Les Passerelles", "DISABILITY", { name: "Marc Olivier", role: "Animateur", email: "animation@passerelles.test" }, null, [
    { kind: "REQUEST_RECEIVED", daysAgo: 12 },
    { kind: "MEETING_PLANNED", daysAgo: 6, data: { meetingOn: ymd(addDays(today, 5)) }, note: "Rencontre dans leurs locaux." },
  ]);
  await structure(
    "Accueil de jour Le Phare",
    "SOCIAL",
    { name: "Inès Lambert", role: "Éducatrice", email: "contact@lephare.test" },
    "Sorties pour les personnes accueillies en journée.",
    [
      { kind: "REQUEST_RECEIVED", daysAgo: 30 },
      { kind: "MEETING_PLANNED", daysAgo: 25, data: { meetingOn: ymd(subDays(today, 15)) } },
      { kind: "MEETING_HELD", daysAgo: 15, data: { decision: "CONFIRMED" }, note: "Convention envoyée pour signature." },
    ],
  );
  await structure("Club de loisirs Les Mots Passants", "SOCIAL", { name: "Paul Girard", role: "Bénévole", email: "contact@motspassants.test" }, null, [
    { kind: "REQUEST_RECEIVED", daysAgo: 60 },
    { kind: "MEETING_PLANNED", daysAgo: 55, data: { meetingOn: ymd(subDays(today, 45)) } },
    {
      kind: "MEETING_HELD",
      daysAgo: 45,
      data: { decision: "DECLINED" },
      note: "Association de loisirs sans accompagnement social : orientée vers la billetterie grand public.",
    },
  ]);
  // Signed four days ago, valid three years; its first referent's account is the association's next step.
  // Fixed values, no random draw: the rest of the demo stays what it was.
  const signedOn = atNoon(subDays(today, 4));
  const signed = await structure(
    "Centre d'hébergement Saint-Jean",
    "INSERTION",
    { name: "Sophie Marchand", role: "Cheffe de service", email: "accueil@chrs-saint-jean.test" },
    "Des sorties pour les familles que nous hébergeons.",
    [
      { kind: "REQUEST_RECEIVED", daysAgo: 50 },
      { kind: "MEETING_PLANNED", daysAgo: 44, data: { meetingOn: ymd(subDays(today, 30)) } },
      { kind: "MEETING_HELD", daysAgo: 30, data: { decision: "CONFIRMED" }, note: "Convention envoyée, signée au retour du conseil d'administration." },
      { kind: "CONVENTION_SIGNED", daysAgo: 4, data: { validUntil: ymd(addDays(today, 3 * 365 - 5)) } },
    ],
  );
  await prisma.convention.create({
    data: {
      partnerId: signed.id,
      signedOn,
      validFrom: signedOn,
      validUntil: atNoon(addDays(today, 3 * 365 - 5)),
      reference: `CONV-${signedOn.getFullYear()}-SJN`,
    },
  });
  // Two partners with an account, whose conventions end soon and have ended: the association renews them.
  for (const [name, sector, email, endsInDays] of [
    ["Foyer de jeunes travailleurs Bellecour", "INSERTION", "referent@fjt-bellecour.test", 25],
    ["Maison relais Les Tisserands", "SOCIAL", "referent@tisserands.test", -10],
  ] as const) {
    const partner = await structure(name, sector, { name: faker.person.fullName(), role: "Référent", email }, null, [
      { kind: "REQUEST_RECEIVED", daysAgo: 3 * 365 + 60 },
      { kind: "MEETING_HELD", daysAgo: 3 * 365 + 40, data: { decision: "CONFIRMED" } },
      { kind: "CONVENTION_SIGNED", daysAgo: 3 * 365 - endsInDays },
      { kind: "ACCOUNT_CREATED", daysAgo: 3 * 365 - endsInDays - 2 },
      { kind: "TRAINED", daysAgo: 3 * 365 - endsInDays - 9, data: { trainedOn: ymd(subDays(today, 3 * 365 - endsInDays - 9)), trainer: "Karim Haddad" } },
    ]);
    const validUntil = atNoon(addDays(today, endsInDays));
    const signedOn = atNoon(subDays(addDays(today, endsInDays), 3 * 365 - 1));
    await prisma.convention.create({
      data: {
        partnerId: partner.id,
        signedOn,
        validFrom: signedOn,
        validUntil,
        reference: `CONV-${signedOn.getFullYear()}-${email.slice(9, 12).toUpperCase()}`,
      },
    });
    await prisma.user.create({ data: { email, name: faker.person.fullName(), role: "PARTNER", partnerId: partner.id, passwordHash } });
    await prisma.membership.createMany({ data: seasonMemberships().map((membership) => ({ ...membership, partnerId: partner.id })) });
  }
}

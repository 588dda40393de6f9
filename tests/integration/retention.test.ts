// Issue 12, retention: the nightly job replaces guests' names a year after their session, erases people
// taken off a list a year ago with no booking since, purges old mail bodies and yesterday's sign-in
// attempts, and registrations for the association's activities a month after; the counts the association reports (per season) do not change.
import { getPrisma } from "@/lib/db/client";
import { retentionReport, runRetention } from "@/lib/retention";
import { createActivity } from "@/lib/activities/admin";
import { cancelOwnRegistration, registerForActivity } from "@/lib/activities/registrations";
import { parisDate } from "@/lib/time";
import { adminActor } from "../factories/actors";
import { runJobs } from "../support/jobs";
import { createPartner, createSession, insertBooking } from "../factories";

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

/** What the association reports for each season: bookings by state, places, guests who came. */
async function seasonCounts() {
  return getPrisma().$queryRaw<{ season: number; bookings: number; confirmed: number; places: number; attended: number; guests: number }[]>`
    SELECT extract(year FROM (s."startsAt" AT TIME ZONE 'Europe/Paris') - interval '8 months')::int AS season,
           count(DISTINCT b."id")::int AS bookings,
           count(DISTINCT b."id") FILTER (WHERE b."status" = 'CONFIRMED')::int AS confirmed,
           count(g."id") FILTER (WHERE b."status" = 'CONFIRMED')::int AS places,
           count(g."id") FILTER (WHERE g."attendance" = 'ATTENDED')::int AS attended,
           count(g."id")::int AS guests
    FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId" LEFT JOIN "BookingGuest" g ON g."bookingId" = b."id"
    GROUP BY 1 ORDER BY 1`;
}

it("replaces old guests' names, erases long-archived people, purges old mail bodies and attempts; season counts stay", async () => {
  const prisma = getPrisma();
  const partner = await createPartner();
  const old = await createSession({ startsAt: daysAgo(400), capacity: 10 });
  const recent = await createSession({ startsAt: daysAgo(60), capacity: 10 });
  const gone = await prisma.person.create({ data: { partnerId: partner.id, firstName: "Ancienne", lastName: "Personne", archivedAt: daysAgo(450) } });
  const archivedButRecent = await prisma.person.create({ data: { partnerId: partner.id, firstName: "Récente", lastName: "Sortie", archivedAt: daysAgo(380) } });
  const oldBooking = await insertBooking(old.id, partner.id, { places: 2 });
  await prisma.bookingGuest.updateMany({
    where: { bookingId: oldBooking.id, position: 0 },
    data: {
      personId: gone.id,
      firstName: "Ancienne",
      lastName: "Personne",
      attendance: "ATTENDED",
      needs: ["OTHER"],
      needsNote: "Suit un traitement : place près de l'allée",
    },
  });
  await insertBooking(old.id, partner.id, { places: 1, status: "CANCELLED", cancelReason: "PARTNER", cancelledAt: daysAgo(401) });
  const recentBooking = await insertBooking(recent.id, partner.id, { places: 1 });
  await prisma.bookingGuest.updateMany({
    where: { bookingId: recentBooking.id },
    data: { personId: archivedButRecent.id, firstName: "Récente", lastName: "Sortie" },
  });
  await prisma.outboxMail.createMany({
    data: [
      { kind: "BOOKING_CONFIRMED", to: "a@exemple.test", subject: "Vieux", text: "Bonjour Ancienne Personne", status: "SENT", createdAt: daysAgo(40) },
      { kind: "BOOKING_CONFIRMED", to: "b@exemple.test", subject: "Récent", text: "Bonjour", status: "SENT", createdAt: daysAgo(3) },
    ],
  });
  await prisma.signInAttempt.createMany({
    data: [
      { key: "email:x@exemple.test", at: daysAgo(2) },
      { key: "email:y@exemple.test", at: new Date() },
    ],
  });
  // The association's activities: the names of who registered go a month after the activity; its count stays.
  const pastActivity = await prisma.activity.create({
    data: { kind: "WORKSHOP", title: "Atelier ancien", startsAt: daysAgo(40), place: "Salle", capacity: 5, confirmedPlaces: 1 },
  });
  const lastWeek = await prisma.activity.create({
    data: { kind: "MEETING", title: "Rencontre récente", startsAt: daysAgo(7), place: "Salle", capacity: 5, confirmedPlaces: 1 },
  });
  for (const [activity, number] of [
    [pastActivity, "RETAAAA2"],
    [lastWeek, "RETAAAA3"],
  ] as const) {
    await prisma.activityRegistration.create({
      data: { activityId: activity.id, number, status: "CONFIRMED", firstName: "Awa", lastName: "Diallo", email: "awa@exemple.test" },
    });
  }
  const before = await seasonCounts();

  const counts = await runRetention();

  expect(counts).toEqual({
    guestNamesReplaced: 3,
    peopleErased: 1,
    mailBodiesPurged: 1,
    signInAttemptsDeleted: 1,
    activityRegistrationsErased: 1,
    activityMailsErased: 0,
    applicationGuestsErased: 0,
    textNumbersErased: 0,
  });
  expect(await prisma.activityRegistration.count({ where: { activityId: pastActivity.id } })).toBe(0);
  expect(await prisma.activityRegistration.count({ where: { activityId: lastWeek.id } })).toBe(1);
  expect((await prisma.activity.findUniqueOrThrow({ where: { id: pastActivity.id } })).confirmedPlaces).toBe(1);
  const oldGuests = await prisma.bookingGuest.findMany({ where: { booking: { sessionId: old.id } }, orderBy: [{ bookingId: "asc" }, { position: "asc" }] });
  expect(oldGuests.every((guest) => guest.firstName === "Invité·e" && guest.anonymizedAt)).toBe(true);
  // A need described in words may say something of the person's health: it goes with the names.
  expect(oldGuests.every((guest) => guest.needsNote === null)).toBe(true);
  expect(JSON.stringify(oldGuests)).not.toContain("Ancienne");
  expect(await prisma.bookingGuest.count({ where: { firstName: "Récente" } })).toBe(1);
  expect(await prisma.person.findUnique({ where: { id: gone.id } })).toBeNull();
  expect(await prisma.person.findUnique({ where: { id: archivedButRecent.id } })).not.toBeNull();
  expect((await prisma.outboxMail.findFirstOrThrow({ where: { subject: "Vieux" } })).text).toBe("");
  expect((await prisma.outboxMail.findFirstOrThrow({ where: { subject: "Récent" } })).text).toBe("Bonjour");
  expect(await prisma.signInAttempt.count()).toBe(1);

  // What is reported does not move when names go.
  expect(await seasonCounts()).toEqual(before);
  // Nothing left to do the next night; the association reads the policy and the last run.
  expect(await runRetention()).toEqual({
    guestNamesReplaced: 0,
    peopleErased: 0,
    mailBodiesPurged: 0,
    signInAttemptsDeleted: 0,
    activityRegistrationsErased: 0,
    activityMailsErased: 0,
    applicationGuestsErased: 0,
    textNumbersErased: 0,
  });
  const report = await retentionReport(await adminActor());
  expect(report.policy).toMatchObject({ guestNamesMonths: 12, archivedPeopleMonths: 12, mailBodyDays: 30 });
  expect(report.lastRun?.counts).toEqual({
    guestNamesReplaced: 0,
    peopleErased: 0,
    mailBodiesPurged: 0,
    signInAttemptsDeleted: 0,
    activityRegistrationsErased: 0,
    activityMailsErased: 0,
    applicationGuestsErased: 0,
    textNumbersErased: 0,
  });
});

/** Every place in the database (each text or JSON column of every table, the job queue's included) where `needle` is written. */
async function whereWritten(needle: string): Promise<string[]> {
  const prisma = getPrisma();
  const columns = await prisma.$queryRaw<{ schema: string; table: string; column: string }[]>`
    SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column
    FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE t.table_type = 'BASE TABLE' AND c.table_schema IN ('public', 'graphile_worker')
      AND c.data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY')`;
  const found: string[] = [];
  for (const { schema, table, column } of columns) {
    const [row] = await prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${schema}"."${table}" WHERE "${column}"::text ILIKE '%' || $1 || '%'`,
      needle,
    );
    if (row!.n) found.push(`${table}.${column}`);
  }
  return found;
}

it("erases an activity's registrants from the mails written to them as well: their address, and the activity's title beside it (issue 27.9)", async () => {
  const prisma = getPrisma();
  const admin = await adminActor();
  const title = "Atelier Pétrarque vingt-sept";
  const planned = await createActivity(
    admin,
    { kind: "WORKSHOP", title, day: parisDate(daysAgo(40)), time: "18:00", place: "Salle 4", capacity: "1" },
    { now: daysAgo(60) },
  );
  // Registered (confirmed, then waiting), moved up, the activity held; the mails written and sent as usual.
  const first = await registerForActivity({ activityId: planned.id, firstName: "Awa", lastName: "Diallo", email: "awa.retenue@exemple.test" }, "10.27.9.1", {
    now: daysAgo(55),
  });
  await registerForActivity({ activityId: planned.id, firstName: "Karim", lastName: "Haddad", email: "karim.retenu@exemple.test" }, "10.27.9.2", {
    now: daysAgo(55),
  });
  await runJobs();
  await cancelOwnRegistration({ number: first.number, lastName: "Diallo" }, "10.27.9.1", { now: daysAgo(50) });
  await runJobs();
  const written = await prisma.outboxMail.findMany({
    where: { to: { in: ["awa.retenue@exemple.test", "karim.retenu@exemple.test"] } },
    select: { kind: true, subject: true },
  });
  expect(written.map((mail) => mail.kind).sort()).toEqual(["ACTIVITY_PROMOTED", "ACTIVITY_REGISTERED", "ACTIVITY_WAITLISTED"]);
  expect(written.every((mail) => mail.subject.includes(title))).toBe(true);
  // A mail written before its registration could be found again, whose body an earlier night purged.
  await prisma.outboxMail.create({
    data: { kind: "ACTIVITY_REGISTERED", to: "awa.retenue@exemple.test", subject: `Inscription confirmée : ${title}`, status: "KEPT", createdAt: daysAgo(58) },
  });
  // Another person's mail about an activity still to be held stays as it is.
  await prisma.outboxMail.create({
    data: {
      kind: "ACTIVITY_REGISTERED",
      to: "awa.retenue@exemple.test",
      subject: "Inscription confirmée : Rencontre de demain",
      status: "KEPT",
      createdAt: daysAgo(1),
    },
  });

  const counts = await runRetention();

  expect(counts).toMatchObject({ activityRegistrationsErased: 2, activityMailsErased: 4 });
  expect(await whereWritten("karim.retenu@exemple.test")).toEqual([]);
  // The activity keeps its title (it is the association's), and so does the log of its planning.
  expect((await whereWritten(title)).sort()).toEqual(["Activity.title", "AuditLog.after"]);
  expect(await prisma.outboxMail.findMany({ where: { to: "awa.retenue@exemple.test" }, select: { subject: true } })).toEqual([
    { subject: "Inscription confirmée : Rencontre de demain" },
  ]);
  expect((await prisma.activity.findUniqueOrThrow({ where: { id: planned.id } })).confirmedPlaces).toBe(1);
});

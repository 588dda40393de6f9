// Issue 17, "Candidatures puis tirage" (lib/booking/applications.ts) on a real PostgreSQL: the venue sets
// an application window (the seed's fingerprint shown, the seed hidden); during it a session takes
// applications, not bookings, one per structure, changed or withdrawn until the close; at the close the
// draw runs once whatever the servers, serves in draw order within the places and the venue's quota down
// to each minimum and waitlists the rest in draw order; the published record re-runs to the same order;
// afterwards the session is first come, first served, its waitlist moving up in draw order.
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { cancelSession, closeBookings } from "@/lib/booking/sessions";
import { requestBooking } from "@/lib/booking/request";
import { applyForDraw, drawRecord, runDraw, withdrawApplication } from "@/lib/booking/applications";
import { openDrawWindow, removeDrawWindow } from "@/lib/booking/sessions";
import { cancelBooking } from "@/lib/booking/cancel";
import { drawOrder, drawWeight, seedFingerprint } from "@/lib/booking/draw";
import { getPrisma } from "@/lib/db/client";
import { mailContent } from "@/lib/mail/compose";
import { mailForBooking, mailForNotice } from "@/lib/mail/booking-mails";
import { runRetention } from "@/lib/retention";
import { drawFairness } from "@/lib/stats/draws";
import { inParis, parisDate, parisTime, seasonOf } from "@/lib/time";
import { adminActor, partnerActor, venueActor } from "../factories/actors";
import { createEvent, createPartner, createSession, createVenue, insertBooking } from "../factories";
import { newFamilyName } from "../factories/booking";
import { runJobs } from "../support/jobs";
import { queriesOf } from "../support/statements";

const STARTS = parisTime("2031-03-20", 20);
const T0 = parisTime("2031-03-01", 9);
const OPENS = parisTime("2031-03-01", 10);
const CLOSES = parisTime("2031-03-08", 18);
const DURING = parisTime("2031-03-03", 12);
const AFTER = parisTime("2031-03-08", 18, 1);

/** As a datetime-local field sends it, in Paris time. */
const local = (instant: Date) => {
  const paris = inParis(instant);
  return `${parisDate(instant)}T${String(paris.getHours()).padStart(2, "0")}:${String(paris.getMinutes()).padStart(2, "0")}`;
};

interface World {
  venueId: string;
  sessionId: string;
  venue: Actor;
  structures: { id: string; actor: Actor }[];
}

async function world({
  capacity = 10,
  structures = 5,
  quota,
}: { capacity?: number; structures?: number; quota?: { period: "SESSION"; maxPlaces: number } } = {}): Promise<World> {
  const venue = await createVenue();
  if (quota) await getPrisma().quotaRule.create({ data: { venueId: venue.id, liftDaysBefore: null, ...quota } });
  const event = await createEvent({ venueId: venue.id });
  const session = await createSession({ eventId: event.id, capacity, startsAt: STARTS });
  const list = await Promise.all(
    Array.from({ length: structures }, async () => {
      // A convention valid around the session, whatever today's date.
      const partner = await createPartner({
        convention: false,
        conventions: { create: { signedOn: parisTime("2030-01-01"), validFrom: parisTime("2030-01-01"), validUntil: parisTime("2033-01-01") } },
      });
      return { id: partner.id, actor: await partnerActor(partner.id) };
    }),
  );
  return { venueId: venue.id, sessionId: session.id, venue: await venueActor(venue.id), structures: list };
}

const application = (w: World, index: number, places: number, minPlaces = places) => {
  const lastName = newFamilyName();
  return {
    sessionId: w.sessionId,
    partnerId: w.structures[index]!.id,
    minPlaces,
    guests: Array.from({ length: places }, (_, position) => ({
      firstName: position === 0 ? "Awa" : `Accompagnant ${String.fromCharCode(97 + position)}`,
      lastName,
      kind: position === 0 ? "MAIN" : "FAMILY_OR_FRIEND",
    })),
  };
};

const open = (w: World, actor: Actor = w.venue) =>
  openDrawWindow(actor, { sessionId: w.sessionId, opensAt: local(OPENS), closesAt: local(CLOSES) }, { now: T0 });

describe("the application window", () => {
  it("is set by the venue or the association on a session no one booked, with the seed's fingerprint shown and the seed hidden", async () => {
    const w = await world();
    await expect(open(w, w.structures[0]!.actor)).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    const { fingerprint } = await open(w);
    const record = await drawRecord(w.structures[0]!.actor, w.sessionId);
    expect(record).toMatchObject({ fingerprint, seed: null, drawnAt: null, count: 0, rows: [] });
    const stored = await getPrisma().sessionDraw.findUniqueOrThrow({ where: { sessionId: w.sessionId } });
    expect(seedFingerprint(stored.seed)).toBe(fingerprint);
    const [job] = await getPrisma().$queryRaw<
      { task_identifier: string; run_at: Date }[]
    >`SELECT t.identifier AS task_identifier, j.run_at FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE j.key = ${`session-draw:${w.sessionId}`}`;
    expect(job).toMatchObject({ task_identifier: "run-draw", run_at: CLOSES });
    // The association may set it too; a booked session cannot be drawn.
    const booked = await world();
    await insertBooking(booked.sessionId, booked.structures[0]!.id, { places: 1 });
    await expect(
      openDrawWindow(await adminActor(), { sessionId: booked.sessionId, opensAt: local(OPENS), closesAt: local(CLOSES) }, { now: T0 }),
    ).rejects.toMatchObject({ code: "DRAW_SESSION_BOOKED" });
    await expect(openDrawWindow(w.venue, { sessionId: w.sessionId, opensAt: local(CLOSES), closesAt: local(OPENS) }, { now: T0 })).rejects.toMatchObject({
      code: "DRAW_WINDOW_ORDER",
    });
    await expect(
      openDrawWindow(w.venue, { sessionId: w.sessionId, opensAt: local(OPENS), closesAt: local(parisTime("2031-03-21", 9)) }, { now: T0 }),
    ).rejects.toMatchObject({ code: "DRAW_AFTER_CLOSING" });
  });

  it("takes applications, not bookings: one per structure, changed or withdrawn until the close", async () => {
    const w = await world();
    await open(w);
    const [a, b] = w.structures;
    await expect(requestBooking(a!.actor, { ...application(w, 0, 2) }, { now: DURING })).rejects.toMatchObject({ code: "DRAW_PENDING" });
    await expect(applyForDraw(a!.actor, application(w, 0, 2), { now: parisTime("2031-03-01", 9, 30) })).rejects.toMatchObject({ code: "DRAW_NOT_OPEN" });
    await expect(applyForDraw(a!.actor, application(w, 0, 3, 2), { now: DURING })).resolves.toMatchObject({ places: 3, minPlaces: 2, changed: false });
    await expect(applyForDraw(a!.actor, application(w, 0, 4, 1), { now: DURING })).resolves.toMatchObject({ places: 4, minPlaces: 1, changed: true });
    await expect(applyForDraw(b!.actor, application(w, 0, 2), { now: DURING })).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    await expect(applyForDraw(a!.actor, application(w, 0, 7), { now: DURING })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(applyForDraw(a!.actor, application(w, 0, 2, 3), { now: DURING })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await applyForDraw(b!.actor, application(w, 1, 2), { now: DURING });
    await withdrawApplication(b!.actor, { sessionId: w.sessionId, partnerId: b!.id }, { now: DURING });
    await expect(withdrawApplication(b!.actor, { sessionId: w.sessionId, partnerId: b!.id }, { now: DURING })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(applyForDraw(b!.actor, application(w, 1, 2), { now: AFTER })).rejects.toMatchObject({ code: "DRAW_CLOSED" });
    expect(await getPrisma().application.count({ where: { sessionId: w.sessionId } })).toBe(1);
    await expect(removeDrawWindow(w.venue, { sessionId: w.sessionId }, { now: DURING })).rejects.toMatchObject({ code: "DRAW_HAS_APPLICATIONS" });
  });
});

describe("the draw", () => {
  it("runs once at the close: served in draw order within the places down to each minimum, the rest waiting in draw order; the record re-runs", async () => {
    const w = await world({ capacity: 10, structures: 6 });
    // One structure already went out this season (a place confirmed, cancelled since: it still counts).
    const earlier = await createSession({ eventId: (await createEvent({ venueId: w.venueId })).id, startsAt: parisTime("2031-01-10", 20) });
    await insertBooking(earlier.id, w.structures[0]!.id, {
      places: 1,
      status: "CANCELLED",
      cancelledAt: parisTime("2031-01-09"),
      cancelReason: "PARTNER",
      confirmedAt: parisTime("2031-01-05"),
    });
    await open(w);
    const asks = [
      [4, 2],
      [4, 4],
      [3, 3],
      [2, 1],
      [3, 2],
      [1, 1],
    ] as const;
    for (const [index, [places, min]] of asks.entries()) await applyForDraw(w.structures[index]!.actor, application(w, index, places, min), { now: DURING });

    expect(await runDraw(w.sessionId, { now: DURING })).toEqual({ drawn: false, served: 0, waiting: 0 });
    const [first, second] = await Promise.all([runDraw(w.sessionId, { now: AFTER }), runDraw(w.sessionId, { now: AFTER })]);
    expect([first!.drawn, second!.drawn].sort()).toEqual([false, true]);
    expect(await runDraw(w.sessionId, { now: AFTER })).toMatchObject({ drawn: false });

    const record = (await drawRecord(w.venue, w.sessionId))!;
    expect(record.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(seedFingerprint(record.seed!)).toBe(record.fingerprint);
    expect(record.rows.map((row) => row.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(record.rows.find((row) => row.partnerName === null)).toBeUndefined();
    const earlierOne = record.rows.find((row) => row.outings === 1)!;
    expect(earlierOne.weight).toBeCloseTo(Math.sqrt(2) / 2);
    // Anyone re-runs it from what is published: the same order.
    const rerun = drawOrder(
      record.rows.map((row) => ({ id: row.applicationId, partnerId: row.applicationId, places: row.places, minPlaces: row.minPlaces, weight: row.weight })),
      record.seed!,
    );
    expect(rerun.map((row) => row.id)).toEqual(record.rows.map((row) => row.applicationId));

    // The bookings: within the places, minimums held, waiting ones in draw order.
    const session = await getPrisma().session.findUniqueOrThrow({ where: { id: w.sessionId }, select: { capacity: true, confirmedPlaces: true } });
    expect(session.confirmedPlaces).toBeLessThanOrEqual(session.capacity);
    expect(session.confirmedPlaces).toBe(record.rows.reduce((sum, row) => sum + row.placesWon, 0));
    for (const row of record.rows) if (row.placesWon) expect(row.placesWon).toBeGreaterThanOrEqual(row.minPlaces);
    const bookings = await getPrisma().booking.findMany({
      where: { sessionId: w.sessionId },
      orderBy: { requestSeq: "asc" },
      select: { id: true, status: true, places: true },
    });
    const applications = await getPrisma().application.findMany({
      where: { sessionId: w.sessionId },
      select: { bookingId: true, rank: true, placesWon: true, guests: true },
    });
    const rankOf = new Map(applications.map((a) => [a.bookingId, a.rank!]));
    const waiting = bookings.filter((b) => b.status === "WAITLISTED").map((b) => rankOf.get(b.id)!);
    expect(waiting).toEqual([...waiting].sort((x, y) => x - y));
    expect(applications.every((a) => Array.isArray(a.guests) && a.guests.length === 0)).toBe(true);
    // Each structure reads its own rank, and no other structure's name.
    const own = (await drawRecord(w.structures[3]!.actor, w.sessionId))!;
    expect(own.own).toMatchObject({ rank: expect.any(Number) });
    expect(own.rows.filter((row) => row.partnerName !== null)).toHaveLength(1);
    expect(own.rows.find((row) => row.own)?.rank).toBe(own.own!.rank);

    // One sentence, in the mail to each structure: its rank, and what it won or where it waits.
    const winner = applications.find((a) => a.placesWon! > 0)!;
    const waiter = applications.find((a) => a.placesWon === 0)!;
    const wonMail = await mailContent({ kind: "DRAW_RESULT", props: { bookingId: winner.bookingId }, recipientName: null });
    expect(wonMail?.paragraphs[0]?.replace(/\s+/g, " ")).toMatch(
      new RegExp(
        `^Tirage du samedi 8 mars 2031 à 18 h 01 : votre demande est sortie ${winner.rank === 1 ? "1re" : `${winner.rank}e`} sur 6\\. ${winner.placesWon} places? (est|sont) confirmées? : imprimez les invitations\\.`,
      ),
    );
    const waitMail = await mailContent({ kind: "DRAW_RESULT", props: { bookingId: waiter.bookingId }, recipientName: null });
    expect(waitMail?.paragraphs[0]?.replace(/\s+/g, " ")).toContain(
      `votre demande est sortie ${waiter.rank}e sur 6, quand il ne restait plus assez de places. Elle attend en position`,
    );
    expect(await mailForBooking(waiter.bookingId!)).toBeGreaterThan(0);
    expect(await getPrisma().outboxMail.count({ where: { kind: "DRAW_RESULT", props: { path: ["bookingId"], equals: waiter.bookingId! } } })).toBeGreaterThan(
      0,
    );
    // The winners' mail is the draw's result too (written with their booking), never a plain confirmation.
    await runJobs();
    const aboutWinner = await getPrisma().outboxMail.findMany({ where: { props: { path: ["bookingId"], equals: winner.bookingId! } }, select: { kind: true } });
    expect(aboutWinner.map((mail) => mail.kind)).toEqual(["DRAW_RESULT"]);

    // Places given back go down the waiting applications in draw order, each served down to its minimum (issue 26.4).
    const confirmed = bookings.filter((b) => b.status === "CONFIRMED");
    const freed = confirmed[0]!;
    await cancelBooking(await adminActor(), { bookingId: freed.id, code: "PARTNER_REQUEST" }, { now: AFTER });
    const after = await getPrisma().booking.findMany({
      where: { sessionId: w.sessionId },
      orderBy: { requestSeq: "asc" },
      select: { id: true, places: true, status: true },
    });
    const promoted = bookings
      .filter((b) => b.status === "WAITLISTED" && after.some((a) => a.id === b.id && a.status === "CONFIRMED"))
      .map((b) => ({ id: b.id, places: after.find((a) => a.id === b.id)!.places }));
    const minimumOf = new Map(
      (await getPrisma().application.findMany({ where: { sessionId: w.sessionId }, select: { bookingId: true, minPlaces: true } })).map((a) => [
        a.bookingId,
        a.minPlaces,
      ]),
    );
    const expected: { id: string; places: number }[] = [];
    let room = session.capacity - session.confirmedPlaces + freed.places;
    for (const b of bookings.filter((b) => b.status === "WAITLISTED")) {
      const fits = Math.min(b.places, room);
      if (fits === 0 || fits < minimumOf.get(b.id)!) continue;
      expected.push({ id: b.id, places: fits });
      room -= fits;
    }
    expect(promoted).toEqual(expected);

    // The association's statistics: the season's draws, the share of applying structures served, the Gini.
    const fairness = (await drawFairness(await adminActor(), seasonOf(STARTS)))!;
    expect(fairness.sessions).toBeGreaterThanOrEqual(1);
    expect(fairness.structures).toBeGreaterThanOrEqual(6);
    expect(fairness.served).toBeGreaterThan(0);
    expect(fairness.served).toBeLessThanOrEqual(1);
    expect(fairness.gini).toBeGreaterThanOrEqual(0);
    expect(fairness.gini).toBeLessThan(1);
    await expect(drawFairness(w.structures[0]!.actor, seasonOf(STARTS))).rejects.toMatchObject({ code: "ACCESS_DENIED" });
  });

  it("holds the venue's quota, and afterwards serves the waitlist in draw order, then first come, first served", async () => {
    const w = await world({ capacity: 6, structures: 3, quota: { period: "SESSION", maxPlaces: 2 } });
    await open(w);
    await applyForDraw(w.structures[0]!.actor, application(w, 0, 4, 2), { now: DURING });
    await applyForDraw(w.structures[1]!.actor, application(w, 1, 3, 3), { now: DURING });
    await applyForDraw(w.structures[2]!.actor, application(w, 2, 2, 1), { now: DURING });
    await runDraw(w.sessionId, { now: AFTER });
    const rows = (await drawRecord(w.venue, w.sessionId))!.rows;
    // Nobody gets more than the quota's 2 places; the one needing 3 together waits.
    expect(rows.map((row) => row.placesWon).every((won) => won <= 2)).toBe(true);
    expect(rows.find((row) => row.minPlaces === 3)!.placesWon).toBe(0);
    // After the draw a new request is first come, first served.
    const late = await createPartner({
      convention: false,
      conventions: { create: { signedOn: parisTime("2030-01-01"), validFrom: parisTime("2030-01-01"), validUntil: parisTime("2033-01-01") } },
    });
    const lateActor = await partnerActor(late.id);
    await expect(requestBooking(lateActor, { ...application(w, 0, 1), partnerId: late.id }, { now: AFTER })).resolves.toMatchObject({ outcome: "CONFIRMED" });
  });
});

// Issue 26, points 1 to 4 (decision 013, "Second round"): the draw and the booking window, a session
// cancelled during its window, what counts as an outing, and places given back after a draw.

/** Sets a seed under which the applications come out in the given order of structures (all with k = 0). */
async function seedForOrder(w: World, order: number[]): Promise<void> {
  const rows = await getPrisma().application.findMany({
    where: { sessionId: w.sessionId },
    select: { id: true, partnerId: true, places: true, minPlaces: true },
  });
  const wanted = order.map((index) => w.structures[index]!.id);
  const weighted = rows.map((row) => ({ ...row, weight: drawWeight(0, row.minPlaces) }));
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const seed = randomBytes(32).toString("hex");
    if (
      drawOrder(weighted, seed)
        .map((row) => row.partnerId)
        .join() === wanted.join()
    ) {
      await getPrisma().sessionDraw.update({ where: { sessionId: w.sessionId }, data: { seed, fingerprint: seedFingerprint(seed) } });
      return;
    }
  }
  throw new Error("no seed found for that order");
}

const appliedGuests = async (sessionId: string) =>
  (await getPrisma().application.findMany({ where: { sessionId }, select: { guests: true } })).map((row) => row.guests);

describe("issue 26.1: the draw respects the session's booking window", () => {
  it("refuses to close bookings while the draw is to come, and refuses applications once bookings are closed", async () => {
    const w = await world({ structures: 2 });
    await open(w);
    await applyForDraw(w.structures[0]!.actor, application(w, 0, 2), { now: DURING });
    await expect(closeBookings(w.venue, { sessionId: w.sessionId }, { now: DURING })).rejects.toMatchObject({ code: "DRAW_PENDING_NO_CLOSE" });
    expect((await getPrisma().session.findUniqueOrThrow({ where: { id: w.sessionId } })).closedAt).toBeNull();
    // Bookings closed by hand before this rule (or by the database): no application is taken any more.
    await getPrisma().session.update({ where: { id: w.sessionId }, data: { closedAt: DURING } });
    await expect(applyForDraw(w.structures[1]!.actor, application(w, 1, 2), { now: DURING })).rejects.toMatchObject({ code: "BOOKINGS_CLOSED" });
  });

  it("ends without booking when bookings closed before it ran, and tells the applicants", async () => {
    for (const late of ["closedByHand", "afterClosingTime"] as const) {
      const w = await world({ structures: 2 });
      await open(w);
      await applyForDraw(w.structures[0]!.actor, application(w, 0, 2), { now: DURING });
      await applyForDraw(w.structures[1]!.actor, application(w, 1, 3, 1), { now: DURING });
      let when = AFTER;
      if (late === "closedByHand") await getPrisma().session.update({ where: { id: w.sessionId }, data: { closedAt: DURING } });
      else when = parisTime("2031-03-20", 21); // the job ran after the session's start (a server down, a queue behind)
      expect(await runDraw(w.sessionId, { now: when })).toEqual({ drawn: false, served: 0, waiting: 0, notHeld: "BOOKINGS_CLOSED" });
      expect(await runDraw(w.sessionId, { now: when })).toEqual({ drawn: false, served: 0, waiting: 0 });
      expect(await getPrisma().booking.count({ where: { sessionId: w.sessionId } })).toBe(0);
      const notices = await getPrisma().notification.findMany({ where: { sessionId: w.sessionId }, select: { partnerId: true, type: true, id: true } });
      expect(notices.map((n) => n.type)).toEqual(["DRAW_NOT_HELD", "DRAW_NOT_HELD"]);
      expect(new Set(notices.map((n) => n.partnerId))).toEqual(new Set(w.structures.map((s) => s.id)));
      expect(await mailForNotice(notices[0]!.id)).toBeGreaterThan(0);
      const mail = await getPrisma().outboxMail.findFirstOrThrow({ where: { sourceKey: { startsWith: `notice:${notices[0]!.id}` } } });
      const content = await mailContent({ kind: mail.kind, props: mail.props as Record<string, unknown>, recipientName: null });
      expect(content?.paragraphs.join(" ")).toContain("n'a pas eu lieu");
      expect((await appliedGuests(w.sessionId)).every((guests) => Array.isArray(guests) && guests.length === 0)).toBe(true);
      const record = (await drawRecord(w.structures[0]!.actor, w.sessionId))!;
      expect(record).toMatchObject({ notHeld: "BOOKINGS_CLOSED", seed: null, rows: [], window: "CLOSED" });
    }
  });
});

describe("issue 26.2: a session cancelled during its application window", () => {
  it("tells the applicants, removes the draw's job, empties the applications' guests; retention covers applications", async () => {
    const w = await world({ structures: 2 });
    await open(w);
    await applyForDraw(w.structures[0]!.actor, application(w, 0, 2), { now: DURING });
    await applyForDraw(w.structures[1]!.actor, application(w, 1, 1), { now: DURING });
    await cancelSession(w.venue, { sessionId: w.sessionId, note: "Artiste malade" }, { now: DURING });
    const notices = await getPrisma().notification.findMany({ where: { sessionId: w.sessionId }, select: { partnerId: true, type: true, id: true } });
    expect(notices.map((n) => n.type)).toEqual(["SESSION_CANCELLED", "SESSION_CANCELLED"]);
    expect(new Set(notices.map((n) => n.partnerId))).toEqual(new Set(w.structures.map((s) => s.id)));
    expect(await mailForNotice(notices[0]!.id)).toBeGreaterThan(0);
    const mail = await getPrisma().outboxMail.findFirstOrThrow({ where: { sourceKey: { startsWith: `notice:${notices[0]!.id}` } } });
    const content = await mailContent({ kind: mail.kind, props: mail.props as Record<string, unknown>, recipientName: null });
    expect(content?.paragraphs.join(" ")).toContain("Artiste malade");
    const jobs = await getPrisma().$queryRaw<{ key: string }[]>`SELECT key FROM graphile_worker._private_jobs WHERE key = ${`session-draw:${w.sessionId}`}`;
    expect(jobs).toEqual([]);
    expect((await appliedGuests(w.sessionId)).every((guests) => Array.isArray(guests) && guests.length === 0)).toBe(true);
    expect(await drawRecord(w.structures[0]!.actor, w.sessionId)).toMatchObject({ notHeld: "SESSION_CANCELLED", seed: null, rows: [] });
    expect(await runDraw(w.sessionId, { now: AFTER })).toMatchObject({ drawn: false });

    // An application left with its guests (a draw cancelled before this fix): the nightly retention empties it.
    const old = await world({ structures: 1 });
    await open(old);
    await applyForDraw(old.structures[0]!.actor, application(old, 0, 2), { now: DURING });
    await getPrisma().session.update({ where: { id: old.sessionId }, data: { status: "CANCELLED", cancelledAt: DURING } });
    await getPrisma().sessionDraw.update({ where: { sessionId: old.sessionId }, data: { drawnAt: AFTER } });
    expect((await appliedGuests(old.sessionId))[0]).toHaveLength(2);
    const counts = await runRetention();
    expect(counts.applicationGuestsErased).toBeGreaterThanOrEqual(1);
    expect((await appliedGuests(old.sessionId))[0]).toEqual([]);
  });
});

describe("issue 26.3: the draw's weight counts what the structure gave up or used", () => {
  it("does not count an outing the venue or the session's cancellation took away", async () => {
    const w = await world({ structures: 6 });
    const earlier = await createSession({ eventId: (await createEvent({ venueId: w.venueId })).id, startsAt: parisTime("2031-01-10", 20) });
    const was = { confirmedAt: parisTime("2031-01-05"), status: "CANCELLED" as const, cancelledAt: parisTime("2031-01-09") };
    await insertBooking(earlier.id, w.structures[0]!.id, { ...was, cancelReason: "VENUE" });
    await insertBooking(earlier.id, w.structures[1]!.id, { ...was, cancelReason: "SESSION_CANCELLED" });
    await insertBooking(earlier.id, w.structures[2]!.id, { ...was, cancelReason: "ASSOCIATION", cancelCode: "VENUE_REQUEST" });
    await insertBooking(earlier.id, w.structures[3]!.id, { ...was, cancelReason: "PARTNER" });
    await insertBooking(earlier.id, w.structures[4]!.id, { ...was, cancelReason: "ASSOCIATION", cancelCode: "GUEST_UNAVAILABLE" });
    await insertBooking(earlier.id, w.structures[5]!.id, { places: 1, status: "CONFIRMED", confirmedAt: parisTime("2031-01-05") });
    await open(w);
    for (const index of [0, 1, 2, 3, 4, 5]) await applyForDraw(w.structures[index]!.actor, application(w, index, 1), { now: DURING });
    await runDraw(w.sessionId, { now: AFTER });
    const rows = await getPrisma().application.findMany({ where: { sessionId: w.sessionId }, select: { partnerId: true, outings: true } });
    const outings = (index: number) => rows.find((row) => row.partnerId === w.structures[index]!.id)!.outings;
    expect([0, 1, 2, 3, 4, 5].map(outings)).toEqual([0, 0, 0, 1, 1, 1]);
  });
});

describe("issue 26.4: places given back after a draw go down the draw's order first", () => {
  it("serves a waiting application's minimum before the waitlist and before a newcomer", async () => {
    const w = await world({ capacity: 4, structures: 4 });
    await open(w);
    await applyForDraw(w.structures[0]!.actor, application(w, 0, 2), { now: DURING });
    await applyForDraw(w.structures[1]!.actor, application(w, 1, 2), { now: DURING });
    await applyForDraw(w.structures[2]!.actor, application(w, 2, 4, 1), { now: DURING });
    await seedForOrder(w, [0, 1, 2]);
    expect(await runDraw(w.sessionId, { now: AFTER })).toMatchObject({ served: 2, waiting: 1 });
    // After the draw, a request that waits: first come, first served, after the draw's order.
    await expect(requestBooking(w.structures[3]!.actor, { ...application(w, 3, 1), ifShort: "WAITLIST" }, { now: AFTER })).resolves.toMatchObject({
      outcome: "WAITLISTED",
    });
    const first = await getPrisma().application.findFirstOrThrow({ where: { sessionId: w.sessionId, partnerId: w.structures[0]!.id } });
    await cancelBooking(w.structures[0]!.actor, { bookingId: first.bookingId! }, { now: AFTER });
    // The two places go to the third drawn, which asked 4 and would take 1: it gets 2, its first two guests.
    const third = await getPrisma().application.findFirstOrThrow({
      where: { sessionId: w.sessionId, partnerId: w.structures[2]!.id },
      select: { booking: { select: { status: true, places: true, guests: { orderBy: { position: "asc" }, select: { position: true, firstName: true } } } } },
    });
    expect(third.booking).toMatchObject({ status: "CONFIRMED", places: 2 });
    expect(third.booking!.guests.map((g) => g.position)).toEqual([0, 1]);
    expect(third.booking!.guests[0]!.firstName).toBe("Awa");
    const session = await getPrisma().session.findUniqueOrThrow({ where: { id: w.sessionId }, select: { confirmedPlaces: true, waitlistedPlaces: true } });
    expect(session).toEqual({ confirmedPlaces: 4, waitlistedPlaces: 1 });
    // A newcomer finds no place left.
    const late = await createPartner({
      convention: false,
      conventions: { create: { signedOn: parisTime("2030-01-01"), validFrom: parisTime("2030-01-01"), validUntil: parisTime("2033-01-01") } },
    });
    await expect(
      requestBooking(await partnerActor(late.id), { ...application(w, 0, 2), partnerId: late.id, ifShort: "NOTHING" }, { now: AFTER }),
    ).resolves.toMatchObject({ outcome: "NOT_BOOKED" });
  });
});

describe("issue 35.1: a draw's statements", () => {
  // A draw books each application in its own statement (its number, guests and mail), then writes what it
  // published on the applications and tells the ones waiting in one statement each: one statement more
  // per application, not two or three (the season replays some 2,500 draws at scale 1).
  it("sends one statement more per application drawn, and writes what it did on every application", async () => {
    const drawOf = async (structures: number) => {
      const w = await world({ capacity: 3, structures });
      await open(w);
      for (let index = 0; index < structures; index++) await applyForDraw(w.structures[index]!.actor, application(w, index, 1), { now: DURING });
      const { result, queries } = await queriesOf(() => runDraw(w.sessionId, { now: AFTER }));
      expect(result).toMatchObject({ drawn: true, served: 3, waiting: structures - 3 });
      return { queries, sessionId: w.sessionId };
    };
    const small = await drawOf(4);
    const large = await drawOf(10);
    expect(large.queries - small.queries).toBe(6);

    // Ranks 1 to 10, the first three served, each with its booking in draw order, the guests' names dropped.
    const applications = await getPrisma().application.findMany({
      where: { sessionId: large.sessionId },
      orderBy: { rank: "asc" },
      select: {
        rank: true,
        placesWon: true,
        guests: true,
        u: true,
        weight: true,
        outings: true,
        updatedAt: true,
        booking: { select: { id: true, status: true, requestSeq: true } },
      },
    });
    expect(applications.map((row) => row.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(applications.map((row) => row.placesWon)).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(applications.map((row) => row.booking?.status)).toEqual([...Array(3).fill("CONFIRMED"), ...Array(7).fill("WAITLISTED")]);
    const seqs = applications.map((row) => Number(row.booking!.requestSeq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    for (const row of applications) {
      expect(row).toMatchObject({ guests: [], outings: 0, updatedAt: AFTER });
      expect(row.u).toBeGreaterThan(0);
      expect(row.u).toBeLessThan(1);
      expect(row.weight).toBe(1);
    }
    // The seven waiting are each told by a job; the three served by their booking's own mail.
    const told = await getPrisma().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM graphile_worker.jobs
      WHERE task_identifier = 'mail-for-booking' AND key = ANY(${applications.map((row) => `draw-result:${row.booking!.id}`)})`;
    expect(told[0]!.n).toBe(7);
  });
});

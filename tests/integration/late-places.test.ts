// Issue 33.2, "Des places ce soir": within 48 hours of the start a venue releases late places; the
// structures that asked for them and whose choices match hear at once; first confirmed, first served,
// no quota, no waitlist, closing at the start minus the venue's margin; never more booked than released,
// the database refusing it too; the guest list shows them; a cancelled late place comes back to the pool.
import { cancelBooking } from "@/lib/booking/cancel";
import { releaseLatePlaces, requestLatePlaces } from "@/lib/booking/late-places";
import { lateOffers, timeLeft, type LateOffer } from "@/lib/catalog/late-places";
import { getPrisma } from "@/lib/db/client";
import { mailContent } from "@/lib/mail/compose";
import { setLateAlertChoice } from "@/lib/partner/late-alerts";
import { getGuestList } from "@/lib/venue/guest-list";
import { LATE_PLACES_SQL, latePlacesFigure } from "@/lib/stats/late-places";
import { parisTime, seasonOf } from "@/lib/time";
import { createEvent, createPartner, createSession, createVenue, insertBooking } from "../factories";
import { adminActor, partnerActor, venueActor } from "../factories/actors";
import { partners, request } from "../factories/booking";
import { forgetJobsAndMail } from "../support/jobs";

jest.setTimeout(60_000);

// A Tuesday afternoon in Paris; the session is that evening.
const now = parisTime("2026-12-22", 15, 0);
const startsAt = parisTime("2026-12-22", 20, 30);

async function tonight({ capacity = 4, area = "Croix-Rousse", category = "THEATRE" as const } = {}) {
  const venue = await createVenue({ area });
  const event = await createEvent({ venueId: venue.id, category });
  const session = await createSession({ eventId: event.id, capacity, startsAt });
  return { venueId: venue.id, eventId: event.id, sessionId: session.id, venue: await venueActor(venue.id) };
}

async function optedIn(choice: { categories?: string[]; areas?: string[]; fromHour?: number; untilHour?: number } | null) {
  const partner = await createPartner();
  const actor = await partnerActor(partner.id);
  if (choice) await setLateAlertChoice(actor, { partnerId: partner.id, wanted: true, ...choice });
  return { id: partner.id, actor, userId: (actor as { userId: string }).userId };
}

const late = (sessionId: string) =>
  getPrisma().session.findUniqueOrThrow({
    where: { id: sessionId },
    select: { capacity: true, confirmedPlaces: true, latePlaces: true, lateConfirmedPlaces: true },
  });

describe("a release of late places", () => {
  beforeEach(forgetJobsAndMail);

  it("notifies only the opted-in structures whose categories, areas and hours match", async () => {
    const stage = await tonight();
    const theatreHere = await optedIn({ categories: ["THEATRE"], areas: ["Croix-Rousse"] });
    const anything = await optedIn({});
    await optedIn(null); // asked for nothing
    await optedIn({ categories: ["MUSIC"] });
    await optedIn({ areas: ["Vaise"] });
    await optedIn({ fromHour: 18, untilHour: 22 }); // cannot reach anyone at 15:00
    const noConvention = await createPartner({ convention: false });
    await setLateAlertChoice(await partnerActor(noConvention.id), { partnerId: noConvention.id, wanted: true });

    const result = await releaseLatePlaces(stage.venue, { sessionId: stage.sessionId, places: 3, marginMinutes: 30 }, { now });

    expect(result).toEqual({ latePlaces: 3, alerted: 2 });
    const mails = await getPrisma().outboxMail.findMany({ where: { kind: "LATE_PLACES" }, select: { userId: true, props: true } });
    expect(mails.map((mail) => mail.userId).sort()).toEqual([theatreHere.userId, anything.userId].sort());
    const content = await mailContent({ kind: "LATE_PLACES", props: mails[0]!.props as Record<string, unknown>, recipientName: "Awa" });
    expect(content?.subject).toContain("Des places ce soir");
    expect(content?.url).toContain(`/offre/${stage.eventId}/reserver/${stage.sessionId}?tard=1`);
    expect(content?.paragraphs.join(" ")).toMatch(/il reste 3/);
  });

  it("is refused more than 48 hours before the start, after the margin, and to another venue", async () => {
    const stage = await tonight();
    await expect(releaseLatePlaces(stage.venue, { sessionId: stage.sessionId, places: 2 }, { now: parisTime("2026-12-20", 12) })).rejects.toMatchObject({
      code: "LATE_TOO_EARLY",
    });
    await expect(
      releaseLatePlaces(stage.venue, { sessionId: stage.sessionId, places: 2, marginMinutes: 60 }, { now: parisTime("2026-12-22", 19, 45) }),
    ).rejects.toMatchObject({ code: "LATE_MARGIN_TOO_LONG" });
    await expect(releaseLatePlaces(await venueActor((await createVenue()).id), { sessionId: stage.sessionId, places: 2 }, { now })).rejects.toThrow(/lieu/);
    expect(await late(stage.sessionId)).toMatchObject({ latePlaces: 0 });
  });
});

describe("booking late places", () => {
  it("gives two structures racing for the last late place one place and a clear refusal", async () => {
    const stage = await tonight();
    await releaseLatePlaces(stage.venue, { sessionId: stage.sessionId, places: 1 }, { now });
    const [a, b] = await partners(2);
    const answers = await Promise.allSettled([a!, b!].map((p) => requestLatePlaces(p.actor, request(stage.sessionId, p.id, 1), { now })));

    const booked = answers.filter((answer) => answer.status === "fulfilled");
    const refused = answers.filter((answer): answer is PromiseRejectedResult => answer.status === "rejected");
    expect(booked).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toMatchObject({ code: "LATE_PLACES_GONE", message: expect.stringMatching(/une autre structure a réservé avant vous/) });
    expect(await late(stage.sessionId)).toMatchObject({ latePlaces: 1, lateConfirmedPlaces: 1, confirmedPlaces: 0 });
  });

  it("gives two structures racing for two late places one each", async () => {
    const stage = await tonight();
    await releaseLatePlaces(stage.venue, { sessionId: stage.sessionId, places: 2 }, { now });
    const [a, b] = await partners(2);
    const answers = await Promise.all([a!, b!].map((p) => requestLatePlaces(p.actor, request(stage.sessionId, p.id, 1), { now })));
    expect(answers.map((answer) => answer.outcome)).toEqual(["CONFIRMED", "CONFIRMED"]);
    expect(await late(stage.sessionId)).toMatchObject({ latePlaces: 2, lateConfirmedPlaces: 2 });
  });

  it("never books more than released: a larger request is refused whole, never waitlisted", async () => {
    const stage = await tonight();
    await releaseLatePlaces(stage.venue, { sessionId: stage.sessionId, places: 2 }, { now });
    const [a] = await partners(1);
    await expect(requestLatePlaces(a!.actor, request(stage.sessionId, a!.id, 3, "WAITLIST"), { now })).rejects.toMatchObject({
      code: "LATE_PLACES_GONE",
      message: expect.stringMatching(/Il ne reste que 2 places/),
    });
    expect(await getPrisma().booking.count({ where: { sessionId: stage.sessionId } })).toBe(0);
  });

  it("is refused by the database beyond what was released, and never as a waitlist", async () => {
    const stage = await tonight();
    await releaseLatePlaces(stage.venue, { sessionId: stage.sessionId, places: 1 }, { now });
    const partner = await createPartner();
    await insertBooking(stage.sessionId, partner.id, { late: true });
    await expect(insertBooking(stage.sessionId, partner.id, { late: true })).rejects.toThrow(/Session_latePlaces_check/);
    await expect(insertBooking(stage.sessionId, partner.id, { late: true, status: "WAITLISTED" })).rejects.toThrow(/Booking_late_check/);
    await expect(getPrisma().session.update({ where: { id: stage.sessionId }, data: { latePlaces: 0 } })).rejects.toThrow(/Session_latePlaces_check/);
    expect(await late(stage.sessionId)).toMatchObject({ latePlaces: 1, lateConfirmedPlaces: 1, confirmedPlaces: 0 });
  });

  it("ignores the structure's quota, leaves capacity alone, shows the guests on the door list, and takes a cancelled place back", async () => {
    const venue = await createVenue();
    await getPrisma().quotaRule.create({ data: { venueId: venue.id, period: "SESSION", maxPlaces: 1, liftDaysBefore: null } });
    const event = await createEvent({ venueId: venue.id });
    const session = await createSession({ eventId: event.id, capacity: 1, startsAt });
    const manager = await venueActor(venue.id);
    const [a] = await partners(1);
    // The session is full and the structure's quota reached.
    await insertBooking(session.id, a!.id);
    await releaseLatePlaces(manager, { sessionId: session.id, places: 3, marginMinutes: 30 }, { now });

    const answer = await requestLatePlaces(a!.actor, request(session.id, a!.id, 2), { now });
    expect(answer).toMatchObject({ outcome: "CONFIRMED", placesLeft: 3, quotaLeft: null });
    expect(await late(session.id)).toEqual({ capacity: 1, confirmedPlaces: 1, latePlaces: 3, lateConfirmedPlaces: 2 });

    const list = await getGuestList(manager, session.id, { now });
    expect(list.guests.filter((guest) => guest.late).map((guest) => guest.number)).toEqual([
      answer.outcome === "CONFIRMED" ? answer.confirmed.number : "",
      answer.outcome === "CONFIRMED" ? answer.confirmed.number : "",
    ]);
    expect(list.session).toMatchObject({ latePlaces: 3, lateConfirmedPlaces: 2 });

    if (answer.outcome !== "CONFIRMED") throw new Error("confirmed expected");
    await cancelBooking(a!.actor, { bookingId: answer.confirmed.id, code: "GUEST_UNAVAILABLE" }, { now });
    expect(await late(session.id)).toMatchObject({ confirmedPlaces: 1, lateConfirmedPlaces: 0 });
  });

  it("closes at the start minus the venue's margin", async () => {
    const stage = await tonight();
    await releaseLatePlaces(stage.venue, { sessionId: stage.sessionId, places: 2, marginMinutes: 45 }, { now });
    const [a] = await partners(1);
    await expect(requestLatePlaces(a!.actor, request(stage.sessionId, a!.id, 1), { now: parisTime("2026-12-22", 19, 45) })).rejects.toMatchObject({
      code: "LATE_CLOSED",
    });
    await expect(requestLatePlaces(a!.actor, request(stage.sessionId, a!.id, 1), { now: parisTime("2026-12-22", 19, 44) })).resolves.toMatchObject({
      outcome: "CONFIRMED",
    });
  });

  it("is refused on a session where the venue released none", async () => {
    const stage = await tonight();
    const [a] = await partners(1);
    await expect(requestLatePlaces(a!.actor, request(stage.sessionId, a!.id, 1), { now })).rejects.toMatchObject({ code: "LATE_NONE" });
  });
});

describe("the statistics of late places", () => {
  it("count the places released and used, for the association and for the venue alone", async () => {
    const stage = await tonight();
    const other = await tonight();
    await releaseLatePlaces(stage.venue, { sessionId: stage.sessionId, places: 3 }, { now });
    await releaseLatePlaces(other.venue, { sessionId: other.sessionId, places: 2 }, { now });
    const [a] = await partners(1);
    await requestLatePlaces(a!.actor, request(stage.sessionId, a!.id, 2), { now });

    const season = seasonOf(startsAt);
    const all = await latePlacesFigure(await adminActor(), { season });
    expect(all.released - all.used).toBeGreaterThanOrEqual(3);
    expect(await latePlacesFigure(stage.venue, { season, venueId: stage.venueId })).toEqual({ sessions: 1, released: 3, used: 2 });
    await expect(latePlacesFigure(stage.venue, { season, venueId: other.venueId })).rejects.toThrow(/réservés/);
    await expect(latePlacesFigure(stage.venue, { season })).rejects.toThrow(/réservés/);
  });

  it("reads the season's sessions with late places through their index, not the whole table (issue 35.2)", async () => {
    // Every view of the statistics pages asks this figure: at national scale (50,000 sessions) a read of the
    // whole table took 8 ms of the database's time per view, under 16 clients a share of its two cores.
    const stage = await tonight();
    await releaseLatePlaces(stage.venue, { sessionId: stage.sessionId, places: 2 }, { now });
    const range = { from: parisTime("2026-09-01", 0, 0), to: parisTime("2027-09-01", 0, 0) };
    const explained = LATE_PLACES_SQL.replace("$1", `'${range.from.toISOString()}'`).replace("$2", `'${range.to.toISOString()}'`).replace(/\$3/g, "NULL");
    const rolledBack = new Error("rolled back");
    let plan = "";
    // A season's worth of sessions without late places (undone after), the table's statistics read, and
    // sequential scans made costly: the planner as on a real database, not on a test's few rows.
    await getPrisma()
      .$transaction(async (tx) => {
        await tx.$executeRaw`
          INSERT INTO "Session"
          SELECT (jsonb_populate_record(s, jsonb_build_object('id', gen_random_uuid(), 'startsAt', s."startsAt" - n * interval '2 hours',
                                                              'endsAt', NULL, 'latePlaces', 0, 'lateConfirmedPlaces', 0, 'lateReleasedAt', NULL))).*
          FROM "Session" s, generate_series(1, 2000) n WHERE s."id" = ${stage.sessionId}::uuid`;
        await tx.$executeRaw`ANALYZE "Session"`;
        await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
        const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${explained}`);
        plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
        throw rolledBack;
      })
      .catch((error: unknown) => {
        if (error !== rolledBack) throw error;
      });
    expect(plan).toContain("Session_late_idx");
    expect(plan).not.toMatch(/Seq Scan on "Session"/);
  });
});

describe("the offer of late places", () => {
  it("lists the sessions with late places left, soonest closing first, with the time left, until they close or are all taken", async () => {
    const viewer = (await partners(1))[0]!;
    const soon = await tonight();
    const later = await tonight();
    const ordinary = await tonight();
    await releaseLatePlaces(later.venue, { sessionId: later.sessionId, places: 2, marginMinutes: 0 }, { now });
    await releaseLatePlaces(soon.venue, { sessionId: soon.sessionId, places: 1, marginMinutes: 90 }, { now });

    const mine = (offers: LateOffer[]) => offers.filter((offer) => [soon.sessionId, later.sessionId, ordinary.sessionId].includes(offer.sessionId));
    const offers = mine(await lateOffers(viewer.actor, { now }));
    expect(offers.map((offer) => [offer.sessionId, offer.left])).toEqual([
      [soon.sessionId, 1],
      [later.sessionId, 2],
    ]);
    expect(timeLeft(offers[0]!.closesAt, now)).toBe("4 h");
    expect(timeLeft(offers[1]!.closesAt, parisTime("2026-12-22", 20, 5))).toBe("25 min");

    // Closed for the first one after its margin; gone from the list once every late place is taken.
    expect(mine(await lateOffers(viewer.actor, { now: parisTime("2026-12-22", 19, 0) })).map((offer) => offer.sessionId)).toEqual([later.sessionId]);
    await requestLatePlaces(viewer.actor, request(later.sessionId, viewer.id, 2), { now });
    expect(mine(await lateOffers(viewer.actor, { now: parisTime("2026-12-22", 19, 0) }))).toEqual([]);
  });
});

// Rules 1, 2 and 6 of lib/booking: confirm when places and quota allow, otherwise waitlist, split or
// book nothing as the partner chose; requests only while bookings are open; only for one's structure.
import { cancelBooking } from "@/lib/booking/cancel";
import { requestBooking } from "@/lib/booking/request";
import { getPrisma } from "@/lib/db/client";
import { adminActor, partnerActor, venueActor } from "../factories/actors";
import { anotherSession, bookingsInOrder, partners, request, sessionCounters, stage } from "../factories/booking";
import { midMonth } from "../support/clock";
import { createPartner } from "../factories";

describe("rule 1: a request is confirmed when places and quota allow it, otherwise waitlisted in order", () => {
  it("confirms a booking with one nominative guest per place, and says what is left", async () => {
    const { sessionId } = await stage({ capacity: 5 });
    const [partner] = await partners(1);
    const result = await requestBooking(partner!.actor, request(sessionId, partner!.id, 3));

    expect(result).toMatchObject({ outcome: "CONFIRMED", placesLeft: 5, quotaLeft: null, confirmed: { places: 3, status: "CONFIRMED" } });
    if (result.outcome !== "CONFIRMED") throw new Error("expected a confirmation");
    expect(result.confirmed.number).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    const guests = await getPrisma().bookingGuest.findMany({ where: { bookingId: result.confirmed.id }, orderBy: { position: "asc" } });
    expect(guests.map((g) => [g.position, g.kind, g.firstName])).toEqual([
      [0, "MAIN", "Awa"],
      [1, "FAMILY_OR_FRIEND", "Accompagnant a"],
      [2, "FAMILY_OR_FRIEND", "Accompagnant b"],
    ]);
    expect(await sessionCounters(sessionId)).toMatchObject({ confirmedPlaces: 3, waitlistedPlaces: 0 });
  });

  it("waitlists when the places run out, with the position in line", async () => {
    const { sessionId } = await stage({ capacity: 2 });
    const [a, b, c] = await partners(3);
    await requestBooking(a!.actor, request(sessionId, a!.id, 2));
    const second = await requestBooking(b!.actor, request(sessionId, b!.id, 1));
    const third = await requestBooking(c!.actor, request(sessionId, c!.id, 2));

    expect(second).toMatchObject({ outcome: "WAITLISTED", reason: "NO_PLACES", placesLeft: 0, waitlisted: { position: 1 } });
    expect(third).toMatchObject({ outcome: "WAITLISTED", reason: "NO_PLACES", waitlisted: { position: 2 } });
    expect((await bookingsInOrder(sessionId)).map((x) => x.status)).toEqual(["CONFIRMED", "WAITLISTED", "WAITLISTED"]);
  });

  it("waitlists when the partner's quota with the venue is reached, even with places left", async () => {
    const { sessionId } = await stage({ capacity: 20, quota: { period: "SESSION", maxPlaces: 4 } });
    const [partner, other] = await partners(2);
    await requestBooking(partner!.actor, request(sessionId, partner!.id, 3));
    const over = await requestBooking(partner!.actor, request(sessionId, partner!.id, 2));
    const otherPartner = await requestBooking(other!.actor, request(sessionId, other!.id, 4));

    expect(over).toMatchObject({ outcome: "WAITLISTED", reason: "QUOTA_REACHED", placesLeft: 17, quotaLeft: 1 });
    expect(otherPartner).toMatchObject({ outcome: "CONFIRMED", quotaLeft: 4 });
  });

  it("counts a monthly quota over the venue's sessions of the same month in Paris, not beyond", async () => {
    // The 15th at 20:00: an hour later is the same month whatever day the suite's clock says.
    const { venueId, sessionId } = await stage({ quota: { period: "MONTH", maxPlaces: 3 }, startsAt: midMonth(1) });
    const start = (await getPrisma().session.findUniqueOrThrow({ where: { id: sessionId } })).startsAt;
    const sameMonth = await anotherSession(venueId, { startsAt: new Date(start.getTime() + 3600_000) });
    const nextMonth = await anotherSession(venueId, { startsAt: new Date(start.getTime() + 40 * 86_400_000) });
    const [partner] = await partners(1);

    await requestBooking(partner!.actor, request(sessionId, partner!.id, 2));
    expect(await requestBooking(partner!.actor, request(sameMonth, partner!.id, 2))).toMatchObject({
      outcome: "WAITLISTED",
      reason: "QUOTA_REACHED",
      quotaLeft: 1,
    });
    expect(await requestBooking(partner!.actor, request(nextMonth, partner!.id, 3))).toMatchObject({ outcome: "CONFIRMED", quotaLeft: 3 });
  });

  it("applies a partner's exception instead of the rule, and none once the rule lifts before the session", async () => {
    const lifting = await stage({ quota: { period: "SESSION", maxPlaces: 1, liftDaysBefore: 3 }, startsInDays: 2 });
    const ruled = await stage({ quota: { period: "SESSION", maxPlaces: 1 } });
    const [partner] = await partners(1);
    await getPrisma().quotaException.create({ data: { venueId: ruled.venueId, partnerId: partner!.id, maxPlaces: 3 } });

    expect(await requestBooking(partner!.actor, request(lifting.sessionId, partner!.id, 4))).toMatchObject({ outcome: "CONFIRMED", quotaLeft: null });
    expect(await requestBooking(partner!.actor, request(ruled.sessionId, partner!.id, 3))).toMatchObject({ outcome: "CONFIRMED", quotaLeft: 3 });
  });
});

describe("rule 2: a group larger than what is left chooses", () => {
  it("takes what is left now and waitlists the rest as a linked booking", async () => {
    const { sessionId } = await stage({ capacity: 3 });
    const [partner] = await partners(1);
    const result = await requestBooking(partner!.actor, request(sessionId, partner!.id, 5, "SPLIT"));

    expect(result).toMatchObject({ outcome: "SPLIT", reason: "NO_PLACES", confirmed: { places: 3 }, waitlisted: { places: 2, position: 1 } });
    if (result.outcome !== "SPLIT") throw new Error("expected a split");
    const waiting = await getPrisma().booking.findUniqueOrThrow({ where: { id: result.waitlisted.id }, include: { guests: { orderBy: { position: "asc" } } } });
    expect(waiting.splitFromId).toBe(result.confirmed.id);
    expect(waiting.guests.map((g) => [g.position, g.firstName])).toEqual([
      [3, "Accompagnant c"],
      [4, "Accompagnant d"],
    ]);
    expect(await sessionCounters(sessionId)).toMatchObject({ confirmedPlaces: 3, waitlistedPlaces: 2 });
  });

  it("keeps every guest of the waitlisted part when it moves up: its guests go on numbering the group's (rule 3)", async () => {
    const { sessionId } = await stage({ capacity: 3 });
    const [a, b] = await partners(2);
    const first = await requestBooking(b!.actor, request(sessionId, b!.id, 2));
    if (first.outcome !== "CONFIRMED") throw new Error("expected a confirmed booking");
    const result = await requestBooking(a!.actor, request(sessionId, a!.id, 3, "SPLIT"));
    if (result.outcome !== "SPLIT") throw new Error("expected a split");
    await cancelBooking(b!.actor, { bookingId: first.confirmed.id, note: "Rendez-vous médical" });

    const promoted = await getPrisma().booking.findUniqueOrThrow({
      where: { id: result.waitlisted.id },
      include: { guests: { orderBy: { position: "asc" } } },
    });
    expect(promoted).toMatchObject({ status: "CONFIRMED", places: 2 });
    expect(promoted.guests.map((g) => g.position)).toEqual([1, 2]);
    expect(await sessionCounters(sessionId)).toMatchObject({ confirmedPlaces: 3, waitlistedPlaces: 0 });
  });

  it("splits on the quota too, when it is the tighter limit", async () => {
    const { sessionId } = await stage({ capacity: 10, quota: { period: "SESSION", maxPlaces: 2 } });
    const [partner] = await partners(1);
    expect(await requestBooking(partner!.actor, request(sessionId, partner!.id, 4, "SPLIT"))).toMatchObject({
      outcome: "SPLIT",
      reason: "QUOTA_REACHED",
      confirmed: { places: 2 },
      waitlisted: { places: 2 },
    });
  });

  it("books nothing when the partner asked for all or nothing", async () => {
    const { sessionId } = await stage({ capacity: 3 });
    const [partner] = await partners(1);
    expect(await requestBooking(partner!.actor, request(sessionId, partner!.id, 4, "NOTHING"))).toEqual({
      outcome: "NOT_BOOKED",
      reason: "NO_PLACES",
      placesLeft: 3,
      quotaLeft: null,
    });
    expect(await getPrisma().booking.count({ where: { sessionId } })).toBe(0);
  });

  it("waitlists the whole group by default", async () => {
    const { sessionId } = await stage({ capacity: 3 });
    const [partner] = await partners(1);
    expect(await requestBooking(partner!.actor, request(sessionId, partner!.id, 4))).toMatchObject({ outcome: "WAITLISTED", waitlisted: { places: 4 } });
  });
});

describe("rule 6: bookings are taken only while they are open", () => {
  it("refuses once the session has started or its closing time has passed", async () => {
    const { sessionId } = await stage();
    const [partner] = await partners(1);
    const session = await getPrisma().session.findUniqueOrThrow({ where: { id: sessionId } });
    await expect(requestBooking(partner!.actor, request(sessionId, partner!.id, 1), { now: session.startsAt })).rejects.toMatchObject({
      code: "BOOKINGS_CLOSED",
    });

    await getPrisma().session.update({ where: { id: sessionId }, data: { bookingClosesAt: new Date(session.startsAt.getTime() - 86_400_000) } });
    await expect(
      requestBooking(partner!.actor, request(sessionId, partner!.id, 1), { now: new Date(session.startsAt.getTime() - 3600_000) }),
    ).rejects.toMatchObject({
      code: "BOOKINGS_CLOSED",
    });
  });

  it("refuses before opening, on a cancelled session, and on an unpublished event", async () => {
    const { sessionId } = await stage();
    const [partner] = await partners(1);
    const session = await getPrisma().session.update({ where: { id: sessionId }, data: { bookingOpensAt: new Date(Date.now() + 86_400_000) } });
    await expect(requestBooking(partner!.actor, request(sessionId, partner!.id, 1))).rejects.toMatchObject({ code: "BOOKINGS_NOT_YET_OPEN" });

    await getPrisma().event.update({ where: { id: session.eventId }, data: { status: "DRAFT" } });
    await expect(requestBooking(partner!.actor, request(sessionId, partner!.id, 1), { now: new Date(Date.now() + 2 * 86_400_000) })).rejects.toMatchObject({
      code: "BOOKINGS_NOT_YET_OPEN",
    });

    await getPrisma().session.update({ where: { id: sessionId }, data: { status: "CANCELLED" } });
    await expect(requestBooking(partner!.actor, request(sessionId, partner!.id, 1))).rejects.toMatchObject({ code: "BOOKINGS_CANCELLED" });
    expect(await getPrisma().booking.count({ where: { sessionId } })).toBe(0);
  });
});

describe("who may book, and with what", () => {
  it("lets a partner book only for its own structure, and the association for any", async () => {
    const { sessionId } = await stage();
    const [mine, theirs] = await partners(2);
    await expect(requestBooking(mine!.actor, request(sessionId, theirs!.id, 1))).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    await expect(requestBooking(await venueActor(), request(sessionId, mine!.id, 1))).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    await expect(requestBooking({ kind: "visitor", partnerId: mine!.id }, request(sessionId, mine!.id, 1))).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    await expect(requestBooking({ kind: "anonymous" }, request(sessionId, mine!.id, 1))).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    expect(await requestBooking(await adminActor(), request(sessionId, mine!.id, 1))).toMatchObject({ outcome: "CONFIRMED" });
    expect(await getPrisma().booking.count({ where: { sessionId } })).toBe(1);
  });

  it("refuses a structure whose convention is not signed yet", async () => {
    const { sessionId } = await stage();
    const partner = await createPartner({ convention: false });
    await expect(requestBooking(await partnerActor(partner.id), request(sessionId, partner.id, 1))).rejects.toMatchObject({ code: "CONVENTION_NOT_VALID" });
  });

  it("refuses another structure's person as a guest", async () => {
    const { sessionId } = await stage();
    const [mine, theirs] = await partners(2);
    const person = await getPrisma().person.create({ data: { partnerId: theirs!.id, firstName: "Léa", lastName: "Martin" } });
    const input = request(sessionId, mine!.id, 1);
    input.guests[0]!.personId = person.id;
    await expect(requestBooking(mine!.actor, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers bad input field by field, and writes nothing", async () => {
    const { sessionId } = await stage();
    const [partner] = await partners(1);
    const input = request(sessionId, partner!.id, 2);
    input.guests[1]!.firstName = "  ";
    input.guests.push({ ...input.guests[0]! });
    await expect(requestBooking(partner!.actor, { ...input, sessionId: "pas-un-identifiant" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { sessionId: ["validation.invalid"], guests: expect.arrayContaining(["validation.mainGuestFirst"]) },
    });
    await expect(requestBooking(partner!.actor, { ...request(sessionId, partner!.id, 1), guests: [] })).rejects.toMatchObject({
      fieldErrors: { guests: ["validation.atLeastOneGuest"] },
    });
    expect(await getPrisma().booking.count({ where: { sessionId } })).toBe(0);
  });
});

describe("the audit log", () => {
  it("records who made each booking and what it became", async () => {
    const { sessionId } = await stage({ capacity: 1 });
    const [partner] = await partners(1);
    await requestBooking(partner!.actor, request(sessionId, partner!.id, 1));
    await requestBooking(partner!.actor, request(sessionId, partner!.id, 1));
    const ids = (await bookingsInOrder(sessionId)).map((b) => b.id);
    const entries = await getPrisma().auditLog.findMany({ where: { entityType: "Booking", entityId: { in: ids } }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.action, e.actorKind, e.actorUserId])).toEqual([
      ["booking.confirmed", "partner", partner!.actor.kind === "user" ? partner!.actor.userId : null],
      ["booking.waitlisted", "partner", partner!.actor.kind === "user" ? partner!.actor.userId : null],
    ]);
    expect(entries[0]!.after).toMatchObject({ status: "CONFIRMED", places: 1, sessionId });
  });
});

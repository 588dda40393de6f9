// One guest of a booking withdrawn (a companion drops out) while the others keep their places: the place
// is freed and the waitlist moves up (rules 3 and 4, for one place), that guest's invitation no longer
// opens the door, the person may be booked again, and the partner hears of it when it did not do it
// itself. Also the partner's news: who cancelled and why.
import { createTranslator } from "next-intl";
import { cancelBooking } from "@/lib/booking/cancel";
import { formatBookingNumber } from "@/lib/booking/number";
import { requestBooking } from "@/lib/booking/request";
import { withdrawGuest } from "@/lib/booking/withdraw-guest";
import { getPrisma } from "@/lib/db/client";
import { loadInvitation } from "@/lib/invitation/invitation";
import { encodeLegacyInvitationCode } from "@/lib/invitation/code";
import { getPartnerBooking, listPartnerBookings, recordAttendance } from "@/lib/partner/bookings";
import { getBookingForAssociation } from "@/lib/association/bookings";
import { listNotifications } from "@/lib/partner/notifications";
import { checkInvitation, markArrived } from "@/lib/venue/door";
import { getGuestList } from "@/lib/venue/guest-list";
import { noticeText } from "@/components/partner/notice-text";
import messages from "@/messages/fr";
import { adminActor, venueActor } from "../factories/actors";
import { bookingsInOrder, partners, request, sessionCounters, stage, type TestPartner } from "../factories/booking";

const HOUR = 3_600_000;

const idOf = (result: Awaited<ReturnType<typeof requestBooking>>) => {
  if (result.outcome === "CONFIRMED") return result.confirmed.id;
  if (result.outcome === "WAITLISTED") return result.waitlisted.id;
  throw new Error(`unexpected ${result.outcome}`);
};

const guest = (firstName: string, lastName: string, kind: "MAIN" | "FAMILY_OR_FRIEND" = "FAMILY_OR_FRIEND") => ({ firstName, lastName, kind });

/** Awa Diallo with Jérôme Ndiaye and Nina Diallo, booked by `partner`. */
async function family(partner: TestPartner, sessionId: string) {
  return idOf(
    await requestBooking(partner.actor, {
      sessionId,
      partnerId: partner.id,
      guests: [guest("Awa", "Diallo", "MAIN"), guest("Jérôme", "Ndiaye"), guest("Nina", "Diallo")],
    }),
  );
}

const guestsOf = (bookingId: string) =>
  getPrisma().bookingGuest.findMany({
    where: { bookingId },
    orderBy: { position: "asc" },
    select: { position: true, firstName: true, cancelledAt: true, cancelledById: true },
  });

/** The panel's French wording of a notice, from the catalog. */
const t = createTranslator({ locale: "fr", messages, namespace: "partnerHome" });
const codes = createTranslator({ locale: "fr", messages, namespace: "cancelCodes" });
const say = (item: Parameters<typeof noticeText>[0]) =>
  noticeText(item, { t: (key, values) => t(key as never, values as never), codes: (key) => codes(key as never), date: (date) => date.toISOString() });

const booking = (id: string) => getPrisma().booking.findUniqueOrThrow({ where: { id } });

describe("withdrawing one guest frees one place", () => {
  it("takes the guest out of a confirmed booking: one place less, the counters follow, the waitlist moves up", async () => {
    const { sessionId } = await stage({ capacity: 3 });
    const [a, b] = await partners(2);
    const id = await family(a!, sessionId);
    const waiting = idOf(await requestBooking(b!.actor, request(sessionId, b!.id, 1)));
    expect(await sessionCounters(sessionId)).toMatchObject({ confirmedPlaces: 3, waitlistedPlaces: 1, waitlistedBookings: 1 });

    const result = await withdrawGuest(a!.actor, { bookingId: id, position: 1 });

    expect(result).toMatchObject({ bookingId: id, position: 1, bookingCancelled: false, placesReleased: 1 });
    expect(result.promoted.map((p) => p.bookingId)).toEqual([waiting]);
    expect(await booking(id)).toMatchObject({ status: "CONFIRMED", places: 2 });
    const guests = await guestsOf(id);
    expect(guests.map((g) => g.cancelledAt !== null)).toEqual([false, true, false]);
    expect(guests[1]!.cancelledById).toBe(a!.actor.kind === "user" ? a!.actor.userId : null);
    expect((await booking(waiting)).status).toBe("CONFIRMED");
    expect(await sessionCounters(sessionId)).toMatchObject({ confirmedPlaces: 3, waitlistedPlaces: 0, waitlistedBookings: 0 });
  });

  it("takes a guest out of a waiting booking: fewer places wait, and the booking moves up if it now fits", async () => {
    const { sessionId } = await stage({ capacity: 3 });
    const [a, b] = await partners(2);
    await requestBooking(a!.actor, request(sessionId, a!.id, 2));
    const id = idOf(await requestBooking(b!.actor, request(sessionId, b!.id, 3)));
    expect(await sessionCounters(sessionId)).toMatchObject({ confirmedPlaces: 2, waitlistedPlaces: 3, waitlistedBookings: 1 });

    // Three waiting for the one place left: still waiting, with one place less.
    await expect(withdrawGuest(b!.actor, { bookingId: id, position: 2 })).resolves.toMatchObject({ placesReleased: 0, promoted: [] });
    expect(await booking(id)).toMatchObject({ status: "WAITLISTED", places: 2 });
    expect(await sessionCounters(sessionId)).toMatchObject({ confirmedPlaces: 2, waitlistedPlaces: 2, waitlistedBookings: 1 });

    // One alone now fits the place left: confirmed at once, first come, first served.
    const result = await withdrawGuest(b!.actor, { bookingId: id, position: 1 });
    expect(result.promoted.map((p) => p.bookingId)).toEqual([id]);
    expect(await booking(id)).toMatchObject({ status: "CONFIRMED", places: 1 });
    expect(await sessionCounters(sessionId)).toMatchObject({ confirmedPlaces: 3, waitlistedPlaces: 0, waitlistedBookings: 0 });
  });

  it("records who and which guest in the audit log, without the name", async () => {
    const { sessionId } = await stage();
    const [a] = await partners(1);
    const id = await family(a!, sessionId);
    await withdrawGuest(a!.actor, { bookingId: id, position: 2 });
    const entry = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: id, action: "booking.guest_withdrawn" } });
    expect(entry).toMatchObject({ entityType: "Booking", actorKind: "partner", before: { places: 3 }, after: { places: 2, position: 2 } });
    expect(JSON.stringify([entry.before, entry.after])).not.toContain("Nina");
  });
});

describe("the rules of a withdrawal", () => {
  it("refuses the main guest while companions remain: cancel the booking instead", async () => {
    const { sessionId } = await stage();
    const [a] = await partners(1);
    const id = await family(a!, sessionId);
    await expect(withdrawGuest(a!.actor, { bookingId: id, position: 0 })).rejects.toMatchObject({ code: "MAIN_GUEST_WITHDRAWAL" });
    expect(await booking(id)).toMatchObject({ status: "CONFIRMED", places: 3 });
    expect((await guestsOf(id)).every((g) => g.cancelledAt === null)).toBe(true);
  });

  it("withdrawing the last remaining guest cancels the booking", async () => {
    const { sessionId } = await stage({ capacity: 2 });
    const [a, b] = await partners(2);
    const id = idOf(await requestBooking(a!.actor, { sessionId, partnerId: a!.id, guests: [guest("Awa", "Diallo", "MAIN"), guest("Jérôme", "Ndiaye")] }));
    const waiting = idOf(await requestBooking(b!.actor, request(sessionId, b!.id, 2)));
    await withdrawGuest(a!.actor, { bookingId: id, position: 1 });

    const result = await withdrawGuest(a!.actor, { bookingId: id, position: 0 });
    expect(result).toMatchObject({ bookingCancelled: true, placesReleased: 1 });
    expect(await booking(id)).toMatchObject({ status: "CANCELLED", cancelReason: "PARTNER", places: 1 });
    expect(result.promoted.map((p) => p.bookingId)).toEqual([waiting]);
    expect(await sessionCounters(sessionId)).toMatchObject({ confirmedPlaces: 2, waitlistedPlaces: 0 });
    expect(await getPrisma().auditLog.count({ where: { entityId: id, action: "booking.cancelled" } })).toBe(1);
  });

  it("the waiting rest of a split group has no main guest: its last companion withdrawn cancels it", async () => {
    const { sessionId } = await stage({ capacity: 2 });
    const [a] = await partners(1);
    const split = await requestBooking(a!.actor, { ...request(sessionId, a!.id, 3, "SPLIT") });
    if (split.outcome !== "SPLIT") throw new Error("expected a split");
    expect(split.waitlisted.places).toBe(1);
    const result = await withdrawGuest(a!.actor, { bookingId: split.waitlisted.id, position: 2 });
    expect(result.bookingCancelled).toBe(true);
    expect((await bookingsInOrder(sessionId)).map((x) => x.status)).toEqual(["CONFIRMED", "CANCELLED"]);
    expect(await sessionCounters(sessionId)).toMatchObject({ confirmedPlaces: 2, waitlistedPlaces: 0, waitlistedBookings: 0 });
  });

  it("refuses once the session has started, a guest withdrawn already, a guest who has arrived, a position that is no guest", async () => {
    const { sessionId } = await stage();
    const [a] = await partners(1);
    const id = await family(a!, sessionId);
    const { startsAt } = await getPrisma().session.findUniqueOrThrow({ where: { id: sessionId } });
    await expect(withdrawGuest(a!.actor, { bookingId: id, position: 1 }, { now: startsAt })).rejects.toMatchObject({ code: "GUEST_SESSION_STARTED" });
    await withdrawGuest(a!.actor, { bookingId: id, position: 1 });
    await expect(withdrawGuest(a!.actor, { bookingId: id, position: 1 })).rejects.toMatchObject({ code: "GUEST_ALREADY_WITHDRAWN" });
    await expect(withdrawGuest(a!.actor, { bookingId: id, position: 7 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await getPrisma().bookingGuest.updateMany({ where: { bookingId: id, position: 2 }, data: { checkedInAt: new Date(startsAt.getTime() - HOUR) } });
    await expect(withdrawGuest(a!.actor, { bookingId: id, position: 2 })).rejects.toMatchObject({ code: "GUEST_ARRIVED" });
    await expect(withdrawGuest(a!.actor, { bookingId: id, position: "deux" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await booking(id)).toMatchObject({ places: 2 });
  });

  it("refuses on a cancelled booking", async () => {
    const { sessionId } = await stage();
    const [a] = await partners(1);
    const id = await family(a!, sessionId);
    await cancelBooking(a!.actor, { bookingId: id });
    await expect(withdrawGuest(a!.actor, { bookingId: id, position: 1 })).rejects.toMatchObject({ code: "ALREADY_CANCELLED" });
  });

  it("lets the structure, the venue and the association do it; hides the booking from others", async () => {
    const { venueId, sessionId } = await stage();
    const other = await stage();
    const [a, b] = await partners(2);
    const id = await family(a!, sessionId);
    await expect(withdrawGuest(b!.actor, { bookingId: id, position: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(withdrawGuest(await venueActor(other.venueId), { bookingId: id, position: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(withdrawGuest({ kind: "visitor", partnerId: a!.id }, { bookingId: id, position: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await withdrawGuest(await venueActor(venueId), { bookingId: id, position: 1 });
    await withdrawGuest(await adminActor(), { bookingId: id, position: 2 });
    expect(await booking(id)).toMatchObject({ places: 1 });
  });
});

describe("a withdrawn guest's invitation no longer opens the door", () => {
  it("refuses that guest's code, accepts the others', leaves them out of the PDF and of the arrivals", async () => {
    const { venueId, sessionId } = await stage();
    const [a] = await partners(1);
    const id = await family(a!, sessionId);
    await withdrawGuest(a!.actor, { bookingId: id, position: 1 });
    const { number } = await booking(id);
    const { startsAt } = await getPrisma().session.findUniqueOrThrow({ where: { id: sessionId } });
    const door = { now: new Date(startsAt.getTime() - HOUR) };
    const manager = await venueActor(venueId);

    await expect(checkInvitation(manager, { code: encodeLegacyInvitationCode({ number, position: 1 }) }, door)).resolves.toMatchObject({
      result: "CANCELLED",
      guestWithdrawn: true,
    });
    await expect(checkInvitation(manager, { code: encodeLegacyInvitationCode({ number, position: 2 }) }, door)).resolves.toMatchObject({
      result: "VALID",
      scannedPosition: 2,
    });
    const typed = await checkInvitation(manager, { number }, door);
    expect(typed).toMatchObject({ result: "VALID" });
    expect("guests" in typed && typed.guests.map((g) => g.position)).toEqual([0, 2]);

    await expect(markArrived(manager, { bookingId: id, positions: [0, 1, 2] }, door)).resolves.toEqual({ marked: 2 });
    expect((await getPrisma().bookingGuest.findFirstOrThrow({ where: { bookingId: id, position: 1 } })).checkedInAt).toBeNull();
    // Every guest still on the booking has come in: the booking's number is used.
    await expect(checkInvitation(manager, { number }, door)).resolves.toMatchObject({ result: "ALREADY_USED" });

    // Nor is that guest expected on the venue's guest list.
    expect((await getGuestList(manager, sessionId)).guests.map((g) => g.firstName)).toEqual(["Awa", "Nina"]);

    const invitation = await loadInvitation(a!.actor, id);
    expect(invitation.guests.map((g) => [g.position, g.firstName])).toEqual([
      [0, "Awa"],
      [2, "Nina"],
    ]);
  });
});

describe("the person may be booked again", () => {
  it("no longer counts a withdrawn guest as holding a place on the session", async () => {
    const { sessionId } = await stage();
    const [a] = await partners(1);
    const id = await family(a!, sessionId);
    const jerome = { sessionId, partnerId: a!.id, guests: [guest("Jérôme", "Ndiaye", "MAIN")] };
    await expect(requestBooking(a!.actor, jerome)).rejects.toMatchObject({ code: "ALREADY_BOOKED" });
    await withdrawGuest(a!.actor, { bookingId: id, position: 1 });
    await expect(requestBooking(a!.actor, jerome)).resolves.toMatchObject({ outcome: "CONFIRMED" });
    // The others still hold theirs.
    await expect(requestBooking(a!.actor, { ...jerome, guests: [guest("Nina", "Diallo", "MAIN")] })).rejects.toMatchObject({ code: "ALREADY_BOOKED" });
  });
});

describe("what the structure sees", () => {
  it("shows the withdrawn guest on the booking's page with the date, and no longer among its places", async () => {
    const { sessionId } = await stage();
    const [a] = await partners(1);
    const id = await family(a!, sessionId);
    const at = new Date(Date.now() - 60_000);
    await withdrawGuest(a!.actor, { bookingId: id, position: 1 }, { now: at });
    const page = await getPartnerBooking(a!.actor, id);
    expect(page.guests.map((g) => [g.firstName, g.withdrawnAt, g.canWithdraw])).toEqual([
      ["Awa", null, false],
      ["Jérôme", at, false],
      ["Nina", null, true],
    ]);
    const list = await listPartnerBookings(a!.actor, a!.id);
    expect(list.bookings.find((b) => b.id === id)?.guests.map((g) => g.firstName)).toEqual(["Awa", "Nina"]);
  });

  it("shows the association the same guests, who was withdrawn, and which companion it may still withdraw by phone", async () => {
    const { sessionId } = await stage();
    const [a, partner2] = await partners(2);
    const id = await family(a!, sessionId);
    const at = new Date(Date.now() - 60_000);
    await withdrawGuest(a!.actor, { bookingId: id, position: 1 }, { now: at });
    const admin = await adminActor();
    const seen = async () => (await getBookingForAssociation(admin, id)).guests.map((g) => [g.firstName, g.withdrawnAt, g.canWithdraw]);
    expect(await seen()).toEqual([
      ["Awa", null, false],
      ["Jérôme", at, false],
      ["Nina", null, true],
    ]);
    await withdrawGuest(admin, { bookingId: id, position: 2 });
    // Awa alone is left: withdrawing her would be cancelling the booking, which has its own form.
    expect((await seen()).map(([name, withdrawn, can]) => [name, withdrawn !== null, can])).toEqual([
      ["Awa", false, false],
      ["Jérôme", true, false],
      ["Nina", true, false],
    ]);
    // After the session, nothing is withdrawn any more.
    const b = await family(partner2!, sessionId);
    const { startsAt } = await getPrisma().session.findUniqueOrThrow({ where: { id: sessionId } });
    expect((await getBookingForAssociation(admin, b)).guests.map((g) => g.canWithdraw)).toEqual([false, true, true]);
    expect((await getBookingForAssociation(admin, b, { now: new Date(startsAt.getTime() + HOUR) })).guests.map((g) => g.canWithdraw)).toEqual([
      false,
      false,
      false,
    ]);
  });

  it("offers the venue, on its guest list, the companions it may withdraw when a person phones", async () => {
    const { venueId, sessionId } = await stage();
    const [a] = await partners(1);
    const id = await family(a!, sessionId);
    const manager = await venueActor(venueId);
    const offered = async (now?: Date) =>
      (await getGuestList(manager, sessionId, now ? { now } : {})).guests.filter((g) => g.bookingId === id).map((g) => [g.firstName, g.canWithdraw]);
    expect(await offered()).toEqual([
      ["Awa", false],
      ["Nina", true],
      ["Jérôme", true],
    ]);
    await withdrawGuest(manager, { bookingId: id, position: 1 });
    // Jérôme is off the list; Awa and Nina are left, and Nina may still be withdrawn alone.
    expect(await offered()).toEqual([
      ["Awa", false],
      ["Nina", true],
    ]);
    const { startsAt } = await getPrisma().session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(await offered(new Date(startsAt.getTime() + HOUR))).toEqual([
      ["Awa", false],
      ["Nina", false],
    ]);
  });

  it("records attendance after the session for the guests still on the booking only", async () => {
    const { sessionId } = await stage();
    const [a] = await partners(1);
    const id = await family(a!, sessionId);
    await withdrawGuest(a!.actor, { bookingId: id, position: 1 });
    const { startsAt } = await getPrisma().session.findUniqueOrThrow({ where: { id: sessionId } });
    await recordAttendance(a!.actor, { bookingId: id, attended: [0], absent: [1, 2] }, { now: new Date(startsAt.getTime() + 24 * HOUR) });
    expect((await getPrisma().bookingGuest.findMany({ where: { bookingId: id }, orderBy: { position: "asc" } })).map((g) => g.attendance)).toEqual([
      "ATTENDED",
      null,
      "NO_SHOW",
    ]);
  });

  it("tells the structure when the venue or the association withdrew a guest, not when it did so itself", async () => {
    const { venueId, sessionId } = await stage();
    await getPrisma().venue.update({ where: { id: venueId }, data: { name: "Théâtre des Lilas" } });
    const [a] = await partners(1);
    const id = await family(a!, sessionId);
    await withdrawGuest(a!.actor, { bookingId: id, position: 2 });
    expect(await listNotifications(a!.actor, a!.id)).toEqual([]);

    await withdrawGuest(await venueActor(venueId), { bookingId: id, position: 1 });
    const news = await listNotifications(a!.actor, a!.id);
    expect(news).toMatchObject([
      {
        type: "GUEST_WITHDRAWN",
        bookingId: id,
        guest: { firstName: "Jérôme", lastName: "Ndiaye" },
        by: { who: "VENUE", venueName: "Théâtre des Lilas", accountName: "Billetterie" },
        reason: null,
      },
    ]);
    // No mail "your booking is cancelled" goes with it: the booking is not.
    expect(await getPrisma().outboxMail.count({ where: { sourceKey: { startsWith: `notice:${news[0]!.id}` } } })).toBe(0);
    const { number } = await booking(id);
    expect(say(news[0]!)).toEqual({
      text: `Réservation ${formatBookingNumber(number)} pour « Spectacle » : la place de Jérôme Ndiaye a été annulée par Théâtre des Lilas (Billetterie). Son invitation n'est plus valable.`,
      why: null,
    });
  });
});

describe("the structure's news say who cancelled and why", () => {
  it("names the venue and its account, with the reason code and the note", async () => {
    const { venueId, sessionId } = await stage();
    await getPrisma().venue.update({ where: { id: venueId }, data: { name: "Théâtre des Lilas" } });
    const [a] = await partners(1);
    const byVenue = await family(a!, sessionId);
    const byAssociation = idOf(await requestBooking(a!.actor, request(sessionId, a!.id, 1)));
    const mine = idOf(await requestBooking(a!.actor, request(sessionId, a!.id, 1)));

    await cancelBooking(await venueActor(venueId), { bookingId: byVenue, note: "La personne a appelé" }, { now: new Date(Date.now() - 2000) });
    await cancelBooking(
      await adminActor(),
      { bookingId: byAssociation, code: "GUEST_UNAVAILABLE", note: "Hospitalisée" },
      { now: new Date(Date.now() - 1000) },
    );
    await cancelBooking(a!.actor, { bookingId: mine });

    const news = await listNotifications(a!.actor, a!.id);
    expect(news).toMatchObject([
      {
        type: "BOOKING_CANCELLED",
        bookingId: byAssociation,
        by: { who: "ASSOCIATION", accountName: "Admin" },
        reason: { code: "GUEST_UNAVAILABLE", note: "Hospitalisée" },
        guest: null,
      },
      {
        type: "BOOKING_CANCELLED",
        bookingId: byVenue,
        by: { who: "VENUE", venueName: "Théâtre des Lilas", accountName: "Billetterie" },
        reason: { code: null, note: "La personne a appelé" },
        guest: null,
      },
    ]);
    const number = async (id: string) => formatBookingNumber((await booking(id)).number);
    expect(say(news[0]!)).toEqual({
      text: `La réservation ${await number(byAssociation)} pour « Spectacle » a été annulée par l'association Culture pour tous (Admin).`,
      why: "Motif : La personne ne peut pas venir — Hospitalisée",
    });
    expect(say(news[1]!)).toEqual({
      text: `La réservation ${await number(byVenue)} pour « Spectacle » a été annulée par Théâtre des Lilas (Billetterie).`,
      why: "Motif : La personne a appelé",
    });
  });
});

// The venue's side: events and runs of sessions, counts through lib/booking, guest lists, the door.
import sharp from "sharp";
import type { Actor } from "@/lib/auth/actor";
import { changeCapacity } from "@/lib/booking/sessions";
import { getPrisma } from "@/lib/db/client";
import { NotFoundError, RuleViolation } from "@/lib/errors";
import { encodeInvitationCode, encodeLegacyInvitationCode } from "@/lib/invitation/code";
import { withdrawGuest } from "@/lib/booking/withdraw-guest";
import { getEventAttendance } from "@/lib/venue/attendance";
import { checkInvitation, markArrived } from "@/lib/venue/door";
import { cancelEvent, createEvent, getVenueEvent, listVenueEvents, publishEvent, updateEvent } from "@/lib/venue/events";
import { guestListCsv, getGuestList } from "@/lib/venue/guest-list";
import { getEventImage, setEventImage } from "@/lib/venue/images";
import { getVenueProfile, updateVenueProfile } from "@/lib/venue/profile";
import { addSessions, runStarts } from "@/lib/venue/add-sessions";
import { adminActor, partnerActor, venueActor } from "../factories/actors";
import { createEvent as eventRow, createPartner, createSession, createVenue, insertBooking } from "../factories";

// Rendering a PDF and reading it back (a child process) takes seconds on a busy 2-core machine.
const PDF_TIMEOUT = 30_000;

let venueId: string;
let manager: Actor;
let stranger: Actor;

beforeEach(async () => {
  venueId = (await createVenue({ name: "Théâtre des Lilas" })).id;
  manager = await venueActor(venueId);
  stranger = await venueActor((await createVenue()).id);
});

const fields = {
  title: "Le Misanthrope",
  description: "Molière, en alexandrins.",
  category: "THEATRE",
  minAge: "12",
  publicPrice: "18,50",
  accessibility: ["SURTITLES"],
};

describe("events and sessions", () => {
  it("declares an event as a draft, adds a run of sessions at Paris time, publishes it", async () => {
    const { id } = await createEvent(manager, { venueId, ...fields });
    const { created } = await addSessions(
      manager,
      {
        eventId: id,
        from: "2027-03-01",
        to: "2027-03-14",
        weekdays: ["2", "5"],
        times: ["20:30"],
        capacity: "6",
        opensDaysBefore: "30",
        closesHoursBefore: "2",
      },
      { now: new Date("2027-01-01") },
    );
    expect(created).toBe(4);
    const event = await getVenueEvent(manager, id);
    expect(event).toMatchObject({ status: "DRAFT", publicPriceCents: 1850, minAge: 12 });
    expect(event.sessions.map((s) => s.startsAt.toISOString())).toEqual([
      "2027-03-02T19:30:00.000Z",
      "2027-03-05T19:30:00.000Z",
      "2027-03-09T19:30:00.000Z",
      "2027-03-12T19:30:00.000Z",
    ]);
    expect(event.sessions[0]!.bookingClosesAt!.toISOString()).toBe("2027-03-02T17:30:00.000Z");
    expect(event.sessions[0]!.bookingOpensAt!.toISOString()).toBe("2027-01-31T19:30:00.000Z");
    await publishEvent(manager, { eventId: id });
    expect((await listVenueEvents(manager, venueId)).events[0]).toMatchObject({ title: "Le Misanthrope", status: "PUBLISHED" });
  });

  it("keeps summer time right and refuses an empty, a too long or a past run", async () => {
    expect(runStarts({ from: "2027-07-01", to: "2027-07-01", weekdays: [], times: ["20:00"] })[0]!.toISOString()).toBe("2027-07-01T18:00:00.000Z");
    const { id } = await createEvent(manager, { venueId, ...fields });
    const now = { now: new Date("2027-01-01") };
    await expect(
      addSessions(manager, { eventId: id, from: "2027-03-01", to: "2027-03-01", weekdays: [7], times: ["20:00"], capacity: 5 }, now),
    ).rejects.toMatchObject({ code: "EMPTY_RUN" });
    await expect(addSessions(manager, { eventId: id, from: "2027-03-01", to: "2027-12-31", times: ["20:00"], capacity: 5 }, now)).rejects.toMatchObject({
      code: "RUN_TOO_LONG",
    });
    await expect(addSessions(manager, { eventId: id, from: "2026-01-01", times: ["20:00"], capacity: 5 }, now)).rejects.toMatchObject({
      code: "SESSION_IN_PAST",
    });
    expect(await getPrisma().session.count({ where: { eventId: id } })).toBe(0);
  });

  it("opens bookings N Paris calendar days before, at the session's hour, across a clock change", async () => {
    const { id } = await createEvent(manager, { venueId, ...fields });
    await addSessions(manager, { eventId: id, from: "2027-03-30", times: ["20:00"], capacity: 5, opensDaysBefore: 7 }, { now: new Date("2027-01-01") });
    const [session] = await getPrisma().session.findMany({ where: { eventId: id } });
    expect(session!.startsAt.toISOString()).toBe("2027-03-30T18:00:00.000Z");
    // 20:00 in Paris a week before, in winter time (7 × 24 h would have been 19:00).
    expect(session!.bookingOpensAt!.toISOString()).toBe("2027-03-23T19:00:00.000Z");
  });

  it("raises a count through lib/booking, which confirms the waitlist", async () => {
    const event = await eventRow({ venueId });
    const session = await createSession({ eventId: event.id, capacity: 1 });
    const partner = await createPartner();
    await insertBooking(session.id, partner.id, { places: 1 });
    const waiting = await insertBooking(session.id, partner.id, { places: 1, status: "WAITLISTED" });
    await changeCapacity(manager, { sessionId: session.id, capacity: 2 });
    expect((await getPrisma().booking.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("CONFIRMED");
  });

  it("cancels an event and every session of it, telling the partners", async () => {
    const event = await eventRow({ venueId });
    const session = await createSession({ eventId: event.id });
    const partner = await createPartner();
    await insertBooking(session.id, partner.id, { places: 2 });
    await expect(cancelEvent(manager, { eventId: event.id, note: "Travaux" })).resolves.toEqual({ cancelledSessions: 1, cancelledBookings: 1 });
    expect(await getPrisma().notification.count({ where: { partnerId: partner.id, type: "SESSION_CANCELLED" } })).toBe(1);
  });

  it("keeps each venue's events to itself", async () => {
    const { id } = await createEvent(manager, { venueId, ...fields });
    await expect(updateEvent(stranger, { eventId: id, ...fields, title: "Autre" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createEvent(stranger, { venueId, ...fields })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getVenueProfile(stranger, venueId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getPrisma().event.findUniqueOrThrow({ where: { id } })).title).toBe("Le Misanthrope");
  });

  it("updates the profile printed on invitations", async () => {
    await updateVenueProfile(manager, {
      venueId,
      name: "Théâtre des Lilas",
      addressLine: "12 rue des Églantiers",
      postalCode: "69004",
      city: "Lyon",
      ticketOfficePhone: "04 72 00 12 34",
      website: "https://lilas.example",
      accessibility: ["WHEELCHAIR"],
    });
    expect(await getVenueProfile(manager, venueId)).toMatchObject({ addressLine: "12 rue des Églantiers", accessibility: ["WHEELCHAIR"] });
    await expect(
      updateVenueProfile(manager, { venueId, name: "", addressLine: "x", postalCode: "1", city: "x", ticketOfficePhone: "1" }),
    ).rejects.toMatchObject({ fieldErrors: { name: ["validation.required"] } });
  });

  it("lets the association alone change a venue's kind, audited with what it was", async () => {
    const profile = {
      venueId,
      name: "Théâtre des Lilas",
      addressLine: "12 rue des Églantiers",
      postalCode: "69004",
      city: "Lyon",
      ticketOfficePhone: "04 72 00 12 34",
    };
    const kindOf = async () => (await getPrisma().venue.findUniqueOrThrow({ where: { id: venueId }, select: { kind: true } })).kind;
    const was = await kindOf();
    const other = was === "CONCERT_HALL" ? "MUSEUM" : "CONCERT_HALL";
    // The venue's own form has no kind; a change sent anyway is refused and nothing changes (the same
    // kind sent back is no change).
    await expect(updateVenueProfile(manager, { ...profile, kind: other, city: "Vienne" })).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    expect(await getPrisma().venue.findUniqueOrThrow({ where: { id: venueId }, select: { kind: true, city: true } })).toEqual({ kind: was, city: "Lyon" });
    await updateVenueProfile(manager, { ...profile, kind: was });
    const admin = await adminActor();
    await expect(updateVenueProfile(admin, { ...profile, kind: "CIRQUE" })).rejects.toMatchObject({ fieldErrors: { kind: ["validation.required"] } });
    await updateVenueProfile(admin, { ...profile, kind: other });
    expect(await kindOf()).toBe(other);
    // Left out (the venue's own form), the kind stays.
    await updateVenueProfile(manager, profile);
    expect(await kindOf()).toBe(other);
    const entries = await getPrisma().auditLog.findMany({
      where: { entityId: venueId, action: "venue.updated" },
      orderBy: { id: "asc" },
      select: { actorKind: true, before: true, after: true },
    });
    expect(entries).toEqual([
      { actorKind: "venue", before: null, after: null },
      { actorKind: "admin", before: { venueKind: was }, after: { venueKind: other } },
      { actorKind: "venue", before: null, after: null },
    ]);
  });

  it("resizes an uploaded image and refuses what is not one", async () => {
    const event = await eventRow({ venueId });
    const png = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: "#b5430e" } })
      .png()
      .toBuffer();
    await expect(setEventImage(manager, event.id, png, "Affiche")).resolves.toMatchObject({ width: 1200, height: 600 });
    expect(await getEventImage(manager, event.id)).toMatchObject({ mimeType: "image/webp" });
    await expect(setEventImage(manager, event.id, Buffer.from("pas une image"))).rejects.toMatchObject({ code: "IMAGE_UNREADABLE" });
    await expect(setEventImage(stranger, event.id, png)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("guest lists and the door", () => {
  // The door compares the session's day with today's, in Paris: the clock is fixed for these tests.
  const NOW = { now: new Date("2027-05-20T16:00:00Z") }; // 18:00 in Paris

  async function tonight() {
    const event = await eventRow({ venueId, title: "Concert" });
    const session = await createSession({ eventId: event.id, startsAt: new Date("2027-05-20T18:30:00Z"), capacity: 5 });
    const partner = await createPartner({ name: "CHRS L'Escale", phone: "04 78 00 00 00" });
    const booking = await insertBooking(session.id, partner.id, { places: 2 });
    const cancelled = await insertBooking(session.id, partner.id, { places: 1, status: "CANCELLED", cancelledAt: new Date(), cancelReason: "PARTNER" });
    const waiting = await insertBooking(session.id, partner.id, { places: 1, status: "WAITLISTED" });
    return { event, session, partner, booking, cancelled, waiting };
  }

  it("lists the guests with their structure's phone, and the waitlist; as CSV for a spreadsheet", async () => {
    const { session, booking } = await tonight();
    const list = await getGuestList(manager, session.id);
    expect(list.guests).toHaveLength(2);
    expect(list.guests[0]).toMatchObject({ bookingId: booking.id, partnerName: "CHRS L'Escale", partnerPhone: "04 78 00 00 00" });
    expect(list.waitlist).toHaveLength(1);
    const { csv } = await guestListCsv(manager, session.id);
    expect(csv.startsWith("\uFEFFNom;Prénom;Réservation;Structure")).toBe(true);
    expect(csv.split("\n").filter(Boolean)).toHaveLength(3);
    await expect(getGuestList(stranger, session.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getGuestList(await partnerActor(booking.partnerId), session.id)).rejects.toThrow();
  });

  it("checks a new code (Ed25519, issue 32.1) and an old one (HMAC) online alike", async () => {
    const { booking, session } = await tonight();
    const code = encodeInvitationCode({ number: booking.number, position: 1, venueId, startsAt: session.startsAt });
    await expect(checkInvitation(manager, { code }, NOW)).resolves.toMatchObject({ result: "VALID", scannedPosition: 1 });
    await expect(checkInvitation(manager, { code: encodeLegacyInvitationCode({ number: booking.number, position: 0 }) }, NOW)).resolves.toMatchObject({
      result: "VALID",
      scannedPosition: 0,
    });
    await expect(checkInvitation(manager, { code: code.replace(`.${booking.number}.`, ".ZZZZZZZZ.") }, NOW)).resolves.toEqual({ result: "FORGED" });
  });

  it("answers at the door: valid, already used, cancelled, waitlisted, unknown, forged, another venue", async () => {
    const { booking, cancelled, waiting } = await tonight();
    const code = encodeLegacyInvitationCode({ number: booking.number, position: 1 });
    await expect(checkInvitation(manager, { code }, NOW)).resolves.toMatchObject({ result: "VALID", scannedPosition: 1, partnerName: "CHRS L'Escale" });
    await markArrived(manager, { bookingId: booking.id, positions: [1] }, NOW);
    await expect(markArrived(manager, { bookingId: booking.id, positions: [1] }, NOW)).resolves.toEqual({ marked: 0 });
    await expect(checkInvitation(manager, { code }, NOW)).resolves.toMatchObject({ result: "ALREADY_USED" });
    await expect(checkInvitation(manager, { number: booking.number.toLowerCase() }, NOW)).resolves.toMatchObject({ result: "VALID" });
    await expect(checkInvitation(manager, { number: cancelled.number }, NOW)).resolves.toMatchObject({ result: "CANCELLED" });
    await expect(checkInvitation(manager, { number: waiting.number }, NOW)).resolves.toMatchObject({ result: "WAITLISTED" });
    await expect(checkInvitation(manager, { number: "ZZZZ-ZZZZ" }, NOW)).resolves.toEqual({ result: "UNKNOWN" });
    await expect(checkInvitation(manager, { code: code.replace(/.$/, (c) => (c === "A" ? "B" : "A")) }, NOW)).resolves.toEqual({ result: "FORGED" });
    await expect(checkInvitation(stranger, { code }, NOW)).resolves.toEqual({ result: "OTHER_VENUE" });
    await expect(checkInvitation(manager, { code }, { now: new Date("2027-05-23T16:00:00Z") })).resolves.toMatchObject({ result: "OTHER_DATE" });
    await expect(markArrived(manager, { bookingId: cancelled.id, positions: [0] })).rejects.toBeInstanceOf(RuleViolation);
    const guests = await getPrisma().bookingGuest.findMany({ where: { bookingId: booking.id }, orderBy: { position: "asc" } });
    expect(guests.map((g) => g.attendance)).toEqual([null, "ATTENDED"]);
  });

  it("sums up attendance and feedback per session", async () => {
    const { event, booking } = await tonight();
    await markArrived(manager, { bookingId: booking.id, positions: [0] }, NOW);
    await getPrisma().bookingFeedback.create({ data: { bookingId: booking.id, mood: "LOVED", comment: "Merci !" } });
    const report = await getEventAttendance(manager, event.id);
    expect(report.sessions[0]).toMatchObject({
      confirmed: 2,
      attended: 1,
      unknown: 1,
      feedback: [{ mood: "LOVED", comment: "Merci !", partnerName: "CHRS L'Escale" }],
    });
  });

  it("leaves a guest withdrawn from a booking out of the attendance count (issue 13, item 7)", async () => {
    const event = await eventRow({ venueId, title: "Concert" });
    const session = await createSession({ eventId: event.id, startsAt: new Date("2027-05-20T18:30:00Z"), capacity: 5 });
    const partner = await createPartner();
    const booking = await insertBooking(session.id, partner.id, { places: 3 });
    await withdrawGuest(await partnerActor(partner.id), { bookingId: booking.id, position: 2 }, { now: new Date("2027-05-19T10:00:00Z") });
    await markArrived(manager, { bookingId: booking.id, positions: [0] }, NOW);
    const report = await getEventAttendance(manager, event.id);
    expect(report.sessions[0]).toMatchObject({ confirmed: 2, attended: 1, noShow: 0, unknown: 1 });
  });
});

describe("the guest list on paper", () => {
  it(
    "fits a session's guests on one A4 page of a PDF",
    async () => {
      const { renderGuestListPdf } = await import("@/lib/pdf/guest-list");
      const { readPdf } = await import("../support/read-pdf");
      const event = await eventRow({ venueId, title: "Récital" });
      const session = await createSession({ eventId: event.id, capacity: 40 });
      const partner = await createPartner({ name: "Foyer Émile-Zola", phone: "04 00 00 00 01" });
      for (let i = 0; i < 10; i++) await insertBooking(session.id, partner.id, { places: 3 });
      const pdf = await readPdf(await renderGuestListPdf(await getGuestList(manager, session.id)));
      expect(pdf.total).toBe(1);
      expect(pdf.pages[0]).toContain("Récital");
      expect(pdf.pages[0]).toContain("Foyer Émile-Zola");
      expect(pdf.pages[0]!.match(/Prénom\d/g)).toHaveLength(30);
    },
    PDF_TIMEOUT,
  );
});

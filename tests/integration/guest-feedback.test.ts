// Issue 16, the people's own feedback: after an outing, a person supported, through their structure's
// visitor access, types the short code printed on their invitation, picks a face and may add words. The
// code works for that structure's visitors only, after the session and for FEEDBACK_DAYS; a second
// answer replaces the first; wrong codes are throttled per visitor session first, and per structure well
// above one session's share (issue 27.7); the venue (and the association)
// read the answers without any name or structure, beside the referents' feedback.
import type { Actor } from "@/lib/auth/actor";
import { InvalidInput } from "@/lib/validation";
import { LIMITS } from "@/lib/auth/throttle";
import { getPrisma } from "@/lib/db/client";
import { FEEDBACK_DAYS, giveOwnFeedback } from "@/lib/feedback/guest-feedback";
import { feedbackCode, formatFeedbackCode } from "@/lib/invitation/feedback-code";
import { loadInvitation } from "@/lib/invitation/invitation";
import { parisTime } from "@/lib/time";
import { getEventAttendance } from "@/lib/venue/attendance";
import { adminActor, partnerActor, venueActor } from "../factories/actors";
import { createEvent, createPartner, createSession, createVenue, insertBooking } from "../factories";

const PLAYED = parisTime("2031-05-10", 20);
const AFTER = parisTime("2031-05-12", 10);
let eventId: string;
let sessionId: string;
let partnerId: string;
let visitor: Actor;
let otherVisitor: Actor;
let venue: Actor;
let guests: { id: string; position: number }[];
let bookingId: string;

beforeAll(async () => {
  const place = await createVenue({ name: "Théâtre des Avis" });
  venue = await venueActor(place.id);
  const event = await createEvent({ venueId: place.id, title: "La Mouette" });
  eventId = event.id;
  sessionId = (await createSession({ eventId, startsAt: PLAYED })).id;
  partnerId = (await createPartner({ name: "Foyer des Avis" })).id;
  const other = (await createPartner({ name: "Foyer Voisin" })).id;
  visitor = { kind: "visitor", partnerId };
  otherVisitor = { kind: "visitor", partnerId: other };
  const booking = await insertBooking(sessionId, partnerId, { places: 2 });
  bookingId = booking.id;
  guests = await getPrisma().bookingGuest.findMany({ where: { bookingId }, orderBy: { position: "asc" }, select: { id: true, position: true } });
  // Another structure's referent passed on feedback too: the venue reads both.
  const theirs = await insertBooking(sessionId, other, { places: 1 });
  await getPrisma().bookingFeedback.create({ data: { bookingId: theirs.id, mood: "LIKED", comment: "Belle soirée" } });
});

beforeEach(async () => {
  await getPrisma().guestFeedback.deleteMany({ where: { sessionId } });
  await getPrisma().signInAttempt.deleteMany({ where: { key: { startsWith: "feedback-" } } });
});

const code = (position: number) => feedbackCode(guests[position]!.id);

describe("the code on the invitation", () => {
  it("is six characters of the booking-number alphabet, different for each guest and the same on every print", async () => {
    expect(code(0)).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    expect(code(0)).not.toBe(code(1));
    expect(feedbackCode(guests[0]!.id)).toBe(code(0));
    const invitation = await loadInvitation(await partnerActor(partnerId), bookingId);
    expect(invitation.guests.map((guest) => guest.feedbackCode)).toEqual([code(0), code(1)]);
    expect(invitation.feedbackUrl).toMatch(/\/offre\/avis$/);
  });
});

describe("a person's own feedback", () => {
  it("is recorded with the code as printed (dash, spaces, small letters) and thanks them with the event's title", async () => {
    const typed = ` ${formatFeedbackCode(code(0)).toLowerCase()} `;
    await expect(giveOwnFeedback(visitor, { feedbackCode: typed, mood: "LOVED", comment: "  J'ai bien ri. " }, { now: AFTER })).resolves.toEqual({
      eventTitle: "La Mouette",
    });
    expect(await getPrisma().guestFeedback.findMany({ where: { sessionId }, select: { guestId: true, mood: true, comment: true } })).toEqual([
      { guestId: guests[0]!.id, mood: "LOVED", comment: "J'ai bien ri." },
    ]);
  });

  it("is one per invitation: a second answer replaces the first, a companion answers for themselves", async () => {
    await giveOwnFeedback(visitor, { feedbackCode: code(0), mood: "LOVED" }, { now: AFTER });
    await giveOwnFeedback(visitor, { feedbackCode: code(0), mood: "NOT_FOR_ME", comment: "Trop long" }, { now: AFTER });
    await giveOwnFeedback(visitor, { feedbackCode: code(1), mood: "LIKED" }, { now: AFTER });
    const rows = await getPrisma().guestFeedback.findMany({ where: { sessionId }, orderBy: { mood: "asc" }, select: { mood: true, comment: true } });
    expect(rows).toEqual([
      { mood: "LIKED", comment: null },
      { mood: "NOT_FOR_ME", comment: "Trop long" },
    ]);
  });

  it("waits for the session, and closes FEEDBACK_DAYS after it", async () => {
    await expect(giveOwnFeedback(visitor, { feedbackCode: code(0), mood: "LOVED" }, { now: parisTime("2031-05-10", 18) })).rejects.toMatchObject({
      code: "FEEDBACK_TOO_EARLY",
    });
    const late = new Date(PLAYED.getTime() + (FEEDBACK_DAYS + 1) * 86_400_000);
    await expect(giveOwnFeedback(visitor, { feedbackCode: code(0), mood: "LOVED" }, { now: late })).rejects.toMatchObject({ code: "FEEDBACK_CODE_UNKNOWN" });
    expect(await getPrisma().guestFeedback.count({ where: { sessionId } })).toBe(0);
  });

  it("opens nothing to another structure's visitors, nor to a withdrawn guest or a cancelled booking", async () => {
    await expect(giveOwnFeedback(otherVisitor, { feedbackCode: code(0), mood: "LOVED" }, { now: AFTER })).rejects.toMatchObject({
      code: "FEEDBACK_CODE_UNKNOWN",
    });
    const cancelled = await insertBooking(sessionId, partnerId, { places: 1, status: "CANCELLED", cancelledAt: PLAYED, cancelReason: "PARTNER" });
    const [gone] = await getPrisma().bookingGuest.findMany({ where: { bookingId: cancelled.id } });
    await expect(giveOwnFeedback(visitor, { feedbackCode: feedbackCode(gone!.id), mood: "LOVED" }, { now: AFTER })).rejects.toMatchObject({
      code: "FEEDBACK_CODE_UNKNOWN",
    });
    const withdrawn = await insertBooking(sessionId, partnerId, { places: 1 });
    const [left] = await getPrisma().bookingGuest.findMany({ where: { bookingId: withdrawn.id } });
    await getPrisma().bookingGuest.update({ where: { id: left!.id }, data: { cancelledAt: PLAYED } });
    await expect(giveOwnFeedback(visitor, { feedbackCode: feedbackCode(left!.id), mood: "LOVED" }, { now: AFTER })).rejects.toMatchObject({
      code: "FEEDBACK_CODE_UNKNOWN",
    });
    expect(await getPrisma().guestFeedback.count({ where: { sessionId } })).toBe(0);
  });

  it("answers a clear message for a malformed code, a missing face, or too many words", async () => {
    for (const input of [
      { feedbackCode: "ABC", mood: "LOVED" },
      { feedbackCode: code(0) },
      { feedbackCode: code(0), mood: "MEH" },
      { feedbackCode: code(0), mood: "LOVED", comment: "x".repeat(501) },
      null,
    ]) {
      await expect(giveOwnFeedback(visitor, input, { now: AFTER })).rejects.toBeInstanceOf(InvalidInput);
    }
    await expect(giveOwnFeedback(visitor, { feedbackCode: "O0I1AB", mood: "LOVED" }, { now: AFTER })).rejects.toMatchObject({
      fieldErrors: { feedbackCode: ["easy.feedback.errors.code"] },
    });
  });

  it("is the visitors' alone: the referents pass on theirs with the attendance", async () => {
    for (const actor of [await partnerActor(partnerId), venue, await adminActor(), { kind: "anonymous" } as Actor]) {
      await expect(giveOwnFeedback(actor, { feedbackCode: code(0), mood: "LOVED" }, { now: AFTER })).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    }
  });

  it("stops one visitor session after a few wrong codes, not the structure's other visitors; and forgives right ones (issue 27.7)", async () => {
    const session = (n: number): Actor => ({ kind: "visitor", partnerId, session: `session-${n}` });
    const wrong = (actor: Actor, now = AFTER) => giveOwnFeedback(actor, { feedbackCode: "222222", mood: "LOVED" }, { now });
    await giveOwnFeedback(session(0), { feedbackCode: code(0), mood: "LOVED" }, { now: AFTER });
    for (let i = 0; i < LIMITS["feedback-session"]; i++) await expect(wrong(session(0))).rejects.toMatchObject({ code: "FEEDBACK_CODE_UNKNOWN" });
    await expect(giveOwnFeedback(session(0), { feedbackCode: code(1), mood: "LOVED" }, { now: AFTER })).rejects.toMatchObject({ code: "FEEDBACK_THROTTLED" });
    // The structure's other visitors are not held up by that one, nor another structure's.
    await expect(giveOwnFeedback(session(1), { feedbackCode: code(1), mood: "LIKED" }, { now: AFTER })).resolves.toEqual({ eventTitle: "La Mouette" });
    await expect(wrong(otherVisitor)).rejects.toMatchObject({ code: "FEEDBACK_CODE_UNKNOWN" });
    // One session's wrong codes are a small share of the structure's cap.
    expect(LIMITS["feedback-partner"]).toBeGreaterThanOrEqual(10 * LIMITS["feedback-session"]);
    await expect(giveOwnFeedback(session(0), { feedbackCode: code(1), mood: "LOVED" }, { now: new Date(AFTER.getTime() + 16 * 60_000) })).resolves.toEqual({
      eventTitle: "La Mouette",
    });
  });

  it("stops the whole structure only when many sessions together send wrong codes", async () => {
    const later = new Date(AFTER.getTime() + 3600_000);
    expect(LIMITS["feedback-session"]).toBeGreaterThan(0);
    let n = 0;
    for (let spent = 0; spent < LIMITS["feedback-partner"]; n++) {
      for (let i = 0; i < LIMITS["feedback-session"]; i++, spent++) {
        await expect(
          giveOwnFeedback({ kind: "visitor", partnerId, session: `many-${n}` }, { feedbackCode: "222222", mood: "LOVED" }, { now: later }),
        ).rejects.toMatchObject({ code: "FEEDBACK_CODE_UNKNOWN" });
      }
    }
    await expect(
      giveOwnFeedback({ kind: "visitor", partnerId, session: "fresh" }, { feedbackCode: code(0), mood: "LOVED" }, { now: later }),
    ).rejects.toMatchObject({ code: "FEEDBACK_THROTTLED" });
  });
});

describe("what the venue reads", () => {
  it("counts the faces and lists the words without any name or structure, beside the referents' feedback", async () => {
    await giveOwnFeedback(visitor, { feedbackCode: code(0), mood: "LOVED", comment: "Je veux revenir" }, { now: AFTER });
    await giveOwnFeedback(visitor, { feedbackCode: code(1), mood: "NOT_FOR_ME" }, { now: AFTER });
    for (const reader of [venue, await adminActor()]) {
      const report = await getEventAttendance(reader, eventId);
      const [session] = report.sessions;
      expect(session!.feedback).toEqual([{ mood: "LIKED", comment: "Belle soirée", partnerName: "Foyer Voisin" }]);
      expect(session!.peopleFeedback).toEqual({ moods: { LOVED: 1, LIKED: 0, NOT_FOR_ME: 1 }, comments: [{ mood: "LOVED", comment: "Je veux revenir" }] });
      expect(JSON.stringify(session!.peopleFeedback)).not.toMatch(/Foyer|Prénom|Nom/);
    }
  });

  it("is hidden from another venue", async () => {
    const elsewhere = await venueActor((await createVenue({ name: "Autre lieu" })).id);
    await expect(getEventAttendance(elsewhere, eventId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

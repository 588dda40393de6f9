// The world of the authorization matrix: venue X (with an event, a session and a waiting list) and
// venue Y; partner A (a person, a confirmed and a past booking at X, a visitor code) and partner B;
// one actor of each kind. Built afresh for every cell, so an allowed write never changes another cell.
import { anonymousActor, type Actor } from "@/lib/auth/actor";
import { newBookingNumber } from "@/lib/booking/number";
import { getPrisma } from "@/lib/db/client";
import type { MatrixActor } from "../integration/authorization/invitation.cases";
import { adminActor, partnerActor, venueActor } from "./actors";
import { createEvent, createPartner, createSession, createVenue, insertBooking } from "./index";

export interface MatrixWorld {
  venueX: string;
  venueY: string;
  eventX: string;
  sessionX: string;
  partnerA: string;
  partnerB: string;
  personA: string;
  /** A confirmed booking of partner A for a session at venue X. */
  bookingId: string;
  /** A confirmed booking of partner A for a session at venue X that is over. */
  pastBookingId: string;
  /** Users of partner A and of venue X, other than the actors. */
  colleagueA: string;
  colleagueX: string;
  /** A mail every attempt of which failed. */
  failedMailId: string;
  /** A text every attempt of which failed, and an answer of one of A's people not read yet (issue 30). */
  failedSmsId: string;
  smsAnswerA: string;
  /** A wish of one of A's people for event X, not handled yet. */
  wishA: string;
  /** An activity of the association to come, with one registration confirmed. */
  activityId: string;
  registrationId: string;
  /** A session of venue X nobody booked, and another in its application window, where A applied. */
  freeSessionX: string;
  drawSessionX: string;
  actors: Record<MatrixActor, Actor>;
}

export async function matrixWorld(): Promise<MatrixWorld> {
  const prisma = getPrisma();
  const venueX = await createVenue({ name: "Théâtre X" });
  const venueY = await createVenue({ name: "Musée Y" });
  const event = await createEvent({ venueId: venueX.id, title: "Spectacle X" });
  await prisma.eventImage.create({ data: { eventId: event.id, mimeType: "image/webp", width: 1, height: 1, data: new Uint8Array([0]) } });
  const session = await createSession({ eventId: event.id, capacity: 10 });
  const past = await createSession({ eventId: event.id, startsAt: new Date(Date.now() - 3 * 86_400_000), capacity: 10 });
  const partnerA = await createPartner({ name: "Structure A", visitorCode: `A${Math.random().toString(36).slice(2, 9).toUpperCase()}` });
  const partnerB = await createPartner({ name: "Structure B" });
  const person = await prisma.person.create({ data: { partnerId: partnerA.id, firstName: "Zoé", lastName: "Lefèvre" } });
  const booking = await insertBooking(session.id, partnerA.id, { places: 2 });
  const pastBooking = await insertBooking(past.id, partnerA.id, { places: 1 });
  await insertBooking(session.id, partnerB.id, { places: 1, status: "WAITLISTED" });
  await prisma.notification.create({ data: { partnerId: partnerA.id, type: "BOOKING_PROMOTED", bookingId: booking.id, sessionId: session.id } });
  // An exception to venue X's quota for A, large enough to change nothing of the other cells.
  await prisma.quotaException.create({ data: { venueId: venueX.id, partnerId: partnerA.id, maxPlaces: 50, reason: "Projet de l'année" } });
  const failedSms = await prisma.outboxSms.create({
    data: { kind: "REMINDER", to: "+33612345678", text: "Bonjour", encoding: "GSM7", segments: 1, status: "FAILED", attempts: 10 },
  });
  const smsAnswer = await prisma.smsAnswer.create({ data: { partnerId: partnerA.id, text: "Oui merci", outcome: "OTHER" } });
  const failedMail = await prisma.outboxMail.create({
    data: {
      kind: "PASSWORD_RESET",
      to: "perdue@exemple.test",
      subject: "Choisir un nouveau mot de passe",
      status: "FAILED",
      attempts: 10,
      error: "Connexion refusée",
    },
  });
  const wish = await prisma.wish.create({
    data: { partnerId: partnerA.id, eventId: event.id, name: "Zoé", message: "Avec ma sœur", expiresAt: session.startsAt },
  });
  const activity = await prisma.activity.create({
    data: { kind: "MEETING", title: "Rencontre", startsAt: session.startsAt, place: "Salle", capacity: 5, confirmedPlaces: 1 },
  });
  const registration = await prisma.activityRegistration.create({
    data: { activityId: activity.id, number: newBookingNumber(), status: "CONFIRMED", firstName: "Awa", lastName: "Diallo", confirmedAt: new Date() },
  });
  // Two late places released on it (issue 33.2): a structure may book them until its start.
  const freeSession = await createSession({ eventId: event.id, capacity: 10, latePlaces: 2 });
  const drawSession = await createSession({ eventId: event.id, capacity: 10 });
  await prisma.sessionDraw.create({
    data: {
      sessionId: drawSession.id,
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 3 * 86_400_000),
      seed: "0".repeat(64),
      fingerprint: "f".repeat(64),
    },
  });
  await prisma.application.create({
    data: {
      sessionId: drawSession.id,
      partnerId: partnerA.id,
      places: 1,
      minPlaces: 1,
      guests: [{ firstName: "Awa", lastName: "Diallo", kind: "MAIN", needs: [] }],
    },
  });
  const colleagueA = await partnerActor(partnerA.id);
  const colleagueX = await venueActor(venueX.id);
  return {
    venueX: venueX.id,
    venueY: venueY.id,
    eventX: event.id,
    sessionX: session.id,
    partnerA: partnerA.id,
    partnerB: partnerB.id,
    personA: person.id,
    bookingId: booking.id,
    pastBookingId: pastBooking.id,
    colleagueA: (colleagueA as { userId: string }).userId,
    colleagueX: (colleagueX as { userId: string }).userId,
    failedMailId: failedMail.id,
    failedSmsId: failedSms.id,
    smsAnswerA: smsAnswer.id,
    wishA: wish.id,
    activityId: activity.id,
    registrationId: registration.id,
    freeSessionX: freeSession.id,
    drawSessionX: drawSession.id,
    actors: {
      admin: await adminActor(),
      partnerA: await partnerActor(partnerA.id),
      partnerB: await partnerActor(partnerB.id),
      venueX: await venueActor(venueX.id),
      venueY: await venueActor(venueY.id),
      visitorA: { kind: "visitor", partnerId: partnerA.id },
      anonymous: anonymousActor,
    },
  };
}

// Issue 12's mails, kind by kind, on the real database and through the real jobs: a session cancelled and
// a waitlist expired tell the structure's referents; a booking moved up from the waitlist gets its
// invitation link; a booking cancelled by the venue or by the association says who and why; every mail
// carries, in HTML and in plain text, the association's footer and the link to the page concerned.
import { cancelBooking } from "@/lib/booking/cancel";
import { cancelSession } from "@/lib/booking/sessions";
import { requestBooking } from "@/lib/booking/request";
import { getPrisma } from "@/lib/db/client";
import { prismaSql } from "@/lib/db/sql";
import { enqueue } from "@/lib/db/queue";
import messages from "@/messages/fr";
import { adminActor, partnerActor, venueActor } from "../factories/actors";
import { partners, request, stage } from "../factories/booking";
import { createSession, insertBooking } from "../factories";
import { forgetJobsAndMail, runJobs } from "../support/jobs";

jest.setTimeout(60_000);
beforeEach(() => forgetJobsAndMail());

const userIdOf = (actor: unknown) => (actor as { userId: string }).userId;
/** The plain text wraps its lines: compare words, not line breaks. */
const flat = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ");

async function mailsOf(kind: string) {
  return getPrisma().outboxMail.findMany({
    where: { kind },
    orderBy: { createdAt: "asc" },
    select: { kind: true, status: true, userId: true, subject: true, text: true, html: true },
  });
}

const confirmedId = (result: unknown) => (result as { confirmed: { id: string } }).confirmed.id;

describe("the mails of issue 12, kind by kind", () => {
  it("a session cancelled writes a SESSION_CANCELLED mail to the structure's referents, with the venue's message", async () => {
    const { venueId, sessionId } = await stage({ capacity: 5 });
    const [partner] = await partners(1);
    // A booking whose maker is gone (no account): every referent of the structure hears of it.
    const colleague = await partnerActor(partner!.id);
    await insertBooking(sessionId, partner!.id, { places: 1, createdById: null });
    await cancelSession(await venueActor(venueId), { sessionId, note: "Comédienne malade" });
    await runJobs();
    const mails = await mailsOf("SESSION_CANCELLED");
    expect(mails.map((mail) => mail.userId).sort()).toEqual([userIdOf(partner!.actor), userIdOf(colleague)].sort());
    expect(mails.every((mail) => mail.status === "KEPT")).toBe(true);
    expect(mails[0]!.subject).toMatch(/^Séance annulée/);
    expect(flat(mails[0]!.text)).toContain("Message du lieu : Comédienne malade");
  });

  it("a waitlist that expires when bookings close writes a WAITLIST_EXPIRED mail to whoever booked", async () => {
    const session = await createSession({ startsAt: new Date(Date.now() - 3600_000), capacity: 1 });
    const [partner] = await partners(1);
    await insertBooking(session.id, partner!.id, { places: 1, status: "WAITLISTED", createdById: userIdOf(partner!.actor) });
    await enqueue(prismaSql(getPrisma()), { task: "close-session", payload: { sessionId: session.id } });
    await runJobs();
    const [mail, ...others] = await mailsOf("WAITLIST_EXPIRED");
    expect(others).toEqual([]);
    expect(mail).toMatchObject({ status: "KEPT", userId: userIdOf(partner!.actor) });
    expect(flat(mail!.text)).toContain("est restée en liste d'attente et n'a pas eu de place");
  });

  it("a booking moved up from the waitlist gets a mail with its invitation link", async () => {
    const { sessionId } = await stage({ capacity: 1 });
    const [first, second] = await partners(2);
    const held = await requestBooking(first!.actor, request(sessionId, first!.id, 1));
    const waiting = await requestBooking(second!.actor, request(sessionId, second!.id, 1));
    expect(waiting.outcome).toBe("WAITLISTED");
    await cancelBooking(first!.actor, { bookingId: confirmedId(held) });
    await runJobs();
    const promoted = await getPrisma().booking.findFirstOrThrow({ where: { partnerId: second!.id, status: "CONFIRMED" }, select: { id: true } });
    const [mail] = await mailsOf("BOOKING_PROMOTED");
    expect(mail).toMatchObject({ status: "KEPT", userId: userIdOf(second!.actor) });
    expect(mail!.text).toContain(`/api/bookings/${promoted.id}/invitation`);
    expect(mail!.html).toContain(`/api/bookings/${promoted.id}/invitation`);
  });

  it("a booking cancelled by the venue says so, naming the venue, and why", async () => {
    const { venueId, sessionId } = await stage({ capacity: 5 });
    const [partner] = await partners(1);
    const booked = await requestBooking(partner!.actor, request(sessionId, partner!.id, 1));
    await cancelBooking(await venueActor(venueId), { bookingId: confirmedId(booked), note: "Travaux dans la salle" });
    await runJobs();
    const venue = await getPrisma().venue.findUniqueOrThrow({ where: { id: venueId }, select: { name: true } });
    const [mail] = await mailsOf("BOOKING_CANCELLED");
    expect(mail!.subject).toContain(`annulée par le lieu culturel « ${venue.name} »`);
    expect(flat(mail!.text)).toContain(`a été annulée par le lieu culturel « ${venue.name} »`);
    expect(flat(mail!.text)).toContain("Motif : Travaux dans la salle");
  });

  it("a booking cancelled by the association says so, and why", async () => {
    const { sessionId } = await stage({ capacity: 5 });
    const [partner] = await partners(1);
    const booked = await requestBooking(partner!.actor, request(sessionId, partner!.id, 1));
    await cancelBooking(await adminActor(), { bookingId: confirmedId(booked), note: "Doublon avec une autre réservation" });
    await runJobs();
    const [mail] = await mailsOf("BOOKING_CANCELLED");
    expect(mail!.subject).toContain("annulée par Culture pour tous");
    expect(flat(mail!.text)).toContain("a été annulée par Culture pour tous");
    expect(flat(mail!.text)).toContain("Motif : Doublon avec une autre réservation");
    expect(flat(mail!.text)).not.toContain("lieu culturel");
  });

  it("renders HTML and plain text with the association's footer and the link to the page concerned", async () => {
    const { venueId, sessionId } = await stage({ capacity: 5 });
    const [partner] = await partners(1);
    const booked = await requestBooking(partner!.actor, request(sessionId, partner!.id, 1));
    await cancelBooking(await venueActor(venueId), { bookingId: confirmedId(booked), note: "Travaux" });
    await runJobs();
    const [mail] = await mailsOf("BOOKING_CANCELLED");
    const page = `/partenaire/reservations/${confirmedId(booked)}`;
    const footer = messages.mail.footer;
    // HTML: the footer, the page as a link, and where to choose one's mails.
    expect(mail!.html).toMatch(/^<!DOCTYPE html/i);
    expect(flat(mail!.html)).toContain(footer);
    expect(mail!.html).toMatch(new RegExp(`href="[^"]*${page}"`));
    expect(mail!.html).toMatch(/href="[^"]*\/mon-compte"/);
    // Plain text, from the same template: the same footer and the same link, no markup.
    expect(flat(mail!.text)).toContain(footer);
    expect(mail!.text).toContain(page);
    expect(mail!.text).toContain("/mon-compte");
    expect(mail!.text).not.toMatch(/<\/?[a-z]+[^>]*>/i);
  });
});

// Issue 11, parts 2 and 4: the association finds any booking (by number, a guest's name, structure,
// venue, event, dates, status), cancels one taken by phone with its reason code, and the structure sees
// who cancelled and why; the journal filters the audit log; quota exceptions are granted and revoked;
// the home lists what needs action; venues are created.
import { associationTodo, endingConventionsSql } from "@/lib/association/dashboard";
import { readBookingSearch, getBookingForAssociation, searchBookings } from "@/lib/association/bookings";
import { readJournalFilters, listJournal } from "@/lib/association/journal";
import { createVenue, listVenues, readVenueFilters } from "@/lib/association/venues";
import { cancelBooking } from "@/lib/booking/cancel";
import { grantQuotaException, revokeQuotaException } from "@/lib/booking/quota";
import { requestBooking } from "@/lib/booking/request";
import { getPrisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { getPartnerBooking } from "@/lib/partner/bookings";
import { parisTime } from "@/lib/time";
import { adminActor } from "../factories/actors";
import { partners, stage } from "../factories/booking";
import { createEvent, createSession, createPartner, insertBooking } from "../factories";
import { forgetJobsAndMail } from "../support/jobs";

jest.setTimeout(60_000);

const search = (query: Record<string, string>) => searchBookings(adminPromise(), readBookingSearch(query));
let admin: Awaited<ReturnType<typeof adminActor>>;
const adminPromise = () => admin;
beforeAll(async () => {
  admin = await adminActor();
});

/** The booking a request made (confirmed or on the waitlist). */
async function book(...args: Parameters<typeof requestBooking>): Promise<{ bookingId: string; outcome: string }> {
  const result = await requestBooking(...args);
  const part = "confirmed" in result ? result.confirmed : "waitlisted" in result ? result.waitlisted : null;
  if (!part) throw new Error(`Rien de réservé : ${result.outcome}`);
  return { bookingId: part.id, outcome: result.outcome };
}

const guest = (firstName: string, lastName: string) => ({ firstName, lastName, kind: "MAIN" as const });

describe("finding a booking", () => {
  it("finds a booking by a guest's name whatever the case, by number, structure, venue, event, dates and status", async () => {
    const [escale, other] = await partners(2);
    const theatre = await stage({ startsAt: parisTime("2027-01-14", 20) });
    const museum = await stage({ startsAt: parisTime("2027-02-03", 14) });
    await getPrisma().event.updateMany({ where: { sessions: { some: { id: theatre.sessionId } } }, data: { title: "Le Misanthrope" } });
    const mine = await book(escale!.actor, {
      sessionId: theatre.sessionId,
      partnerId: escale!.id,
      guests: [guest("Fatou", "Camara"), { ...guest("Ibrahima", "Camara"), kind: "FAMILY_OR_FRIEND" }],
    });
    const theirs = await book(other!.actor, { sessionId: museum.sessionId, partnerId: other!.id, guests: [guest("Fatoumata", "Sow")] });
    const numbers = (result: Awaited<ReturnType<typeof searchBookings>>) => result.bookings.map((b) => b.id);

    expect(numbers(await search({ nom: "camara" }))).toEqual([mine.bookingId]);
    expect(numbers(await search({ nom: "ibrahima CAMARA" }))).toEqual([mine.bookingId]);
    expect(numbers(await search({ nom: "fatou" })).sort()).toEqual([mine.bookingId, theirs.bookingId].sort());
    expect(numbers(await search({ nom: "fatou", structure: other!.id }))).toEqual([theirs.bookingId]);
    expect(numbers(await search({ lieu: museum.venueId }))).toEqual([theirs.bookingId]);
    expect(numbers(await search({ spectacle: "misanthrope" }))).toEqual([mine.bookingId]);
    // Dates are Paris days: the theatre's evening of 14 January, not the museum's afternoon.
    expect(numbers(await search({ du: "2027-01-14", au: "2027-01-14" }))).toEqual([mine.bookingId]);
    const number = (await getPrisma().booking.findUniqueOrThrow({ where: { id: theirs.bookingId } })).number;
    expect(numbers(await search({ numero: number.toLowerCase() }))).toEqual([theirs.bookingId]);
    expect(numbers(await search({ nom: "camara", etat: "CANCELLED" }))).toEqual([]);
    // The list names the guests its search by name matched (issue 29.9), no other; the booking's page names them all.
    expect((await search({ nom: "ibrahima" })).bookings[0]!.matchedGuests).toEqual([{ firstName: "Ibrahima", lastName: "Camara" }]);
    expect(JSON.stringify((await search({ nom: "ibrahima" })).bookings)).not.toMatch(/Fatou/);
    expect(JSON.stringify((await search({ structure: escale!.id })).bookings)).not.toMatch(/Fatou|Camara|Ibrahima/);
    const details = await getBookingForAssociation(admin, mine.bookingId);
    expect(details.guests.map((g) => g.firstName)).toEqual(["Fatou", "Ibrahima"]);
    expect(details.history.map((entry) => entry.action)).toContain("booking.confirmed");
  });

  it("answers a caller by name with their outings to come first, soonest first, then past ones, each saying so (issue 29.9)", async () => {
    const [structure] = await partners(1);
    const now = new Date();
    const past = await stage({ startsAt: new Date(now.getTime() - 5 * 86_400_000) });
    const later = await stage({ startsAt: new Date(now.getTime() + 20 * 86_400_000) });
    const soon = await stage({ startsAt: new Date(now.getTime() + 3 * 86_400_000) });
    const ids: Record<string, string> = {};
    for (const [key, stageOf] of [
      ["later", later],
      ["soon", soon],
    ] as const) {
      ids[key] = (
        await book(structure!.actor, { sessionId: stageOf.sessionId, partnerId: structure!.id, guests: [guest("Mariama", "Traoré-Quinze")] })
      ).bookingId;
    }
    // An outing already past, as if booked before it.
    const inserted = await insertBooking(past.sessionId, structure!.id, { places: 1 });
    await getPrisma().bookingGuest.updateMany({ where: { bookingId: inserted.id }, data: { firstName: "Mariama", lastName: "Traoré-Quinze" } });
    const result = await search({ nom: "traoré-quinze" });
    expect(result.callerOrder).toBe(true);
    expect(result.bookings.map((row) => [row.id, row.past])).toEqual([
      [ids.soon, false],
      [ids.later, false],
      [inserted.id, true],
    ]);
    // A column's order asked for is kept.
    expect((await search({ nom: "traoré-quinze", tri: "seance", ordre: "asc" })).bookings.map((row) => row.id)).toEqual([inserted.id, ids.soon, ids.later]);
  });

  it("pages through results and ignores what it cannot read in the URL", async () => {
    const parsed = readBookingSearch({ etat: "PERDUE", du: "demain", structure: "pas-un-id", page: ["2", "3"] });
    expect(parsed).toMatchObject({ status: undefined, from: undefined, partner: undefined, page: 2 });
    const result = await searchBookings(admin, readBookingSearch({ page: "400" }));
    expect(result.bookings).toEqual([]);
  });

  it("stops counting past a cap and says 'more than', the latest requests first through their index (issue 14)", async () => {
    const [structure] = await partners(1);
    const { sessionId } = await stage();
    const ids: string[] = [];
    for (const name of ["Awa", "Binta", "Chloé", "Dalia"]) {
      ids.push((await book(structure!.actor, { sessionId, partnerId: structure!.id, guests: [guest(name, "Capé")] })).bookingId);
    }
    const all = await searchBookings(admin, readBookingSearch({ structure: structure!.id }), { countCap: 3, pageSize: 2 });
    expect(all).toMatchObject({ total: 3, capped: true, pageCount: 2 });
    // Dalia's booking, then Chloé's; the rows carry no guest (issue 11: the list shows no names).
    expect(all.bookings.map((b) => b.id)).toEqual([ids[3], ids[2]]);
    expect(all.bookings.every((b) => !("guests" in b))).toBe(true);
    const few = await searchBookings(admin, readBookingSearch({ structure: structure!.id }), { countCap: 4 });
    expect(few).toMatchObject({ total: 4, capped: false });
  });
});

describe("cancelling by phone", () => {
  it("records the association's reason code, and the structure sees who cancelled and why", async () => {
    const [structure] = await partners(1);
    const { sessionId } = await stage();
    const booked = await book(structure!.actor, { sessionId, partnerId: structure!.id, guests: [guest("Mariam", "Touré")] });
    await expect(cancelBooking(admin, { bookingId: booked.bookingId, code: "PARCE_QUE" })).rejects.toMatchObject({
      fieldErrors: { code: ["validation.required"] },
    });
    await cancelBooking(admin, { bookingId: booked.bookingId, code: "GUEST_UNAVAILABLE", note: "Hospitalisée, a appelé ce matin" });

    const seen = await getPartnerBooking(structure!.actor, booked.bookingId);
    expect(seen.status).toBe("CANCELLED");
    expect(seen.cancellation).toMatchObject({ reason: "ASSOCIATION", code: "GUEST_UNAVAILABLE", note: "Hospitalisée, a appelé ce matin", by: "Admin" });
    const notice = await getPrisma().notification.findFirst({ where: { bookingId: booked.bookingId, type: "BOOKING_CANCELLED" } });
    expect(notice).not.toBeNull();
    const history = (await getBookingForAssociation(admin, booked.bookingId)).history;
    expect(history.at(-1)).toMatchObject({ action: "booking.cancelled", after: { code: "GUEST_UNAVAILABLE" } });
  });
});

describe("the journal", () => {
  it("filters the audit log by structure, venue, actor, kind of thing, action and Paris days", async () => {
    await forgetJobsAndMail();
    const [a, b] = await partners(2);
    const x = await stage();
    const y = await stage();
    const atX = await book(a!.actor, { sessionId: x.sessionId, partnerId: a!.id, guests: [guest("Aya", "Koné")] });
    await book(b!.actor, { sessionId: y.sessionId, partnerId: b!.id, guests: [guest("Binta", "Ba")] });
    await grantQuotaException(admin, { venueId: x.venueId, partnerId: a!.id, maxPlaces: 6, reason: "Projet" });

    const entries = async (query: Record<string, string>) => (await listJournal(admin, readJournalFilters(query))).entries;
    const byA = await entries({ structure: a!.id });
    expect(byA.some((entry) => entry.entityType === "Booking" && entry.entityId === atX.bookingId)).toBe(true);
    expect(byA.every((entry) => entry.entityId !== b!.id)).toBe(true);
    const atVenueX = await entries({ lieu: x.venueId });
    expect(atVenueX.map((entry) => entry.entityId)).toContain(atX.bookingId);
    expect(atVenueX.some((entry) => entry.entityType === "QuotaException")).toBe(true);
    const byAdmin = await entries({ qui: (admin as { userId: string }).userId });
    expect(byAdmin.map((entry) => entry.action)).toEqual(["quota.exception_granted"]);
    expect((await entries({ type: "QuotaException" })).map((entry) => entry.action)).toEqual(["quota.exception_granted"]);
    expect((await entries({ action: "booking.confirmed" })).length).toBe(2);
    expect(await entries({ du: "2031-01-01" })).toEqual([]);
    expect((await entries({ objet: atX.bookingId })).every((entry) => entry.entityId === atX.bookingId)).toBe(true);
    // The journal holds states, never the names of the people supported.
    expect(JSON.stringify(await entries({}))).not.toMatch(/Koné|Binta/);
  });
});

describe("quota exceptions", () => {
  it("revokes an exception: the venue's rule applies again, what was booked stays", async () => {
    const { venueId, sessionId } = await stage({ quota: { period: "SEASON", maxPlaces: 1 } });
    const [structure] = await partners(1);
    await grantQuotaException(admin, { venueId, partnerId: structure!.id, maxPlaces: 3, reason: "Sortie de groupe", expiresAt: parisTime("2027-06-30", 23) });
    const two = await book(structure!.actor, {
      sessionId,
      partnerId: structure!.id,
      guests: [guest("Awa", "Diop"), { ...guest("Moussa", "Diop"), kind: "FAMILY_OR_FRIEND" }],
    });
    expect(two.outcome).toBe("CONFIRMED");
    await revokeQuotaException(admin, { venueId, partnerId: structure!.id, reason: "Projet terminé" });
    expect(await requestBooking(structure!.actor, { sessionId, partnerId: structure!.id, guests: [guest("Léa", "Petit")], ifShort: "NOTHING" })).toMatchObject({
      outcome: "NOT_BOOKED",
      reason: "QUOTA_REACHED",
    });
    expect((await getPrisma().booking.findUniqueOrThrow({ where: { id: two.bookingId } })).status).toBe("CONFIRMED");
    await expect(revokeQuotaException(admin, { venueId, partnerId: structure!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("venues and the home's to-do", () => {
  it("creates venues with distinct addresses and lists them with what they offer", async () => {
    const first = await createVenue(admin, {
      name: "Salle Molière",
      kind: "THEATRE",
      addressLine: "18 quai de Bondy",
      postalCode: "69005",
      city: "Lyon",
      ticketOfficePhone: "04 78 00 00 01",
    });
    const second = await createVenue(admin, {
      name: "Salle Molière",
      kind: "CONCERT_HALL",
      addressLine: "1 rue X",
      postalCode: "69001",
      city: "Lyon",
      ticketOfficePhone: "04 78 00 00 02",
    });
    const slugs = await getPrisma().venue.findMany({ where: { id: { in: [first.id, second.id] } }, select: { slug: true } });
    expect(new Set(slugs.map((v) => v.slug)).size).toBe(2);
    await expect(createVenue(admin, { name: "", kind: "GARAGE" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const { venues } = await listVenues(admin, readVenueFilters({ q: "molière" }));
    expect(venues).toHaveLength(2);
  });

  it("counts, for the page's venues, the events that have a session to come (issue 14)", async () => {
    const venue = await createVenue(admin, {
      name: "Salle Zénobie",
      kind: "THEATRE",
      addressLine: "2 rue Y",
      postalCode: "69002",
      city: "Lyon",
      ticketOfficePhone: "04 78 00 00 03",
    });
    const now = new Date("2027-01-15T12:00:00Z");
    const coming = await createEvent({ venueId: venue.id, title: "À venir" });
    await createSession({ eventId: coming.id, startsAt: new Date("2027-02-01T19:00:00Z") });
    await createSession({ eventId: coming.id, startsAt: new Date("2027-02-02T19:00:00Z") });
    const played = await createEvent({ venueId: venue.id, title: "Joué" });
    await createSession({ eventId: played.id, startsAt: new Date("2027-01-01T19:00:00Z") });
    const cancelled = await createEvent({ venueId: venue.id, title: "Annulé" });
    await createSession({ eventId: cancelled.id, startsAt: new Date("2027-02-01T19:00:00Z"), status: "CANCELLED" });
    const { venues } = await listVenues(admin, readVenueFilters({ q: "zénobie" }), { now });
    expect(venues.map((v) => [v.name, v._count.events])).toEqual([["Salle Zénobie", 1]]);
  });

  it("lists what needs action: new requests, conventions ending within 60 days, failed mails, waitlists about to expire", async () => {
    await forgetJobsAndMail();
    const now = new Date();
    const fresh = await createPartner({ convention: false, name: "Nouvelle demande" });
    await getPrisma().onboardingStep.create({ data: { partnerId: fresh.id, kind: "REQUEST_RECEIVED", at: now } });
    const ending = await createPartner({ convention: false, name: "Convention finissante" });
    await getPrisma().convention.create({
      data: { partnerId: ending.id, signedOn: new Date("2024-01-01"), validFrom: new Date("2024-01-01"), validUntil: new Date("2027-01-15") },
    });
    await getPrisma().outboxMail.create({ data: { kind: "PASSWORD_RESET", to: "x@exemple.test", subject: "x", status: "FAILED", attempts: 10 } });
    const venue = (await stage()).venueId;
    const event = await createEvent({ venueId: venue });
    const soon = await createSession({
      eventId: event.id,
      capacity: 1,
      startsAt: new Date(now.getTime() + 20 * 3600_000),
      waitlistedBookings: 1,
      waitlistedPlaces: 1,
    });

    const todo = await associationTodo(admin, { now });
    expect(todo.newRequests).toBeGreaterThanOrEqual(1);
    expect(todo.meetingsToPlan).toBeGreaterThanOrEqual(1);
    expect(todo.conventionsEnding.map((row) => row.name)).toContain("Convention finissante");
    expect(todo.failedMails).toBe(1);
    expect(todo.expiringWaitlists.map((row) => row.id)).toContain(soon.id);
  });

  it("finds the conventions ending from the conventions' end dates, not by asking each structure (issue 35.2)", async () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const convention = (partnerId: string, validUntil: string) =>
      getPrisma().convention.create({
        data: { partnerId, signedOn: new Date("2025-01-01"), validFrom: new Date("2025-01-01"), validUntil: new Date(validUntil) },
      });
    const renewed = await createPartner({ convention: false, name: "Renouvelée à temps" });
    await convention(renewed.id, "2027-01-10");
    await convention(renewed.id, "2028-01-10");
    const twice = await createPartner({ convention: false, name: "Deux conventions le même jour" });
    await convention(twice.id, "2027-01-12");
    await convention(twice.id, "2027-01-12");
    const names = (await associationTodo(admin, { now })).conventionsEnding.map((row) => row.name);
    expect(names).not.toContain("Renouvelée à temps");
    expect(names.filter((name) => name === "Deux conventions le même jour")).toHaveLength(1);
    // Every view of the association's home asks it: at national scale a look-up per structure (4,200) took
    // 12 ms of the database; the few conventions ending are reached through their end date's index.
    const plan = await getPrisma().$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${endingConventionsSql(now)}`);
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
    // The end date's index: its own, or the one that leads with it for the memberships page (decision 032).
    expect(plan).toMatch(/Convention_(validUntil|valid_partner)_idx/);
  });
});

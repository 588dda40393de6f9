// GET /api/bookings/[id]/invitation: the PDF for whoever may print it, and the status codes of the
// refusals (401 signed out, 404 for a booking the actor may not see or a malformed id, 409 without
// invitation).
import type { Actor } from "@/lib/auth/actor";
import { GET } from "@/app/api/bookings/[id]/invitation/route";
import { bookingWithGuests, invitationWorld, type InvitationWorld } from "../factories/invitation";
import { getPrisma } from "@/lib/db/client";
import { readPdf } from "../support/read-pdf";

let actor: Actor;
jest.mock("@/lib/auth/current", () => ({ currentActor: async () => actor }));

let world: InvitationWorld;
beforeAll(async () => {
  world = await invitationWorld();
});

const get = (id: string, query = "") => GET(new Request(`http://localhost/api/bookings/${id}/invitation${query}`), { params: Promise.resolve({ id }) });

describe("GET /api/bookings/[id]/invitation", () => {
  it("answers the PDF inline, named after the booking number", async () => {
    actor = world.actors.partnerA;
    const response = await get(world.bookingId);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe(`inline; filename="invitation-${world.number}.pdf"`);
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");
  });

  it("answers 401 to anyone not signed in, 404 to those who may not see the booking", async () => {
    actor = world.actors.anonymous;
    expect((await get(world.bookingId)).status).toBe(401);
    for (const refused of [world.actors.partnerB, world.actors.venueY, world.actors.visitorA]) {
      actor = refused;
      expect((await get(world.bookingId)).status).toBe(404);
    }
    actor = world.actors.admin;
    expect((await get("not-a-uuid")).status).toBe(404);
  });

  it("answers 409 with the reason for a cancelled booking", async () => {
    const cancelled = await bookingWithGuests(world.sessionId, world.partnerA, [["Zoé", "Lefèvre"]], "CANCELLED");
    actor = world.actors.partnerA;
    const response = await get(cancelled.id);
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("annulée");
  });

  it("prints the fixed words in the language asked beside the French, and French alone for a language it does not know (issue 34.6)", async () => {
    actor = world.actors.partnerA;
    const read = async (query: string) => (await readPdf(Buffer.from(await (await get(world.bookingId, query)).arrayBuffer()))).pages[0]!;
    const ukrainian = await read("?langue=uk");
    expect(ukrainian).toContain("Invitation nominative, ne peut être cédée");
    expect(ukrainian).toContain("Не можете прийти?");
    expect(await read("?langue=xx")).not.toMatch(/[\u0400-\u04ff]/);
  }, 60_000);

  it("prints the words in the language the referent set for the booking's main guest when none is asked (issue 34.1 and 34.6)", async () => {
    const prisma = getPrisma();
    const person = await prisma.person.create({ data: { partnerId: world.partnerA, firstName: "Olena", lastName: "Kovalenko", language: "uk" } });
    const booking = await bookingWithGuests(world.sessionId, world.partnerA, [["Olena", "Kovalenko"]]);
    await prisma.bookingGuest.updateMany({ where: { bookingId: booking.id, position: 0 }, data: { personId: person.id } });
    actor = world.actors.partnerA;
    const read = async (query: string) => (await readPdf(Buffer.from(await (await get(booking.id, query)).arrayBuffer()))).pages[0]!;
    expect(await read("")).toContain("Не можете прийти?");
    // A language asked in the address wins: the referent prints it in French for the ticket office alone.
    expect(await read("?langue=fr")).not.toMatch(/[\u0400-\u04ff]/);
  }, 60_000);
});

// DESIGN.md, rule 7: beneath lib/booking, the database itself refuses a write that would put more
// confirmed places on a session than its capacity, and keeps each session's place counters.
import { getPrisma } from "@/lib/db/client";
import { createPartner, createSession, insertBooking } from "../factories";

const counters = async (sessionId: string) =>
  getPrisma().session.findUniqueOrThrow({ where: { id: sessionId }, select: { confirmedPlaces: true, waitlistedPlaces: true, waitlistedBookings: true } });

describe("the session's place counters follow its bookings", () => {
  it("counts confirmed and waitlisted places, and waiting bookings, through every change of status", async () => {
    const session = await createSession({ capacity: 5 });
    const partner = await createPartner();
    const confirmed = await insertBooking(session.id, partner.id, { places: 2 });
    const waiting = await insertBooking(session.id, partner.id, { places: 3, status: "WAITLISTED" });
    expect(await counters(session.id)).toEqual({ confirmedPlaces: 2, waitlistedPlaces: 3, waitlistedBookings: 1 });

    await getPrisma().booking.update({
      where: { id: confirmed.id },
      data: { status: "CANCELLED", cancelledAt: new Date(), cancelReason: "PARTNER" },
    });
    expect(await counters(session.id)).toEqual({ confirmedPlaces: 0, waitlistedPlaces: 3, waitlistedBookings: 1 });

    await getPrisma().booking.update({ where: { id: waiting.id }, data: { status: "CONFIRMED", confirmedAt: new Date() } });
    expect(await counters(session.id)).toEqual({ confirmedPlaces: 3, waitlistedPlaces: 0, waitlistedBookings: 0 });

    await getPrisma().booking.delete({ where: { id: waiting.id } });
    expect(await counters(session.id)).toEqual({ confirmedPlaces: 0, waitlistedPlaces: 0, waitlistedBookings: 0 });
  });
});

describe("the database refuses overbooking", () => {
  it("refuses a confirmation beyond capacity and keeps the counters as they were", async () => {
    const session = await createSession({ capacity: 3 });
    const partner = await createPartner();
    await insertBooking(session.id, partner.id, { places: 2 });

    await expect(insertBooking(session.id, partner.id, { places: 2 })).rejects.toThrow(/Session_confirmedPlaces_check/);
    expect(await counters(session.id)).toEqual({ confirmedPlaces: 2, waitlistedPlaces: 0, waitlistedBookings: 0 });
    expect(await getPrisma().booking.count({ where: { sessionId: session.id } })).toBe(1);
  });

  it("refuses to lower a capacity below the confirmed places", async () => {
    const session = await createSession({ capacity: 4 });
    await insertBooking(session.id, (await createPartner()).id, { places: 3 });

    await expect(getPrisma().session.update({ where: { id: session.id }, data: { capacity: 2 } })).rejects.toThrow(/Session_confirmedPlaces_check/);
    await expect(getPrisma().session.update({ where: { id: session.id }, data: { capacity: 3 } })).resolves.toMatchObject({ capacity: 3 });
  });

  it("refuses a negative capacity", async () => {
    await expect(createSession({ capacity: -1 })).rejects.toThrow(/Session_capacity_check|Session_confirmedPlaces_check/);
  });
});

describe("bookings are well-formed", () => {
  it("refuses a booking number with an ambiguous character or a duplicate number", async () => {
    const session = await createSession();
    const partner = await createPartner();
    await expect(insertBooking(session.id, partner.id, { number: "ABCD0EFG" })).rejects.toThrow(/Booking_number_check/);
    await insertBooking(session.id, partner.id, { number: "ABCD2EFG" });
    await expect(insertBooking(session.id, partner.id, { number: "ABCD2EFG" })).rejects.toThrow(/Unique constraint/i);
  });

  it("refuses a cancellation that does not say why", async () => {
    const booking = await insertBooking((await createSession()).id, (await createPartner()).id);
    await expect(getPrisma().booking.update({ where: { id: booking.id }, data: { status: "CANCELLED", cancelledAt: new Date() } })).rejects.toThrow(
      /Booking_cancelled_check/,
    );
  });

  it("refuses a partner account without a structure", async () => {
    await expect(getPrisma().user.create({ data: { email: "sans-structure@exemple.test", name: "X", role: "PARTNER" } })).rejects.toThrow(
      /User_partner_role_check/,
    );
  });
});

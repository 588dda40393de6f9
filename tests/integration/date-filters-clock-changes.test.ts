// Issue 28.2: the "to" day of the association's booking search and of its journal ends at midnight in
// Paris, also on the two days a year the clocks change (a 23-hour day in March, a 25-hour day in October).
// Counting the day as 24 hours ended it an hour late in March (taking in the next day's first hour) and an
// hour early in October (leaving out its last hour).
import { randomUUID } from "node:crypto";
import { readBookingSearch, searchBookings } from "@/lib/association/bookings";
import { readJournalFilters, listJournal } from "@/lib/association/journal";
import { requestBooking } from "@/lib/booking/request";
import { getPrisma } from "@/lib/db/client";
import { parisTime } from "@/lib/time";
import { adminActor } from "../factories/actors";
import { newFamilyName, partners, stage } from "../factories/booking";

jest.setTimeout(60_000);

let admin: Awaited<ReturnType<typeof adminActor>>;
beforeAll(async () => {
  admin = await adminActor();
});

/** Just before and just after the midnight that ends each day the clocks change. */
const MOMENTS = {
  springLast: parisTime("2027-03-28", 23, 30),
  springNext: parisTime("2027-03-29", 0, 30),
  autumnLast: parisTime("2027-10-31", 23, 30),
  autumnNext: parisTime("2027-11-01", 0, 30),
};
type Moment = keyof typeof MOMENTS;

describe("the 'to' day on the days the clocks change", () => {
  it("finds the bookings for sessions up to midnight in Paris, not 24 hours after the day starts", async () => {
    const [partner] = await partners(1);
    const booked = new Map<string, Moment>();
    for (const moment of Object.keys(MOMENTS) as Moment[]) {
      const { sessionId } = await stage({ startsAt: MOMENTS[moment] });
      const result = await requestBooking(partner!.actor, {
        sessionId,
        partnerId: partner!.id,
        guests: [{ firstName: "Awa", lastName: newFamilyName(), kind: "MAIN" }],
      });
      if (!("confirmed" in result) || !result.confirmed) throw new Error(`Rien de réservé : ${result.outcome}`);
      booked.set(result.confirmed.id, moment);
    }
    const found = async (day: string) =>
      (await searchBookings(admin, readBookingSearch({ structure: partner!.id, du: day, au: day }))).bookings.map((booking) => booked.get(booking.id));

    expect(await found("2027-03-28")).toEqual(["springLast"]);
    expect(await found("2027-03-29")).toEqual(["springNext"]);
    expect(await found("2027-10-31")).toEqual(["autumnLast"]);
    expect(await found("2027-11-01")).toEqual(["autumnNext"]);
  });

  it("lists the journal's entries up to midnight in Paris, not 24 hours after the day starts", async () => {
    const entityId = randomUUID();
    for (const moment of Object.keys(MOMENTS) as Moment[]) {
      await getPrisma().auditLog.create({ data: { at: MOMENTS[moment], actorKind: "system", action: `test.${moment}`, entityType: "Session", entityId } });
    }
    const found = async (day: string) =>
      (await listJournal(admin, readJournalFilters({ objet: entityId, du: day, au: day }))).entries.map((entry) => entry.action);

    expect(await found("2027-03-28")).toEqual(["test.springLast"]);
    expect(await found("2027-03-29")).toEqual(["test.springNext"]);
    expect(await found("2027-10-31")).toEqual(["test.autumnLast"]);
    expect(await found("2027-11-01")).toEqual(["test.autumnNext"]);
  });
});

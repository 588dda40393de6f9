// The event page says what a booking will do (rule 1): when the structure's quota with the venue is used,
// places left on the session do not make a booking confirmed; it goes on the waitlist, and the page says
// why and when that may change (a cancellation of the structure's, the rule lifting before the session).
import { requestBooking } from "@/lib/booking/request";
import { getEventDetails } from "@/lib/catalog/event";
import { getPrisma } from "@/lib/db/client";
import { parisDaysBefore } from "@/lib/time";
import { partners, request, stage } from "../factories/booking";

// The first request of a file loads lib/booking and opens the pool: slow on a busy machine.
jest.setTimeout(30_000);

async function sessionAsSeenBy(actor: Parameters<typeof getEventDetails>[0], sessionId: string) {
  const { eventId } = await getPrisma().session.findUniqueOrThrow({ where: { id: sessionId }, select: { eventId: true } });
  return (await getEventDetails(actor, eventId)).sessions.find((session) => session.id === sessionId)!;
}

describe("the event page says when a booking will wait, and why", () => {
  it("waits for the quota when the structure used it, with places left; another structure books at once", async () => {
    const { sessionId } = await stage({ capacity: 5, quota: { period: "SESSION", maxPlaces: 2 } });
    const [partner, other] = await partners(2);
    await requestBooking(partner!.actor, request(sessionId, partner!.id, 2));

    expect(await sessionAsSeenBy(partner!.actor, sessionId)).toMatchObject({
      placesLeft: 3,
      quotaLeft: 0,
      quotaMax: 2,
      waitsFor: "QUOTA_REACHED",
      quotaLiftsAt: null,
    });
    expect(await sessionAsSeenBy(other!.actor, sessionId)).toMatchObject({ placesLeft: 3, quotaLeft: 2, waitsFor: null });
    // What the page announces is what lib/booking does.
    expect(await requestBooking(partner!.actor, request(sessionId, partner!.id, 1))).toMatchObject({ outcome: "WAITLISTED", reason: "QUOTA_REACHED" });
  });

  it("gives the date the venue's rule lifts itself before the session, while it still applies", async () => {
    const { sessionId } = await stage({ capacity: 5, quota: { period: "MONTH", maxPlaces: 1, liftDaysBefore: 3 }, startsInDays: 10 });
    const [partner] = await partners(1);
    await requestBooking(partner!.actor, request(sessionId, partner!.id, 1));
    const { startsAt } = await getPrisma().session.findUniqueOrThrow({ where: { id: sessionId } });

    expect(await sessionAsSeenBy(partner!.actor, sessionId)).toMatchObject({ waitsFor: "QUOTA_REACHED", quotaLiftsAt: parisDaysBefore(startsAt, 3) });
  });

  it("no longer waits for a quota that has lifted: only places count", async () => {
    const { sessionId } = await stage({ capacity: 5, quota: { period: "SESSION", maxPlaces: 1, liftDaysBefore: 3 }, startsInDays: 2 });
    const [partner] = await partners(1);
    await requestBooking(partner!.actor, request(sessionId, partner!.id, 3));

    expect(await sessionAsSeenBy(partner!.actor, sessionId)).toMatchObject({
      placesLeft: 2,
      quotaMax: null,
      quotaLeft: null,
      waitsFor: null,
      quotaLiftsAt: null,
    });
  });

  it("waits for places when the session is full, whatever the quota", async () => {
    const { sessionId } = await stage({ capacity: 2, quota: { period: "SESSION", maxPlaces: 4 } });
    const [partner, other] = await partners(2);
    await requestBooking(other!.actor, request(sessionId, other!.id, 2));

    expect(await sessionAsSeenBy(partner!.actor, sessionId)).toMatchObject({ placesLeft: 0, quotaLeft: 4, waitsFor: "NO_PLACES" });
  });
});

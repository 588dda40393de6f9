// The booking form marks the structure's people who already hold a place, or wait for one, on the session
// (issue 29.12), before anything is sent: the data comes from lib/partner/booking-form.ts, which lets only
// the structure's own users (and the association) read it.
import type { Actor } from "@/lib/auth/actor";
import { cancelBooking } from "@/lib/booking/cancel";
import { requestBooking } from "@/lib/booking/request";
import { AccessDeniedError } from "@/lib/errors";
import { peopleBookedOnSession } from "@/lib/partner/book-from-form";
import { createPerson } from "@/lib/people/people";
import { partnerActor } from "../factories/actors";
import { createPartner, createSession } from "../factories";

let mine: { id: string; actor: Actor };

beforeEach(async () => {
  const partner = await createPartner();
  mine = { id: partner.id, actor: await partnerActor(partner.id) };
});

const person = async (firstName: string) => ({ firstName, ...(await createPerson(mine.actor, { partnerId: mine.id, firstName, lastName: "Lefèvre" })) });
const book = (sessionId: string, guest: { id: string; firstName: string }) =>
  requestBooking(mine.actor, {
    sessionId,
    partnerId: mine.id,
    guests: [{ firstName: guest.firstName, lastName: "Lefèvre", kind: "MAIN", personId: guest.id }],
  });

describe("peopleBookedOnSession", () => {
  it("names the people with a confirmed or waiting booking on that session, not a cancelled one nor another session", async () => {
    const session = await createSession({ capacity: 1 });
    const other = await createSession({ capacity: 5 });
    const [zoe, awa, lea, ines] = await Promise.all([person("Zoé"), person("Awa"), person("Léa"), person("Inès")]);
    await book(session.id, zoe); // confirmed: the only place
    await book(session.id, awa); // waits
    const cancelled = await book(session.id, lea);
    await cancelBooking(mine.actor, { bookingId: cancelled.outcome === "WAITLISTED" ? cancelled.waitlisted.id : "" });
    await book(other.id, ines);

    expect((await peopleBookedOnSession(mine.actor, mine.id, session.id)).sort()).toEqual([zoe.id, awa.id].sort());
    expect(await peopleBookedOnSession(mine.actor, mine.id, other.id)).toEqual([ines.id]);
  });

  it("tells another structure nothing", async () => {
    const session = await createSession();
    const zoe = await person("Zoé");
    await book(session.id, zoe);
    const theirs = await createPartner();
    await expect(peopleBookedOnSession(await partnerActor(theirs.id), mine.id, session.id)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(peopleBookedOnSession({ kind: "visitor", partnerId: mine.id }, mine.id, session.id)).rejects.toBeInstanceOf(AccessDeniedError);
  });
});

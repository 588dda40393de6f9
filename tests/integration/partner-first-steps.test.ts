// Issue 29.7: a new referent's home shows the first steps (add the people, create the visitor code, book
// an outing), each ticked once done, until all three are: computed in lib/partner/first-steps.ts.
import { firstSteps } from "@/lib/partner/first-steps";
import { createPerson } from "@/lib/people/people";
import { getPrisma } from "@/lib/db/client";
import { AccessDeniedError } from "@/lib/errors";
import { partnerActor } from "../factories/actors";
import { createPartner, createSession, insertBooking } from "../factories";

describe("the first steps of a new structure", () => {
  it("ticks each step once done, and is done when all three are", async () => {
    const partner = await createPartner();
    const actor = await partnerActor(partner.id);
    expect(await firstSteps(actor, partner.id)).toEqual({ people: false, visitorCode: false, booking: false, done: false });

    await createPerson(actor, { partnerId: partner.id, firstName: "Zoé", lastName: "Lefèvre" });
    expect(await firstSteps(actor, partner.id)).toEqual({ people: true, visitorCode: false, booking: false, done: false });

    await getPrisma().partner.update({ where: { id: partner.id }, data: { visitorCode: `FS${partner.id.slice(-8).toUpperCase()}` } });
    await insertBooking((await createSession()).id, partner.id, { places: 1 });
    expect(await firstSteps(actor, partner.id)).toEqual({ people: true, visitorCode: true, booking: true, done: true });
  });

  it("counts a cancelled booking as a booking made, but not a person deleted", async () => {
    const partner = await createPartner();
    const actor = await partnerActor(partner.id);
    await getPrisma().person.create({ data: { partnerId: partner.id, firstName: "Jérôme", lastName: "Ndiaye", archivedAt: new Date() } });
    await insertBooking((await createSession()).id, partner.id, { places: 1, status: "CANCELLED", cancelledAt: new Date(), cancelReason: "PARTNER" });
    expect(await firstSteps(actor, partner.id)).toMatchObject({ people: false, booking: true, done: false });
  });

  it("is the structure's own", async () => {
    const mine = await createPartner();
    const theirs = await createPartner();
    await expect(firstSteps(await partnerActor(theirs.id), mine.id)).rejects.toBeInstanceOf(AccessDeniedError);
  });
});

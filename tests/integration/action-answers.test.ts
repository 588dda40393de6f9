// Hardening item 17, at the actions themselves (malformed-input.test.ts fuzzes the lib functions under
// them): the two actions that answered 500 to a refused or malformed call now answer calmly. The
// signed-in actor is the only thing stood in for (next-auth needs a request); the database is real.
import type { Actor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/client";
import { searchPeopleAction } from "@/app/offre/[eventId]/reserver/[sessionId]/actions";
import { markNotificationsReadAction } from "@/app/partenaire/notification-actions";
import { partnerActor, venueActor } from "../factories/actors";
import { createPartner, createVenue } from "../factories";

let actor: Actor;
jest.mock("@/lib/auth/current", () => ({ currentActor: async () => actor }));
// Outside a request Next has no cache to revalidate; what the action answers is the point here.
jest.mock("next/cache", () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));

let own: string;
let other: string;
beforeAll(async () => {
  own = (await createPartner()).id;
  other = (await createPartner()).id;
  await getPrisma().person.createMany({
    data: [
      { partnerId: own, firstName: "Zoé", lastName: "Arnaud" },
      { partnerId: other, firstName: "Zoé", lastName: "Berthier" },
    ],
  });
});

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.set(name, value);
  return data;
};

describe("searchPeopleAction", () => {
  it("finds the structure's own people, and only theirs", async () => {
    actor = await partnerActor(own);
    expect(await searchPeopleAction(own, "zoé")).toEqual([expect.objectContaining({ firstName: "Zoé", lastName: "Arnaud" })]);
  });

  it("answers an empty list, never an error, when refused or sent what is not a query", async () => {
    actor = await partnerActor(own);
    expect(await searchPeopleAction(other, "zoé")).toEqual([]);
    for (const partnerId of ["pas-un-id", "", null, 42, { toString: () => other }, "\u0000"]) {
      await expect(searchPeopleAction(partnerId, "zoé")).resolves.toEqual([]);
    }
    for (const q of [42, null, ["zoé"], { length: 3 }, "zo\u0000é", "\u202E"]) {
      await expect(searchPeopleAction(own, q)).resolves.toEqual(expect.any(Array));
    }
    actor = await venueActor((await createVenue()).id);
    expect(await searchPeopleAction(own, "zoé")).toEqual([]);
    actor = { kind: "anonymous" };
    expect(await searchPeopleAction(own, "zoé")).toEqual([]);
  });
});

describe("markNotificationsReadAction", () => {
  it("marks the structure's own news read", async () => {
    await getPrisma().notification.create({ data: { partnerId: own, type: "BOOKING_PROMOTED" } });
    actor = await partnerActor(own);
    await markNotificationsReadAction(form({ partnerId: own }));
    expect(await getPrisma().notification.count({ where: { partnerId: own, readAt: null } })).toBe(0);
  });

  it("answers calmly, and marks nothing, for another structure's id, a malformed one or none", async () => {
    await getPrisma().notification.create({ data: { partnerId: other, type: "BOOKING_PROMOTED" } });
    actor = await partnerActor(own);
    for (const data of [form({ partnerId: other }), form({ partnerId: "pas-un-id" }), form({ partnerId: "\u0000" }), form({})]) {
      await expect(markNotificationsReadAction(data)).resolves.toBeUndefined();
    }
    actor = await venueActor((await createVenue()).id);
    await expect(markNotificationsReadAction(form({ partnerId: other }))).resolves.toBeUndefined();
    expect(await getPrisma().notification.count({ where: { partnerId: other, readAt: null } })).toBe(1);
  });
});

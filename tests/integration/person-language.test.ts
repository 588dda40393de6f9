// Issue 34.1: the referent records the language a person reads (or none: French), with the person's
// form; it is what their texts (and, at merge, their invitation's fixed words) are written in. Only the
// platform's languages are taken.
import type { Actor } from "@/lib/auth/actor";
import { InvalidInput } from "@/lib/validation";
import { createPerson, getPerson, updatePerson } from "@/lib/people/people";
import { partnerActor } from "../factories/actors";
import { createPartner } from "../factories";

let mine: { id: string; actor: Actor };

beforeEach(async () => {
  const partner = await createPartner();
  mine = { id: partner.id, actor: await partnerActor(partner.id) };
});

describe("a person's language", () => {
  it("is recorded with the person, changed and taken off again", async () => {
    const amal = await createPerson(mine.actor, { partnerId: mine.id, firstName: "Amal", lastName: "Haddad", language: "ar" });
    expect((await getPerson(mine.actor, amal.id)).language).toBe("ar");
    await updatePerson(mine.actor, { personId: amal.id, firstName: "Amal", lastName: "Haddad", language: "fa-AF" });
    expect((await getPerson(mine.actor, amal.id)).language).toBe("fa-AF");
    // The form's "Français" option sends nothing: French, as for a person recorded before languages.
    await updatePerson(mine.actor, { personId: amal.id, firstName: "Amal", lastName: "Haddad", language: "" });
    expect((await getPerson(mine.actor, amal.id)).language).toBeNull();
  });

  it("is none for a person recorded without one", async () => {
    const zoe = await createPerson(mine.actor, { partnerId: mine.id, firstName: "Zoé", lastName: "Lefèvre" });
    expect((await getPerson(mine.actor, zoe.id)).language).toBeNull();
  });

  it("is one of the platform's languages", async () => {
    await expect(createPerson(mine.actor, { partnerId: mine.id, firstName: "Hans", lastName: "Müller", language: "de" })).rejects.toBeInstanceOf(InvalidInput);
  });
});

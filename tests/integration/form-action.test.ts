// Issue 28.2: one helper behind every server action that answers a form (lib/actions/form-action.ts). The
// form read into a plain object, the actor, the call to lib/, the answer or the refusal in French; and lib/
// naming the field at fault itself, so that no action validates again. The signed-in actor is the only
// thing stood in for (next-auth needs a request); lib and the database are real.
import type { Actor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/client";
import { formAction, readForm } from "@/lib/actions/form-action";
import { initialActionState, type ActionState } from "@/lib/actions/state";
import { grantQuotaExceptionUntil, setQuotaRule } from "@/lib/booking/quota";
import { createPerson } from "@/lib/people/people";
import { archivePersonAction, createPersonAction } from "@/app/partenaire/personnes/actions";
import { grantQuotaExceptionAction } from "@/app/admin/structures/actions";
import { setVenueQuotaAction } from "@/app/admin/lieux/actions";
import { setQuotaAction } from "@/app/lieu/actions";
import { adminActor, partnerActor, venueActor } from "../factories/actors";
import { createPartner, createVenue } from "../factories";

let actor: Actor;
jest.mock("@/lib/auth/current", () => ({ currentActor: async () => actor }));
// Outside a request Next has no cache to revalidate; what the action answers is the point here.
jest.mock("next/cache", () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));
// next-intl reads the request's locale in a server component; here the French catalog is given directly.
jest.mock("@/lib/i18n/server", () => {
  const { createTranslator } = jest.requireActual<typeof import("use-intl/core")>("use-intl/core");
  const messages = jest.requireActual<{ default: Record<string, unknown> }>("@/messages/fr").default;
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: "fr", messages, namespace: namespace as never }) };
});

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe("readForm", () => {
  it("gives repeated fields as arrays, lists even with one value or none, nested names as objects", () => {
    const data = form([
      ["title", "Concert"],
      ["weekdays", "1"],
      ["weekdays", "3"],
      ["accessibility", "WHEELCHAIR"],
      ["guests[0].firstName", "Awa"],
      ["guests[0].lastName", "Diallo"],
      ["guests.1.firstName", "Léo"],
      ["rule.period", "MONTH"],
      ["kind", ""],
      ["$ACTION_ID_abc", ""],
      ["__proto__.polluted", "oui"],
    ]);
    const input = readForm(data, { lists: ["accessibility", "needs"], optional: ["kind"] });
    expect(input).toEqual({
      title: "Concert",
      weekdays: ["1", "3"],
      accessibility: ["WHEELCHAIR"],
      needs: [],
      guests: [{ firstName: "Awa", lastName: "Diallo" }, { firstName: "Léo" }],
      rule: { period: "MONTH" },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("formAction", () => {
  let partnerId: string;
  beforeAll(async () => {
    partnerId = (await createPartner()).id;
  });

  it("calls lib with the actor and the form, then says what was done", async () => {
    actor = await partnerActor(partnerId);
    const answer = await createPersonAction(
      initialActionState,
      form([
        ["firstName", "Awa"],
        ["lastName", "Diallo"],
      ]),
    );
    expect(answer).toEqual({ ok: true, message: expect.stringMatching(/\S/) });
    expect(await getPrisma().person.count({ where: { partnerId, lastName: "Diallo" } })).toBe(1);
  });

  it("answers the French refusal when lib refuses the actor", async () => {
    actor = await venueActor((await createVenue()).id);
    const answer = await createPersonAction(
      initialActionState,
      form([
        ["partnerId", partnerId],
        ["firstName", "Awa"],
        ["lastName", "Refusée"],
      ]),
    );
    expect(answer).toEqual({ ok: false, message: "Vous n'avez pas accès à cette ressource." });
    expect(await getPrisma().person.count({ where: { lastName: "Refusée" } })).toBe(0);
  });

  it("answers each field at fault, in words, when the input is invalid", async () => {
    actor = await partnerActor(partnerId);
    const answer = await createPersonAction(
      initialActionState,
      form([
        ["firstName", ""],
        ["lastName", "Diallo"],
      ]),
    );
    expect(answer).toEqual({
      ok: false,
      message: "Certains champs sont à corriger.",
      fieldErrors: { firstName: [expect.stringMatching(/^Prénom : /)] },
      fieldMessages: { firstName: ["Ce champ est obligatoire."] },
    });
  });

  it("does nothing and says so when the confirmation box is not ticked", async () => {
    actor = await partnerActor(partnerId);
    const person = await createPerson(actor, { partnerId, firstName: "Awa", lastName: "Gardée" });
    const message = "Cochez la case pour confirmer le retrait.";
    expect(await archivePersonAction(initialActionState, form([["personId", person.id]]))).toEqual({ ok: false, message, fieldErrors: { confirm: [message] } });
    expect(await getPrisma().person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ archivedAt: null });
  });

  it("lets an action say more on a refusal, and keeps lib's own calls out of the way", async () => {
    actor = await partnerActor(partnerId);
    const run = jest.fn(async () => {
      throw new Error("boom");
    });
    const action = formAction({
      run,
      done: (): ActionState => ({ ok: true }),
      refused: (_error, failure) => ({ ...failure, link: { href: "/", label: "x" } }),
    });
    jest.spyOn(console, "error").mockImplementationOnce(() => {});
    expect(
      await action(
        initialActionState,
        form([
          ["a", "1"],
          ["a", "2"],
        ]),
      ),
    ).toMatchObject({ ok: false, link: { href: "/" } });
    expect(run).toHaveBeenCalledWith(actor, { a: ["1", "2"] });
  });
});

describe("quota forms: lib names the field at fault and reads the form's own choices", () => {
  let venueId: string;
  let partnerId: string;
  beforeAll(async () => {
    venueId = (await createVenue()).id;
    partnerId = (await createPartner()).id;
  });

  it("names the rule's own field, for every caller of setQuotaRule", async () => {
    await expect(setQuotaRule(await adminActor(), { venueId, rule: { period: "MONTH", maxPlaces: 0, liftDaysBefore: null } })).rejects.toMatchObject({
      fieldErrors: { maxPlaces: ["validation.atLeastOne"] },
    });
  });

  it("answers the field at fault from the venue's and the association's forms alike", async () => {
    const sent = form([
      ["venueId", venueId],
      ["period", "MONTH"],
      ["maxPlaces", "0"],
      ["liftDaysBefore", ""],
    ]);
    actor = await adminActor();
    const admin = await setVenueQuotaAction(initialActionState, sent);
    actor = await venueActor(venueId);
    const venue = await setQuotaAction(initialActionState, sent);
    for (const answer of [admin, venue])
      expect(answer).toEqual({
        ok: false,
        message: "Certains champs sont à corriger.",
        fieldErrors: { maxPlaces: [expect.stringMatching(/^Places : /)] },
        fieldMessages: { maxPlaces: ["Indiquez au moins 1."] },
      });
  });

  it("reads 'no rule' from the forms' own choice", async () => {
    actor = await venueActor(venueId);
    expect(
      await setQuotaAction(
        initialActionState,
        form([
          ["venueId", venueId],
          ["period", "MONTH"],
          ["maxPlaces", "3"],
          ["liftDaysBefore", ""],
        ]),
      ),
    ).toMatchObject({ ok: true });
    expect(await getPrisma().quotaRule.findUnique({ where: { venueId } })).toMatchObject({ period: "MONTH", maxPlaces: 3, liftDaysBefore: null });
    expect(
      await setQuotaAction(
        initialActionState,
        form([
          ["venueId", venueId],
          ["period", "NONE"],
          ["maxPlaces", "x"],
        ]),
      ),
    ).toMatchObject({ ok: true });
    expect(await getPrisma().quotaRule.findUnique({ where: { venueId } })).toBeNull();
  });

  it("ends an exception at the midnight after its chosen last day, in Paris, across the clocks' change", async () => {
    // 28 March 2027: the clocks go forward in Paris; the next midnight is at 22:00 UTC, not 23:00.
    await grantQuotaExceptionUntil(await adminActor(), { venueId, partnerId, maxPlaces: "", expiresAt: "2027-03-28", reason: "Projet de printemps" });
    expect(await getPrisma().quotaException.findUniqueOrThrow({ where: { venueId_partnerId: { venueId, partnerId } } })).toMatchObject({
      maxPlaces: null,
      expiresAt: new Date("2027-03-28T22:00:00Z"),
    });
  });

  it("refuses, field by field, an end already past and a missing reason", async () => {
    actor = await adminActor();
    const answer = await grantQuotaExceptionAction(
      initialActionState,
      form([
        ["partnerId", partnerId],
        ["venueId", venueId],
        ["maxPlaces", "2"],
        ["expiresAt", "2026-12-20"],
        ["reason", " "],
      ]),
    );
    expect(answer).toEqual({
      ok: false,
      message: "Certains champs sont à corriger.",
      fieldErrors: { expiresAt: [expect.stringMatching(/^Fin : choisissez aujourd'hui/)], reason: [expect.stringMatching(/^Motif : /)] },
      fieldMessages: { expiresAt: [expect.stringMatching(/^Choisissez aujourd'hui/)], reason: [expect.any(String)] },
    });
  });
});

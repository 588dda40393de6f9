// Issue 28.4 and 29.8: a structure's onboarding goes one step at a time, in the order of the next-step
// table (lib/association/onboarding.ts); the only step taken again is a new meeting after a "no"
// (docs/decisions/009, 2026-12-22). A meeting is recorded as held before its planned day only when the
// association confirms it.
import { nextStepOf, recordStep, STAGES, type Stage } from "@/lib/association/onboarding";
import { getStructure } from "@/lib/association/structures";
import { getPrisma } from "@/lib/db/client";
import { parisDate } from "@/lib/time";
import { adminActor } from "../factories/actors";
import { createPartner } from "../factories";
import { forgetJobsAndMail } from "../support/jobs";

jest.setTimeout(60_000);
beforeEach(() => forgetJobsAndMail());

/** A structure that has just sent its request (no convention). */
async function freshRequest(name: string) {
  const partner = await createPartner({ convention: false, name });
  await getPrisma().onboardingStep.create({ data: { partnerId: partner.id, kind: "REQUEST_RECEIVED", at: new Date(Date.now() - 3_600_000) } });
  return partner.id;
}

const today = () => parisDate(new Date());
const STEPS = {
  MEETING_PLANNED: (partnerId: string, meetingOn = today()) => ({ kind: "MEETING_PLANNED", partnerId, meetingOn }),
  MEETING_HELD: (partnerId: string, decision = "CONFIRMED") => ({ kind: "MEETING_HELD", partnerId, decision }),
  CONVENTION_SIGNED: (partnerId: string) => ({ kind: "CONVENTION_SIGNED", partnerId, signedOn: today(), validFrom: today(), validUntil: "2029-12-31" }),
  ACCOUNT_CREATED: (partnerId: string) => ({ kind: "ACCOUNT_CREATED", partnerId, name: "Inès Morel", email: `ines.${partnerId}@parcours.test` }),
  TRAINED: (partnerId: string) => ({ kind: "TRAINED", partnerId, trainedOn: today(), trainer: "Claire Martin" }),
};

describe("the next-step table", () => {
  it("names one next step for every stage, none after the training, a new meeting after a 'no'", () => {
    const table = Object.fromEntries(STAGES.map((stage: Stage) => [stage, nextStepOf(stage)]));
    expect(table).toEqual({
      REQUEST_RECEIVED: "MEETING_PLANNED",
      MEETING_PLANNED: "MEETING_HELD",
      MEETING_HELD: "CONVENTION_SIGNED",
      DECLINED: "MEETING_PLANNED",
      CONVENTION_SIGNED: "ACCOUNT_CREATED",
      ACCOUNT_CREATED: "TRAINED",
      TRAINED: null,
    });
  });
});

describe("recordStep, in order", () => {
  it("takes each step in the table's order, from the request to the training", async () => {
    const admin = await adminActor();
    const partnerId = await freshRequest("Foyer Dans l'Ordre");
    for (const kind of ["MEETING_PLANNED", "MEETING_HELD", "CONVENTION_SIGNED", "ACCOUNT_CREATED", "TRAINED"] as const) {
      await recordStep(admin, STEPS[kind](partnerId));
      expect((await getStructure(admin, partnerId)).stage).toBe(kind);
    }
  });

  it("takes a declined request up again with a new meeting, and nothing else", async () => {
    const admin = await adminActor();
    const partnerId = await freshRequest("Club Repris");
    await recordStep(admin, STEPS.MEETING_PLANNED(partnerId));
    await recordStep(admin, STEPS.MEETING_HELD(partnerId, "DECLINED"));
    expect((await getStructure(admin, partnerId)).stage).toBe("DECLINED");
    await expect(recordStep(admin, STEPS.CONVENTION_SIGNED(partnerId))).rejects.toMatchObject({ code: "STEP_OUT_OF_ORDER" });
    await recordStep(admin, STEPS.MEETING_PLANNED(partnerId));
    expect((await getStructure(admin, partnerId)).stage).toBe("MEETING_PLANNED");
  });

  it("refuses the training on a fresh request, in French, and keeps nothing", async () => {
    const admin = await adminActor();
    const partnerId = await freshRequest("Foyer Trop Pressé");
    const refusal = recordStep(admin, STEPS.TRAINED(partnerId));
    await expect(refusal).rejects.toMatchObject({ code: "STEP_OUT_OF_ORDER", params: { stage: "Demande reçue" } });
    await expect(refusal).rejects.toThrow(
      "Cette étape ne vient pas maintenant : la structure en est à « Demande reçue », l'étape suivante est « Rencontre prévue ».",
    );
    const structure = await getStructure(admin, partnerId);
    expect(structure.stage).toBe("REQUEST_RECEIVED");
    expect(structure.steps.map((step) => step.kind)).toEqual(["REQUEST_RECEIVED"]);
  });

  it("refuses a step taken twice, and any step after the training", async () => {
    const admin = await adminActor();
    const partnerId = await freshRequest("Foyer Deux Fois");
    await recordStep(admin, STEPS.MEETING_PLANNED(partnerId));
    await expect(recordStep(admin, STEPS.MEETING_PLANNED(partnerId))).rejects.toMatchObject({ code: "STEP_OUT_OF_ORDER" });
    // A structure with a convention but no steps (entered before the history) stands at its signature.
    const signed = (await createPartner({ name: "Foyer Déjà Signé" })).id;
    await expect(recordStep(admin, STEPS.MEETING_PLANNED(signed))).rejects.toMatchObject({ code: "STEP_OUT_OF_ORDER" });
    await recordStep(admin, STEPS.ACCOUNT_CREATED(signed));
    await recordStep(admin, STEPS.TRAINED(signed));
    await expect(recordStep(admin, STEPS.TRAINED(signed))).rejects.toMatchObject({
      code: "STEP_OUT_OF_ORDER",
      message: expect.stringContaining("son parcours est terminé"),
    });
  });
});

describe("a meeting recorded as held before its day (issue 29.8)", () => {
  it("is refused unless the association confirms it; on its day it needs no confirmation", async () => {
    const admin = await adminActor();
    const ahead = await freshRequest("Foyer En Avance");
    await recordStep(admin, STEPS.MEETING_PLANNED(ahead, "2027-01-08"));
    await expect(recordStep(admin, STEPS.MEETING_HELD(ahead))).rejects.toMatchObject({
      code: "MEETING_NOT_YET",
      message: "La rencontre est prévue le 8 janvier 2027, confirmez qu'elle a déjà eu lieu.",
    });
    expect((await getStructure(admin, ahead)).stage).toBe("MEETING_PLANNED");
    // The form sends its confirmation as "true" (a checkbox or a hidden field).
    await recordStep(admin, { ...STEPS.MEETING_HELD(ahead), confirmEarly: "true" });
    expect((await getStructure(admin, ahead)).stage).toBe("MEETING_HELD");

    const onTheDay = await freshRequest("Foyer À l'Heure");
    await recordStep(admin, STEPS.MEETING_PLANNED(onTheDay, today()));
    await recordStep(admin, STEPS.MEETING_HELD(onTheDay));
    expect((await getStructure(admin, onTheDay)).stage).toBe("MEETING_HELD");
  });
});

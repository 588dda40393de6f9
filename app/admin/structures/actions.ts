"use server";

// The association's actions on a partner structure: the form to lib/ with the current actor (which checks
// the rights), then the answer in plain French (lib/actions/form-action.ts).
import { revalidatePath } from "next/cache";
import { getTranslations } from "@/lib/i18n/server";
import { formAction, said, type FormInput } from "@/lib/actions/form-action";
import { addConvention, recordStep } from "@/lib/association/onboarding";
import { updateStructure } from "@/lib/association/structures";
import { inviteUser } from "@/lib/auth/invitations";
import { setAccountActive } from "@/lib/auth/accounts";
import { grantQuotaExceptionUntil, revokeQuotaException } from "@/lib/booking/quota";

function refresh(input: FormInput) {
  revalidatePath("/admin/structures");
  if (input.partnerId) revalidatePath(`/admin/structures/${String(input.partnerId)}`);
}

export const recordStepAction = formAction({
  run: recordStep,
  done: async (_, input) => {
    refresh(input);
    if (input.kind === "ACCOUNT_CREATED") return said("structuresAdmin.answers.accountCreated", { email: String(input.email).trim() });
    return said("structuresAdmin.answers.stepRecorded", { step: (await getTranslations("associationLabels"))(`stepKind.${String(input.kind)}`) });
  },
});

export const addConventionAction = formAction({
  run: addConvention,
  done: (_, input) => (refresh(input), said("structuresAdmin.answers.conventionAdded")),
});

export const updateStructureAction = formAction({
  run: updateStructure,
  done: (_, input) => (refresh(input), said("structuresAdmin.answers.structureSaved")),
});

export const inviteReferentAction = formAction({
  run: (actor, { email, name, partnerId }) => inviteUser(actor, { email, name, role: "PARTNER", partnerId }),
  done: (_, input) => (refresh(input), said("structuresAdmin.answers.referentInvited", { email: String(input.email).trim() })),
});

export const setReferentActiveAction = formAction({
  // A real boolean: the lib coerces, and the string "false" would read as true.
  run: (actor, { userId, active }) => setAccountActive(actor, { userId, active: active === "true" }),
  done: (_, input) => (
    refresh(input),
    said(input.active === "true" ? "structuresAdmin.answers.referentReactivated" : "structuresAdmin.answers.referentDeactivated")
  ),
});

// The form asks for an end and a reason, so that no exception is forgotten or unexplained (lib/booking).
export const grantQuotaExceptionAction = formAction({
  run: grantQuotaExceptionUntil,
  done: (_, input) => (refresh(input), said("structuresAdmin.answers.exceptionGranted")),
});

export const revokeQuotaExceptionAction = formAction({
  run: revokeQuotaException,
  done: (_, input) => (refresh(input), said("structuresAdmin.answers.exceptionRevoked")),
});

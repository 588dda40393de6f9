"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, said } from "@/lib/actions/form-action";
import { archivePerson, createPerson, updatePerson } from "@/lib/people/people";
import { recordPersonMobile, withdrawPersonMobile } from "@/lib/sms/consent";

export const createPersonAction = formAction({
  // A partner adds to its own structure's list; the association says which structure.
  run: (actor, input) => createPerson(actor, { ...input, partnerId: actor.kind === "user" && actor.role === "PARTNER" ? actor.partnerId : input.partnerId }),
  done: () => (revalidatePath("/partenaire/personnes"), said("people.added")),
});

export const updatePersonAction = formAction({
  run: updatePerson,
  done: (_, input) => (revalidatePath(`/partenaire/personnes/${String(input.personId)}`), said("people.saved")),
});

export const archivePersonAction = formAction({
  confirm: "people.confirmNeeded",
  run: (actor, { personId }) => archivePerson(actor, { personId }),
  done: () => {
    revalidatePath("/partenaire/personnes");
    redirect("/partenaire/personnes");
  },
});

/** The person's number with their consent (issue 30): lib/sms/consent.ts checks both and who may. */
export const recordPersonMobileAction = formAction({
  run: recordPersonMobile,
  done: (_, input) => (revalidatePath(`/partenaire/personnes/${String(input.personId)}`), said("sms.consent.recordedSaid")),
});

export const withdrawPersonMobileAction = formAction({
  run: (actor, { personId }) => withdrawPersonMobile(actor, { personId }),
  done: (_, input) => (revalidatePath(`/partenaire/personnes/${String(input.personId)}`), said("sms.consent.withdrawnSaid")),
});

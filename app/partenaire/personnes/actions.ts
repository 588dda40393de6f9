"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { currentActor } from "@/lib/auth/current";
import { archivePerson, createPerson, updatePerson } from "@/lib/people/people";

const fields = (formData: FormData) => ({
  firstName: formData.get("firstName"),
  lastName: formData.get("lastName"),
  notes: formData.get("notes") ?? undefined,
});

export async function createPersonAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await currentActor();
    await createPerson(actor, { partnerId: actor.kind === "user" && actor.role === "PARTNER" ? actor.partnerId : formData.get("partnerId"), ...fields(formData) });
    revalidatePath("/partenaire/personnes");
    return { ok: true, message: (await getTranslations("people"))("added") };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function updatePersonAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    await updatePerson(await currentActor(), { personId: formData.get("personId"), ...fields(formData) });
    revalidatePath(`/partenaire/personnes/${formData.get("personId")}`);
    return { ok: true, message: (await getTranslations("people"))("saved") };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function archivePersonAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    if (formData.get("confirm") !== "oui") return { ok: false, message: (await getTranslations("bookingPage"))("confirmNeeded") };
    await archivePerson(await currentActor(), { personId: formData.get("personId") });
  } catch (error) {
    return actionFailure(error);
  }
  revalidatePath("/partenaire/personnes");
  redirect("/partenaire/personnes");
}

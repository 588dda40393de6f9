"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "@/lib/i18n/server";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { setAccountActive } from "@/lib/auth/accounts";
import { inviteUser, resendInvitation } from "@/lib/auth/invitations";
import { currentActor } from "@/lib/auth/current";

export async function inviteAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await currentActor();
    const role = formData.get("role") ?? (actor.kind === "user" ? actor.role : undefined);
    await inviteUser(actor, {
      email: formData.get("email"),
      name: formData.get("name"),
      role,
      partnerId: formData.get("partnerId") || undefined,
      venueId: formData.get("venueId") || undefined,
    });
    revalidatePath("/comptes");
    return { ok: true, message: (await getTranslations("accounts"))("invited", { email: String(formData.get("email")) }) };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function setActiveAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    await setAccountActive(await currentActor(), { userId: formData.get("userId"), active: formData.get("active") === "true" });
    revalidatePath("/comptes");
    return { ok: true, message: (await getTranslations("accounts"))("done") };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function resendInvitationAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { email } = await resendInvitation(await currentActor(), { userId: formData.get("userId") });
    revalidatePath("/comptes");
    return { ok: true, message: (await getTranslations("accounts"))("resent", { email }) };
  } catch (error) {
    return actionFailure(error);
  }
}

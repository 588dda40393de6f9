"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "@/lib/i18n/server";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { currentActor } from "@/lib/auth/current";
import { renewVisitorCode } from "@/lib/auth/visitor";
import { formatVisitorCode } from "@/lib/codes";
import { handleWish } from "@/lib/wishes/wishes";

export async function renewVisitorCodeAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    if (formData.get("confirm") !== "oui") return { ok: false, message: (await getTranslations("bookingPage"))("confirmNeeded") };
    const { code } = await renewVisitorCode(await currentActor(), { partnerId: formData.get("partnerId") });
    revalidatePath("/partenaire");
    return { ok: true, message: (await getTranslations("visitor"))("renewed", { code: formatVisitorCode(code) }) };
  } catch (error) {
    return actionFailure(error);
  }
}

/** A person's wish set aside (lib/wishes): no longer shown, its words erased. */
export async function setWishAsideAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    await handleWish(await currentActor(), formData.get("wishId"));
    revalidatePath("/partenaire");
    return { ok: true, message: (await getTranslations("visitor.wishes"))("asideDone") };
  } catch (error) {
    return actionFailure(error);
  }
}

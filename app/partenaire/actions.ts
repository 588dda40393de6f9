"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { currentActor } from "@/lib/auth/current";
import { renewVisitorCode } from "@/lib/auth/visitor";

export async function renewVisitorCodeAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    if (formData.get("confirm") !== "oui") return { ok: false, message: (await getTranslations("bookingPage"))("confirmNeeded") };
    const { code } = await renewVisitorCode(await currentActor(), { partnerId: formData.get("partnerId") });
    revalidatePath("/partenaire");
    return { ok: true, message: (await getTranslations("visitor"))("renewed", { code }) };
  } catch (error) {
    return actionFailure(error);
  }
}

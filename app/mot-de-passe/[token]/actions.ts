"use server";

import { getTranslations } from "@/lib/i18n/server";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { choosePassword } from "@/lib/auth/passwords";

export async function choosePasswordAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    await choosePassword({ token: formData.get("token"), password: formData.get("password"), confirm: formData.get("confirm") });
    return { ok: true, message: (await getTranslations("auth"))("chooseDone") };
  } catch (error) {
    return actionFailure(error);
  }
}

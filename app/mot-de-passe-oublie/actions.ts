"use server";

import { headers } from "next/headers";
import { getTranslations } from "@/lib/i18n/server";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { requestPasswordReset } from "@/lib/auth/passwords";
import { clientAddress } from "@/lib/http/client-address";

export async function requestResetAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    await requestPasswordReset({ email: formData.get("email") }, clientAddress(await headers()));
    return { ok: true, message: (await getTranslations("auth"))("forgotSent") };
  } catch (error) {
    return actionFailure(error);
  }
}

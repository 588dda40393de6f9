"use server";

import { getTranslations } from "@/lib/i18n/server";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { currentActor } from "@/lib/auth/current";
import { OPTIONAL_KINDS } from "@/lib/mail/kinds";
import { setMailPreferences } from "@/lib/mail/preferences";

export async function setMailPreferencesAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    await setMailPreferences(await currentActor(), Object.fromEntries(OPTIONAL_KINDS.map((kind) => [kind, formData.get(kind) ?? undefined])));
    return { ok: true, message: (await getTranslations("myAccount"))("saved") };
  } catch (error) {
    return actionFailure(error);
  }
}

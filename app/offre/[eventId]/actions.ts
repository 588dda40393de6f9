"use server";

import { getTranslations } from "@/lib/i18n/server";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { currentActor } from "@/lib/auth/current";
import { makeWish } from "@/lib/wishes/wishes";

/** "J'aimerais y aller": a visitor's wish, sent to their structure's referents (lib/wishes). */
export async function wishAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    await makeWish(await currentActor(), { eventId: formData.get("eventId"), sessionId: formData.get("sessionId"), name: formData.get("name"), message: formData.get("message") });
    return { ok: true, message: (await getTranslations("easy.wish"))("sent") };
  } catch (error) {
    return actionFailure(error, { easy: true });
  }
}

"use server";

import { getTranslations } from "@/lib/i18n/server";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { currentActor } from "@/lib/auth/current";
import { giveOwnFeedback } from "@/lib/feedback/guest-feedback";

/** "Donner mon avis": a person's own feedback on their outing, with the code of their invitation (lib/feedback). */
export async function feedbackAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { eventTitle } = await giveOwnFeedback(await currentActor(), { feedbackCode: formData.get("feedbackCode"), mood: formData.get("mood"), comment: formData.get("comment") });
    return { ok: true, message: (await getTranslations("easy.feedback"))("thanks", { event: eventTitle }) };
  } catch (error) {
    return actionFailure(error, { easy: true });
  }
}

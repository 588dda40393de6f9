"use server";

import { formAction, said } from "@/lib/actions/form-action";
import { giveOwnFeedback } from "@/lib/feedback/guest-feedback";

/** "Donner mon avis": a person's own feedback on their outing, with the code of their invitation (lib/feedback). */
export const feedbackAction = formAction({
  run: giveOwnFeedback,
  done: ({ eventTitle }) => said("easy.feedback.thanks", { event: eventTitle }),
  easy: true,
});

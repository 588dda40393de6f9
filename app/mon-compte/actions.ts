"use server";

import { revalidatePath } from "next/cache";
import { formAction, said } from "@/lib/actions/form-action";
import { parse } from "@/lib/validation";
import { feedRenewalSchema, renewFeed } from "@/lib/calendar/feed-token";
import { setMailPreferences } from "@/lib/mail/preferences";
import { setLateAlertChoice } from "@/lib/partner/late-alerts";

export const setMailPreferencesAction = formAction({
  run: setMailPreferences,
  done: () => said("myAccount.saved"),
});

/** "Créer mon lien d'agenda" / "Renouveler le lien" (issue 30.2): the old link stops working at once. */
export const renewCalendarFeedAction = formAction({
  run: async (actor, input) => {
    const { intent } = parse(feedRenewalSchema, input);
    await renewFeed(actor);
    return intent;
  },
  done: (intent) => {
    revalidatePath("/mon-compte");
    return said(intent === "renew" ? "calendar.feedRenewed" : "calendar.feedCreated");
  },
});

/** A structure's choices for the alert of late places (issue 33.2). */
export const setLateAlertChoiceAction = formAction({
  lists: ["categories", "areas"],
  run: setLateAlertChoice,
  done: () => said("latePlaces.alertSaved"),
});

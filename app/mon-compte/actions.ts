"use server";

import { getTranslations } from "@/lib/i18n/server";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { currentActor } from "@/lib/auth/current";
import { parse } from "@/lib/booking/schemas";
import { feedRenewalSchema, renewFeed } from "@/lib/calendar/feed-token";
import { revalidatePath } from "next/cache";
import { OPTIONAL_KINDS } from "@/lib/mail/content";
import { setMailPreferences } from "@/lib/mail/preferences";

export async function setMailPreferencesAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    await setMailPreferences(await currentActor(), Object.fromEntries(OPTIONAL_KINDS.map((kind) => [kind, formData.get(kind) ?? undefined])));
    return { ok: true, message: (await getTranslations("myAccount"))("saved") };
  } catch (error) {
    return actionFailure(error);
  }
}

/** "Créer mon lien d'agenda" / "Renouveler le lien" (issue 30.2): the old link stops working at once. */
export async function renewCalendarFeedAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { intent } = parse(feedRenewalSchema, { intent: formData.get("intent") });
    await renewFeed(await currentActor());
    revalidatePath("/mon-compte");
    return { ok: true, message: (await getTranslations("calendar"))(intent === "renew" ? "feedRenewed" : "feedCreated") };
  } catch (error) {
    return actionFailure(error);
  }
}

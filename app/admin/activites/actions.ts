"use server";

// The association's actions on its activities: parse the form, call lib/activities with the current
// actor, answer in plain French. Rights are checked in lib/, not here.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { cancelActivity, cancelRegistration, createActivity } from "@/lib/activities/admin";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { currentActor } from "@/lib/auth/current";

const FIELDS = ["kind", "title", "description", "day", "time", "durationMinutes", "place", "capacity"] as const;
const t = async (key: string, values?: Record<string, string | number>) => (await getTranslations("activitiesAdmin"))(key, values);

export async function createActivityAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    await createActivity(await currentActor(), Object.fromEntries(FIELDS.map((name) => [name, data.get(name) ?? undefined])));
    revalidatePath("/admin/activites");
    revalidatePath("/activites");
    return { ok: true, message: await t("created") };
  } catch (error) {
    return actionFailure(error);
  }
}

// Both cancellations remove the form they were sent from: the page says what was done at its top instead.
const activityPage = (data: FormData) => `/admin/activites/${encodeURIComponent(String(data.get("activityId") ?? ""))}`;

export async function cancelRegistrationAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    await cancelRegistration(await currentActor(), { registrationId: data.get("registrationId") });
  } catch (error) {
    return actionFailure(error);
  }
  revalidatePath("/activites");
  redirect(`${activityPage(data)}?annulation=inscription`);
}

export async function cancelActivityAction(_s: ActionState, data: FormData): Promise<ActionState> {
  let cancelled: number;
  try {
    ({ cancelled } = await cancelActivity(await currentActor(), { activityId: data.get("activityId") }));
  } catch (error) {
    return actionFailure(error);
  }
  revalidatePath("/activites");
  revalidatePath("/admin/activites");
  redirect(`${activityPage(data)}?annulation=activite&inscriptions=${cancelled}`);
}

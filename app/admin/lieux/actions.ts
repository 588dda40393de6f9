"use server";

// The association's actions on venues: parse the form, call lib/ with the current actor, answer in plain
// French. Rights are checked in lib/, not here.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { z } from "zod";
import { VENUE_PROFILE_FIELDS } from "@/components/venue/venue-profile-fields";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { createVenue } from "@/lib/association/venues";
import { setAccountActive } from "@/lib/auth/accounts";
import { inviteUser } from "@/lib/auth/invitations";
import { currentActor } from "@/lib/auth/current";
import { setQuotaRule } from "@/lib/booking/quota";
import { quotaRuleSchema } from "@/lib/booking/schemas";
import { InvalidInput } from "@/lib/validation";
import { updateVenueProfile } from "@/lib/venue/profile";

const text = (data: FormData, name: string) => {
  const value = data.get(name);
  return typeof value === "string" ? value : undefined;
};
const profileOf = (data: FormData) => ({ ...Object.fromEntries(VENUE_PROFILE_FIELDS.map((name) => [name, text(data, name)])), accessibility: data.getAll("accessibility") });
const t = async (key: string, values?: Record<string, string | number>) => (await getTranslations("venuesAdmin"))(key, values);
const venuePage = (data: FormData) => `/admin/lieux/${text(data, "venueId")}`;

export async function createVenueAction(_s: ActionState, data: FormData): Promise<ActionState> {
  let id: string;
  try {
    ({ id } = await createVenue(await currentActor(), { ...profileOf(data), kind: text(data, "kind") || undefined }));
  } catch (error) {
    return actionFailure(error);
  }
  revalidatePath("/admin/lieux");
  redirect(`/admin/lieux/${id}?cree=1`);
}

export async function updateVenueAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    await updateVenueProfile(await currentActor(), { venueId: text(data, "venueId"), ...profileOf(data), kind: text(data, "kind") || undefined });
    revalidatePath(venuePage(data));
    return { ok: true, message: await t("saved") };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function setVenueQuotaAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    const period = text(data, "period");
    const rule = period && period !== "NONE" ? { period, maxPlaces: text(data, "maxPlaces"), liftDaysBefore: text(data, "liftDaysBefore") || null } : null;
    // lib/booking reports a bad rule as one error on "rule": checked here first with the same schema so
    // that each field at fault is named.
    const checked = rule ? quotaRuleSchema.shape.rule.unwrap().safeParse(rule) : null;
    if (checked && !checked.success) throw new InvalidInput(z.flattenError(checked.error).fieldErrors as Record<string, string[]>);
    const { promoted } = await setQuotaRule(await currentActor(), { venueId: text(data, "venueId"), rule });
    revalidatePath(venuePage(data));
    return { ok: true, message: await t("quotaSaved", { promoted: promoted.length }) };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function inviteManagerAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    await inviteUser(await currentActor(), { email: text(data, "email"), name: text(data, "name"), role: "VENUE", venueId: text(data, "venueId") });
    revalidatePath(venuePage(data));
    return { ok: true, message: await t("invited", { email: String(text(data, "email") ?? "").trim().toLowerCase() }) };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function setManagerActiveAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    const active = text(data, "active") === "true";
    await setAccountActive(await currentActor(), { userId: text(data, "userId"), active });
    revalidatePath(venuePage(data));
    return { ok: true, message: await t(active ? "reactivated" : "deactivated", { name: text(data, "name") ?? "" }) };
  } catch (error) {
    return actionFailure(error);
  }
}

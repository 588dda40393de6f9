"use server";

// Registering for one of the association's activities, and cancelling, for anyone: lib/activities checks
// the input, the rules and the per-client limit.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "@/lib/i18n/server";
import { cancelOwnRegistration, registerForActivity } from "@/lib/activities/registrations";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { formatBookingNumber } from "@/lib/booking/number";
import { clientAddress } from "@/lib/http/client-address";

export async function registerAction(_state: ActionState, data: FormData): Promise<ActionState> {
  try {
    const input = { activityId: data.get("activityId"), firstName: data.get("firstName"), lastName: data.get("lastName"), email: data.get("email") };
    const registration = await registerForActivity(input, clientAddress(await headers()));
    const t = await getTranslations("activities");
    const facts = { title: registration.title, number: formatBookingNumber(registration.number), position: registration.position ?? 0 };
    revalidatePath("/activites");
    return { ok: true, message: registration.status === "CONFIRMED" ? t("confirmed", facts) : t("waitlisted", facts) };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function cancelRegistrationAction(_state: ActionState, data: FormData): Promise<ActionState> {
  try {
    const { title } = await cancelOwnRegistration({ number: data.get("number"), lastName: data.get("lastName") }, clientAddress(await headers()));
    revalidatePath("/activites");
    return { ok: true, message: (await getTranslations("activities"))("cancelled", { title }) };
  } catch (error) {
    return actionFailure(error);
  }
}

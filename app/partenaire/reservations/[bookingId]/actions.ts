"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { currentActor } from "@/lib/auth/current";
import { cancelBooking } from "@/lib/booking";

export async function cancelBookingAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const bookingId = String(formData.get("bookingId") ?? "");
    const t = await getTranslations("bookingPage");
    if (formData.get("confirm") !== "oui") return { ok: false, fieldErrors: { confirm: [t("confirmNeeded")] }, message: t("confirmNeeded") };
    await cancelBooking(await currentActor(), { bookingId, note: String(formData.get("note") ?? "") || undefined });
    revalidatePath(`/partenaire/reservations/${bookingId}`);
    return { ok: true, message: t("cancelled") };
  } catch (error) {
    return actionFailure(error);
  }
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { currentActor } from "@/lib/auth/current";
import { cancelBooking } from "@/lib/booking";

export async function cancelBookingAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const bookingId = String(formData.get("bookingId") ?? "");
  try {
    const t = await getTranslations("bookingPage");
    if (formData.get("confirm") !== "oui") return { ok: false, fieldErrors: { confirm: [t("confirmNeeded")] }, message: t("confirmNeeded") };
    await cancelBooking(await currentActor(), { bookingId, note: String(formData.get("note") ?? "") || undefined });
  } catch (error) {
    return actionFailure(error);
  }
  revalidatePath("/partenaire/reservations");
  redirect(`/partenaire/reservations/${bookingId}?resultat=CANCELLED`);
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { currentActor } from "@/lib/auth/current";
import { cancelBooking } from "@/lib/booking/cancel";
import { withdrawGuest } from "@/lib/booking/withdraw-guest";

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

/** One companion drops out: their place is freed and their invitation no longer valid; the others keep theirs. */
export async function withdrawGuestAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const bookingId = String(formData.get("bookingId") ?? "");
  let bookingCancelled: boolean;
  try {
    ({ bookingCancelled } = await withdrawGuest(await currentActor(), { bookingId, position: formData.get("position") ?? undefined }));
  } catch (error) {
    return actionFailure(error);
  }
  revalidatePath("/partenaire/reservations");
  // The form goes with the guest it was next to: the page says what happened at its top.
  redirect(`/partenaire/reservations/${bookingId}?resultat=${bookingCancelled ? "CANCELLED" : "WITHDRAWN"}`);
}

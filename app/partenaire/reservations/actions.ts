"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "@/lib/i18n/server";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { currentActor } from "@/lib/auth/current";
import { recordAttendance } from "@/lib/partner/bookings";

const chosen = (formData: FormData, answer: string) =>
  [...formData.entries()].flatMap(([name, value]) => (name.startsWith("presence-") && value === answer ? [name.slice("presence-".length)] : []));

export async function recordAttendanceAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    await recordAttendance(await currentActor(), {
      bookingId: formData.get("bookingId"),
      // One choice per guest ("presence-<position>"), none made in advance: a guest left without one stays unknown.
      attended: chosen(formData, "ATTENDED"),
      absent: chosen(formData, "NO_SHOW"),
      mood: formData.get("mood") || undefined,
      comment: formData.get("comment") || undefined,
    });
    revalidatePath("/partenaire/reservations");
    return { ok: true, message: (await getTranslations("myBookings"))("saved") };
  } catch (error) {
    return actionFailure(error);
  }
}

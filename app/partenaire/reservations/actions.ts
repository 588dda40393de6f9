"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { currentActor } from "@/lib/auth/current";
import { recordAttendance } from "@/lib/partner/bookings";

export async function recordAttendanceAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    await recordAttendance(await currentActor(), {
      bookingId: formData.get("bookingId"),
      attended: formData.getAll("attended"),
      mood: formData.get("mood") || undefined,
      comment: formData.get("comment") || undefined,
    });
    revalidatePath("/partenaire/reservations");
    return { ok: true, message: (await getTranslations("myBookings"))("saved") };
  } catch (error) {
    return actionFailure(error);
  }
}

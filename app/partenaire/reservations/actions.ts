"use server";

import { revalidatePath } from "next/cache";
import { formAction, said, type FormInput } from "@/lib/actions/form-action";
import { recordAttendance } from "@/lib/partner/bookings";

// One choice per guest ("presence-<position>"), none made in advance: a guest left without one stays unknown.
const chosen = (input: FormInput, answer: string) =>
  Object.entries(input).flatMap(([name, value]) => (name.startsWith("presence-") && value === answer ? [name.slice("presence-".length)] : []));

export const recordAttendanceAction = formAction({
  optional: ["mood", "comment"],
  run: (actor, input) =>
    recordAttendance(actor, {
      bookingId: input.bookingId,
      attended: chosen(input, "ATTENDED"),
      absent: chosen(input, "NO_SHOW"),
      mood: input.mood,
      comment: input.comment,
    }),
  done: () => (revalidatePath("/partenaire/reservations"), said("myBookings.saved")),
});

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { currentActor } from "@/lib/auth/current";
import { cancelBooking } from "@/lib/booking";
import { CANCEL_CODES, parse } from "@/lib/booking/schemas";
import { optionalText } from "@/lib/validation";

// The association's form requires its reason code (lib/booking leaves it optional for the others), so a
// missing code comes back as an error on the field `code`.
const phoneCancellationSchema = z.object({
  bookingId: z.uuid("validation.invalid"),
  code: z.enum(CANCEL_CODES, "validation.required"),
  note: optionalText(500),
});

/** A person or their structure phoned the association to cancel. */
export async function cancelBookingByPhoneAction(_state: ActionState, data: FormData): Promise<ActionState> {
  let bookingId: string;
  let released: number;
  try {
    const input = parse(phoneCancellationSchema, { bookingId: data.get("bookingId"), code: data.get("code"), note: data.get("note") });
    bookingId = input.bookingId;
    ({ placesReleased: released } = await cancelBooking(await currentActor(), input));
  } catch (error) {
    return actionFailure(error);
  }
  revalidatePath("/admin/reservations");
  // The page then shows the cancelled booking, with what was released.
  redirect(`/admin/reservations/${bookingId}?annulee=${released}`);
}

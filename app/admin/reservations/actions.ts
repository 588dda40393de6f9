"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { currentActor } from "@/lib/auth/current";
import { cancelBooking } from "@/lib/booking/cancel";
import { withdrawGuest } from "@/lib/booking/withdraw-guest";
import { CANCEL_CODES } from "@/lib/booking/schemas";
import { parse } from "@/lib/validation";
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

/** A companion will not come (the person or their structure phoned): their place alone is given back. */
export async function withdrawGuestByPhoneAction(_state: ActionState, data: FormData): Promise<ActionState> {
  let target: string;
  try {
    const result = await withdrawGuest(await currentActor(), { bookingId: data.get("bookingId"), position: data.get("position") ?? undefined });
    // Withdrawing the last guest left is cancelling (lib/booking): the page then says so, as a cancellation.
    target = `/admin/reservations/${result.bookingId}?${result.bookingCancelled ? `annulee=${result.placesReleased}` : `retiree=${result.position}`}`;
  } catch (error) {
    return actionFailure(error);
  }
  revalidatePath("/admin/reservations");
  redirect(target);
}

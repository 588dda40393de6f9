"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/form-action";
import { cancelBooking } from "@/lib/booking/cancel";
import { withdrawGuest } from "@/lib/booking/withdraw-guest";

/** A person or their structure phoned the association to cancel. */
export const cancelBookingByPhoneAction = formAction({
  // The association's form requires its reason code, which lib/booking leaves optional for the others:
  // none sent is sent as null, which the code's field refuses by name.
  run: (actor, input) => cancelBooking(actor, { ...input, code: input.code ?? null }),
  done: ({ placesReleased }, input) => {
    revalidatePath("/admin/reservations");
    // The page then shows the cancelled booking, with what was released.
    redirect(`/admin/reservations/${String(input.bookingId)}?annulee=${placesReleased}`);
  },
});

/** A companion will not come (the person or their structure phoned): their place alone is given back. */
export const withdrawGuestByPhoneAction = formAction({
  run: withdrawGuest,
  done: (result) => {
    revalidatePath("/admin/reservations");
    // Withdrawing the last guest left is cancelling (lib/booking): the page then says so, as a cancellation.
    redirect(`/admin/reservations/${result.bookingId}?${result.bookingCancelled ? `annulee=${result.placesReleased}` : `retiree=${result.position}`}`);
  },
});

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, type FormInput } from "@/lib/actions/form-action";
import { cancelBooking } from "@/lib/booking/cancel";
import { withdrawGuest } from "@/lib/booking/withdraw-guest";

const bookingPage = (input: FormInput) => `/partenaire/reservations/${String(input.bookingId ?? "")}`;

export const cancelBookingAction = formAction({
  confirm: "bookingPage.confirmNeeded",
  optional: ["note"],
  run: (actor, { bookingId, note }) => cancelBooking(actor, { bookingId, note }),
  done: (_, input) => {
    revalidatePath("/partenaire/reservations");
    redirect(`${bookingPage(input)}?resultat=CANCELLED`);
  },
});

/** One companion drops out: their place is freed and their invitation no longer valid; the others keep theirs. */
export const withdrawGuestAction = formAction({
  run: (actor, { bookingId, position }) => withdrawGuest(actor, { bookingId, position }),
  done: ({ bookingCancelled }, input) => {
    revalidatePath("/partenaire/reservations");
    // The form goes with the guest it was next to: the page says what happened at its top.
    redirect(`${bookingPage(input)}?resultat=${bookingCancelled ? "CANCELLED" : "WITHDRAWN"}`);
  },
});

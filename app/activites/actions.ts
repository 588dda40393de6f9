"use server";

// Registering for one of the association's activities, and cancelling, for anyone: lib/activities checks
// the input, the rules and the per-client limit.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { cancelOwnRegistration, registerForActivity } from "@/lib/activities/registrations";
import { publicFormAction, said } from "@/lib/actions/form-action";
import { formatBookingNumber } from "@/lib/booking/number";
import { actorUserId } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/current";
import { clientAddress } from "@/lib/http/client-address";

export const registerAction = publicFormAction({
  // A signed-in referent's registration goes into their calendar feed (issue 30.2).
  run: async (input) => registerForActivity(input, clientAddress(await headers()), { userId: actorUserId(await currentActor()) }),
  done: (registration) => {
    const facts = { title: registration.title, number: formatBookingNumber(registration.number), position: registration.position ?? 0 };
    revalidatePath("/activites");
    return said(registration.status === "CONFIRMED" ? "activities.confirmed" : "activities.waitlisted", facts);
  },
});

export const cancelRegistrationAction = publicFormAction({
  run: async (input) => cancelOwnRegistration(input, clientAddress(await headers())),
  done: ({ title }) => (revalidatePath("/activites"), said("activities.cancelled", { title })),
});

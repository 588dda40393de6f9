"use server";

// The association's actions on venues: the form to lib/ with the current actor, then the answer in plain
// French (lib/actions/form-action.ts). Rights are checked in lib/, not here.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, said, type FormInput } from "@/lib/actions/form-action";
import { createVenue } from "@/lib/association/venues";
import { inviteUser } from "@/lib/auth/invitations";
import { setAccountActive } from "@/lib/auth/accounts";
import { setQuotaRule } from "@/lib/booking/quota";
import { updateVenueProfile } from "@/lib/venue/profile";

const venuePage = (input: FormInput) => `/admin/lieux/${String(input.venueId)}`;

export const createVenueAction = formAction({
  lists: ["accessibility"],
  optional: ["kind"],
  run: createVenue,
  done: ({ id }) => {
    revalidatePath("/admin/lieux");
    redirect(`/admin/lieux/${id}?cree=1`);
  },
});

export const updateVenueAction = formAction({
  lists: ["accessibility"],
  optional: ["kind"],
  run: updateVenueProfile,
  done: (_, input) => (revalidatePath(venuePage(input)), said("venuesAdmin.saved")),
});

export const setVenueQuotaAction = formAction({
  run: setQuotaRule,
  done: ({ promoted }, input) => (revalidatePath(venuePage(input)), said("venuesAdmin.quotaSaved", { promoted: promoted.length })),
});

export const inviteManagerAction = formAction({
  run: (actor, { email, name, venueId }) => inviteUser(actor, { email, name, role: "VENUE", venueId }),
  done: (_, input) => (
    revalidatePath(venuePage(input)),
    said("venuesAdmin.invited", {
      email: String(input.email ?? "")
        .trim()
        .toLowerCase(),
    })
  ),
});

export const setManagerActiveAction = formAction({
  // A real boolean: the lib coerces, and the string "false" would read as true.
  run: (actor, { userId, active }) => setAccountActive(actor, { userId, active: active === "true" }),
  done: (_, input) => (
    revalidatePath(venuePage(input)),
    said(input.active === "true" ? "venuesAdmin.reactivated" : "venuesAdmin.deactivated", { name: typeof input.name === "string" ? input.name : "" })
  ),
});

"use server";

// The association's actions on its activities: the form to lib/activities with the current actor, then
// the answer in plain French (lib/actions/form-action.ts). Rights are checked in lib/, not here.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { cancelActivity, cancelRegistration, createActivity } from "@/lib/activities/admin";
import { formAction, said, type FormInput } from "@/lib/actions/form-action";

export const createActivityAction = formAction({
  run: createActivity,
  done: () => {
    revalidatePath("/admin/activites");
    revalidatePath("/activites");
    return said("activitiesAdmin.created");
  },
});

// Both cancellations remove the form they were sent from: the page says what was done at its top instead.
const activityPage = (input: FormInput) => `/admin/activites/${encodeURIComponent(String(input.activityId ?? ""))}`;

export const cancelRegistrationAction = formAction({
  run: (actor, { registrationId }) => cancelRegistration(actor, { registrationId }),
  done: (_, input) => {
    revalidatePath("/activites");
    redirect(`${activityPage(input)}?annulation=inscription`);
  },
});

export const cancelActivityAction = formAction({
  run: (actor, { activityId }) => cancelActivity(actor, { activityId }),
  done: ({ cancelled }, input) => {
    revalidatePath("/activites");
    revalidatePath("/admin/activites");
    redirect(`${activityPage(input)}?annulation=activite&inscriptions=${cancelled}`);
  },
});

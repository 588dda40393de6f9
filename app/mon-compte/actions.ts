"use server";

import { formAction, said } from "@/lib/actions/form-action";
import { setMailPreferences } from "@/lib/mail/preferences";

export const setMailPreferencesAction = formAction({
  run: setMailPreferences,
  done: () => said("myAccount.saved"),
});

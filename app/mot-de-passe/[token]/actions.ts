"use server";

import { publicFormAction, said } from "@/lib/actions/form-action";
import { choosePassword } from "@/lib/auth/passwords";

export const choosePasswordAction = publicFormAction({
  run: choosePassword,
  done: () => said("auth.chooseDone"),
});

"use server";

import { headers } from "next/headers";
import { publicFormAction, said } from "@/lib/actions/form-action";
import { requestPasswordReset } from "@/lib/auth/passwords";
import { clientAddress } from "@/lib/http/client-address";

export const requestResetAction = publicFormAction({
  run: async (input) => requestPasswordReset(input, clientAddress(await headers())),
  done: () => said("auth.forgotSent"),
});

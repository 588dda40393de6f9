"use server";

import { headers } from "next/headers";
import { publicFormAction, said } from "@/lib/actions/form-action";
import { submitPartnershipRequest } from "@/lib/association/partnership";
import { clientAddress } from "@/lib/http/client-address";

export const requestPartnershipAction = publicFormAction({
  // A filled honeypot gets the same answer as a person: a robot learns nothing.
  run: async (input) => submitPartnershipRequest(input, clientAddress(await headers())),
  done: () => said("partnershipRequest.sent"),
});

"use server";

import { headers } from "next/headers";
import { getTranslations } from "@/lib/i18n/server";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { submitPartnershipRequest } from "@/lib/association/partnership";
import { clientAddress } from "@/lib/http/client-address";

const FIELDS = ["structureName", "sector", "city", "contactName", "contactRole", "email", "phone", "message", "website"] as const;

export async function requestPartnershipAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const input = Object.fromEntries(FIELDS.map((name) => [name, formData.get(name) ?? undefined]));
    // A filled honeypot gets the same answer as a person: a robot learns nothing.
    await submitPartnershipRequest(input, clientAddress(await headers()));
    return { ok: true, message: (await getTranslations("partnershipRequest"))("sent") };
  } catch (error) {
    return actionFailure(error);
  }
}

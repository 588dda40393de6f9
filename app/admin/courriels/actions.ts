"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { currentActor } from "@/lib/auth/current";
import { resendMail } from "@/lib/mail/outbox";

export async function resendMailAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    await resendMail(await currentActor(), { mailId: formData.get("mailId") });
    revalidatePath("/admin/courriels");
    return { ok: true, message: (await getTranslations("outbox"))("resent") };
  } catch (error) {
    return actionFailure(error);
  }
}

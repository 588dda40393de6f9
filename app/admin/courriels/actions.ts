"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "@/lib/i18n/server";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { currentActor } from "@/lib/auth/current";
import { retryJob } from "@/lib/jobs/failed";
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

export async function retryJobAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    await retryJob(await currentActor(), { jobId: formData.get("jobId") });
    revalidatePath("/admin/courriels");
    return { ok: true, message: (await getTranslations("outbox"))("failedJobs.retried") };
  } catch (error) {
    return actionFailure(error);
  }
}

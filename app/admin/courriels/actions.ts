"use server";

import { revalidatePath } from "next/cache";
import { formAction, said } from "@/lib/actions/form-action";
import { retryJob } from "@/lib/jobs/failed";
import { resendMail } from "@/lib/mail/outbox";
import { resendText, setSmsSettings } from "@/lib/sms/outbox";

export const resendMailAction = formAction({
  run: resendMail,
  done: () => (revalidatePath("/admin/courriels"), said("outbox.resent")),
});

export const retryJobAction = formAction({
  run: retryJob,
  done: () => (revalidatePath("/admin/courriels"), said("outbox.failedJobs.retried")),
});

/** A text that failed every attempt goes back to its job (issue 30). */
export const resendTextAction = formAction({
  run: resendText,
  done: () => (revalidatePath("/admin/courriels"), said("sms.outbox.resentSaid")),
});

/** The reminder's hour and the month's budget; a larger budget lets waiting texts go at once. */
export const smsSettingsAction = formAction({
  optional: ["monthlyBudget"],
  run: setSmsSettings,
  done: () => (revalidatePath("/admin/courriels"), said("sms.outbox.savedSaid")),
});

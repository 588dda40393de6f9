"use server";

import { revalidatePath } from "next/cache";
import { formAction, said } from "@/lib/actions/form-action";
import { retryJob } from "@/lib/jobs/failed";
import { resendMail } from "@/lib/mail/outbox";

export const resendMailAction = formAction({
  run: resendMail,
  done: () => (revalidatePath("/admin/courriels"), said("outbox.resent")),
});

export const retryJobAction = formAction({
  run: retryJob,
  done: () => (revalidatePath("/admin/courriels"), said("outbox.failedJobs.retried")),
});

"use server";

import { revalidatePath } from "next/cache";
import { formAction, said } from "@/lib/actions/form-action";
import { markSmsAnswerRead } from "@/lib/sms/outbox";
import { renewVisitorCode } from "@/lib/auth/visitor";
import { formatVisitorCode } from "@/lib/codes";
import { handleWish } from "@/lib/wishes/wishes";

export const renewVisitorCodeAction = formAction({
  confirm: "visitor.renewConfirmNeeded",
  run: (actor, { partnerId }) => renewVisitorCode(actor, { partnerId }),
  done: ({ code }) => (revalidatePath("/partenaire"), said("visitor.renewed", { code: formatVisitorCode(code) })),
});

/** A person's wish set aside (lib/wishes): no longer shown, its words erased. */
export const setWishAsideAction = formAction({
  run: (actor, { wishId }) => handleWish(actor, wishId),
  done: () => (revalidatePath("/partenaire"), said("visitor.wishes.asideDone")),
});

/** An answer by text read by the referent (issue 30): it leaves the home. */
export const markSmsAnswerReadAction = formAction({
  run: markSmsAnswerRead,
  done: () => (revalidatePath("/partenaire"), said("sms.answers.readSaid")),
});

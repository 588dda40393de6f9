"use server";

import { revalidatePath } from "next/cache";
import { formAction, said } from "@/lib/actions/form-action";
import { inviteUser, resendInvitation } from "@/lib/auth/invitations";
import { setAccountActive } from "@/lib/auth/accounts";

export const inviteAction = formAction({
  optional: ["partnerId", "venueId"],
  // A form without a role invites to the inviter's own role.
  run: (actor, input) => inviteUser(actor, { ...input, role: input.role ?? (actor.kind === "user" ? actor.role : undefined) }),
  done: (_, input) => (revalidatePath("/comptes"), said("accounts.invited", { email: String(input.email) })),
});

export const setActiveAction = formAction({
  // A real boolean: the lib coerces, and the string "false" would read as true.
  run: (actor, { userId, active }) => setAccountActive(actor, { userId, active: active === "true" }),
  done: () => (revalidatePath("/comptes"), said("accounts.done")),
});

export const resendInvitationAction = formAction({
  run: resendInvitation,
  done: ({ email }) => (revalidatePath("/comptes"), said("accounts.resent", { email })),
});

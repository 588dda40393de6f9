"use server";

// The structure's answer to the association's invitation to join ("we join" / "not this season").
import { revalidatePath } from "next/cache";
import { formAction, said } from "@/lib/actions/form-action";
import { answerMembership } from "@/lib/association/memberships";

export const answerMembershipAction = formAction({
  run: (actor, { partnerId, answer }) => answerMembership(actor, { partnerId, answer }),
  done: (_, { answer }) => (revalidatePath("/partenaire"), said(answer === "JOIN" ? "membershipHome.joined" : "membershipHome.declined")),
});

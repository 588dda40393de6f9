"use server";

// The structure's answer to the association's invitation to join ("we join" / "not this season").
import { revalidatePath } from "next/cache";
import { getTranslations } from "@/lib/i18n/server";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { answerMembership } from "@/lib/association/memberships";
import { currentActor } from "@/lib/auth/current";

export async function answerMembershipAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const answer = formData.get("answer");
    await answerMembership(await currentActor(), { partnerId: formData.get("partnerId"), answer });
    revalidatePath("/partenaire");
    return { ok: true, message: (await getTranslations("membershipHome"))(answer === "JOIN" ? "joined" : "declined") };
  } catch (error) {
    return actionFailure(error);
  }
}

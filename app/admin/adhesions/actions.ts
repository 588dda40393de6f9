"use server";

// The association's membership campaign: invite, remind, record. Rights are checked in lib/.
import { revalidatePath } from "next/cache";
import { getTranslations } from "@/lib/i18n/server";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { inviteAllToJoin, recordMembership, remindToJoin } from "@/lib/association/memberships";
import { currentActor } from "@/lib/auth/current";
import { seasonLabel } from "@/lib/time";

const text = (data: FormData, name: string) => {
  const value = data.get(name);
  return typeof value === "string" ? value : undefined;
};
const t = async (key: string, values?: Record<string, string | number>) => (await getTranslations("membershipsAdmin"))(key, values);
const seasonName = (data: FormData) => {
  const season = Number(text(data, "season"));
  return Number.isInteger(season) ? seasonLabel(season) : "";
};

export async function inviteAllAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    const { invited } = await inviteAllToJoin(await currentActor(), { season: text(data, "season") });
    revalidatePath("/admin/adhesions");
    return { ok: true, message: await t("invitedResult", { count: invited }) };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function remindAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    const { reminded } = await remindToJoin(await currentActor(), { season: text(data, "season"), afterDays: text(data, "afterDays") });
    revalidatePath("/admin/adhesions");
    return { ok: true, message: await t("remindedResult", { count: reminded }) };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function recordMembershipAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    await recordMembership(await currentActor(), {
      partnerId: text(data, "partnerId"),
      season: text(data, "season"),
      joinedOn: text(data, "joinedOn"),
      amount: text(data, "amount"),
      paymentMeans: text(data, "paymentMeans"),
      receiptNumber: text(data, "receiptNumber"),
    });
    revalidatePath("/admin/adhesions");
    return { ok: true, message: await t("recorded", { season: seasonName(data) }) };
  } catch (error) {
    return actionFailure(error);
  }
}

"use server";

// The association's membership campaign: invite, remind, record. Rights are checked in lib/.
import { revalidatePath } from "next/cache";
import { formAction, said } from "@/lib/actions/form-action";
import { inviteAllToJoin, recordMembership, remindToJoin } from "@/lib/association/memberships";
import { seasonLabel } from "@/lib/time";

export const inviteAllAction = formAction({
  run: inviteAllToJoin,
  done: ({ invited }) => (revalidatePath("/admin/adhesions"), said("membershipsAdmin.invitedResult", { count: invited })),
});

export const remindAction = formAction({
  run: remindToJoin,
  done: ({ reminded }) => (revalidatePath("/admin/adhesions"), said("membershipsAdmin.remindedResult", { count: reminded })),
});

export const recordMembershipAction = formAction({
  run: recordMembership,
  done: (_, { season }) => {
    revalidatePath("/admin/adhesions");
    return said("membershipsAdmin.recorded", { season: Number.isInteger(Number(season)) ? seasonLabel(Number(season)) : "" });
  },
});

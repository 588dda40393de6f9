"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/current";
import { markNotificationsRead } from "@/lib/partner/notifications";

export async function markNotificationsReadAction(formData: FormData): Promise<void> {
  await markNotificationsRead(await currentActor(), { partnerId: formData.get("partnerId") });
  revalidatePath("/partenaire");
}

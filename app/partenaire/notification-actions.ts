"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/current";
import { InvalidInput } from "@/lib/validation";
import { DomainError } from "@/lib/errors";
import { markNotificationsRead } from "@/lib/partner/notifications";

export async function markNotificationsReadAction(formData: FormData): Promise<void> {
  try {
    await markNotificationsRead(await currentActor(), { partnerId: formData.get("partnerId") });
  } catch (error) {
    // Another structure's id, or none: nothing to mark, nothing to say.
    if (!(error instanceof DomainError || error instanceof InvalidInput)) throw error;
  }
  revalidatePath("/partenaire");
}

"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { currentActor } from "@/lib/auth/current";
import { bookFromForm } from "@/lib/partner/booking-form";
import { listPeople } from "@/lib/people/people";

export async function searchPeopleAction(partnerId: string, q: string) {
  const actor = await currentActor();
  const { people } = await listPeople(actor, partnerId, { q, pageSize: 8 });
  return people.map(({ id, firstName, lastName }) => ({ id, firstName, lastName }));
}

export async function bookAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  let target: string;
  try {
    const actor = await currentActor();
    const result = await bookFromForm(actor, JSON.parse(String(formData.get("booking") ?? "{}")));
    if (result.outcome === "NOT_BOOKED") {
      const t = await getTranslations("bookingOutcome");
      return { ok: false, message: `${t("NOT_BOOKED")} ${t(`reason.${result.reason}`)}` };
    }
    const first = result.outcome === "WAITLISTED" ? result.waitlisted : result.confirmed;
    target = `/partenaire/reservations/${first.id}?resultat=${result.outcome}`;
  } catch (error) {
    return actionFailure(error);
  }
  redirect(target);
}

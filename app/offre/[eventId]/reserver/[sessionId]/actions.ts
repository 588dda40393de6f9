"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { RuleViolation } from "@/lib/errors";
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
    const failure = await actionFailure(error);
    // The person already holds a place: say which booking, and link to it.
    if (error instanceof RuleViolation && error.code === "ALREADY_BOOKED") {
      const t = await getTranslations("bookingForm");
      return { ...failure, link: { href: `/partenaire/reservations/${error.params.bookingId}`, label: t("seeExisting", { number: String(error.params.number) }) } };
    }
    return failure;
  }
  redirect(target);
}

"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "@/lib/i18n/server";
import type { BookingAnswer } from "@/components/offer/booking-form";
import { formAction, said } from "@/lib/actions/form-action";
import { DomainError, RuleViolation } from "@/lib/errors";
import { currentActor } from "@/lib/auth/current";
import { withdrawApplication } from "@/lib/booking/applications";
import { applyFromForm, bookFromForm, bookLateFromForm } from "@/lib/partner/book-from-form";
import { listPeople } from "@/lib/people/people";
import { peopleWithMobile } from "@/lib/sms/consent";
import { handleWish } from "@/lib/wishes/wishes";

/** People of the structure matching what is typed; nothing (rather than an error) for a bad call. */
export async function searchPeopleAction(partnerId: unknown, q: unknown) {
  try {
    const actor = await currentActor();
    const { people } = await listPeople(actor, String(partnerId), { q: typeof q === "string" ? q : "", pageSize: 8 });
    // Who already has a number with consent: the form says they will get texts (issue 30).
    const withMobile = new Set(
      await peopleWithMobile(
        actor,
        String(partnerId),
        people.map((person) => person.id),
      ),
    );
    return people.map(({ id, firstName, lastName }) => ({ id, firstName, lastName, mobile: withMobile.has(id) }));
  } catch (error) {
    if (error instanceof DomainError) return [];
    throw error;
  }
}

/** The form's JSON; what is not JSON is no booking, and says so field by field. */
function readJson(value: unknown): unknown {
  try {
    return JSON.parse(String(value ?? "{}"));
  } catch {
    return undefined;
  }
}

/**
 * Books, and answers where the booking now is: the form goes there itself (router.push). A redirect()
 * here would render that page into this answer (100 kB, and three quarters of the servers' CPU per
 * booking in npm run bench:burst), so that a burst of bookings would wait on pages, not on bookings.
 */
export const bookAction = formAction({
  run: async (actor, input) => {
    const result = await bookFromForm(actor, readJson(input.booking));
    // Booked from a person's wish: the wish is handled. The booking is made whatever happens to the wish
    // (one already handled or gone changes nothing; anything else is logged, not answered).
    if (result.outcome !== "NOT_BOOKED" && input.wish)
      await handleWish(actor, input.wish).catch((error) => error instanceof DomainError || console.error(error));
    return result;
  },
  done: async (result): Promise<BookingAnswer> => {
    if (result.outcome === "NOT_BOOKED") {
      const t = await getTranslations("bookingOutcome");
      return { ok: false, message: `${t("NOT_BOOKED")} ${t(`reason.${result.reason}`)}` };
    }
    const first = result.outcome === "WAITLISTED" ? result.waitlisted : result.confirmed;
    return { ok: true, outcome: result.outcome, href: `/partenaire/reservations/${first.id}?resultat=${result.outcome}` };
  },
  // The person already holds a place: say which booking, and link to it.
  refused: async (error, failure): Promise<BookingAnswer> => {
    if (!(error instanceof RuleViolation && error.code === "ALREADY_BOOKED")) return failure;
    const t = await getTranslations("bookingForm");
    return {
      ...failure,
      link: { href: `/partenaire/reservations/${error.params.bookingId}`, label: t("seeExisting", { number: String(error.params.number) }) },
    };
  },
});

/** From the alert of late places (?tard=1, issue 33.2): the late pool's rules; a refusal says why in plain words. */
export const bookLateAction = formAction({
  run: (actor, input) => bookLateFromForm(actor, readJson(input.booking)),
  // Late places are confirmed or refused (a RuleViolation, put into words by formAction): never waitlisted.
  done: (result): BookingAnswer =>
    result.outcome === "CONFIRMED"
      ? { ok: true, outcome: "CONFIRMED", href: `/partenaire/reservations/${result.confirmed.id}?resultat=CONFIRMED` }
      : { ok: false },
});

/** On a session drawn by lot: files (or changes) the structure's application; the form goes to the draw's page. */
export const applyAction = formAction({
  run: (actor, input) => applyFromForm(actor, readJson(input.booking)),
  done: (_, input): BookingAnswer => ({
    ok: true,
    href: `/tirages/${String((readJson(input.booking) as { sessionId?: unknown } | undefined)?.sessionId ?? "")}?candidature=1`,
  }),
});

/** Withdraws the structure's application, until the close. */
export const withdrawApplicationAction = formAction({
  run: (actor, { sessionId, partnerId }) => withdrawApplication(actor, { sessionId, partnerId }),
  done: (_, input) => (revalidatePath(`/tirages/${String(input.sessionId ?? "")}`), said("drawPage.withdrawn")),
});

// The booking form's input, as the partner fills it in: people from the structure's list or typed in on
// the spot, companions, each guest's practical needs, and the choice for when places run short. Turned
// here into lib/booking's request; people typed in on the spot join the list in the booking's own
// transaction, only if something is booked.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { canManagePeople, ensure } from "@/lib/auth/permissions";
import { requestBooking, type BookingRequestResult } from "@/lib/booking/request";
import { applyForDraw } from "@/lib/booking/applications";
import { requestLatePlaces } from "@/lib/booking/late-places";
import { guestNeedsFields, needsNoteRule } from "@/lib/booking/schemas";
import { parse } from "@/lib/validation";
import { getPrisma } from "@/lib/db/client";
import { personName } from "@/lib/validation";
import { bookingTextsSchema, recordBookingTexts } from "@/lib/sms/consent";

const name = personName();

export const bookingFormSchema = z.object({
  sessionId: z.uuid("validation.invalid"),
  partnerId: z.uuid("validation.invalid"),
  /** Drawn when the form was shown (see lib/booking's idempotency key). */
  idempotencyKey: z.uuid("validation.invalid").optional(),
  people: z
    .array(
      z
        .union([
          z.object({ personId: z.uuid("validation.invalid"), firstName: name, lastName: name, ...guestNeedsFields }),
          z.object({ personId: z.undefined().optional(), firstName: name, lastName: name, keep: z.boolean().default(true), ...guestNeedsFields }),
        ])
        .superRefine(needsNoteRule),
    )
    .min(1, "validation.atLeastOneGuest"),
  companions: z
    .array(z.object({ firstName: name, lastName: name, kind: z.enum(["FAMILY_OR_FRIEND", "PROFESSIONAL"]), ...guestNeedsFields }).superRefine(needsNoteRule))
    .default([]),
  ifShort: z.enum(["SPLIT", "WAITLIST", "NOTHING"]).default("WAITLIST"),
  /**
   * The referent's choices about texts (issue 30): positions are the form's order (people, then
   * companions), which lib/booking keeps across the two parts of a split. Checked with the rest, so that
   * a number without its consent refuses the form before anything is booked.
   */
  texts: bookingTextsSchema.omit({ bookingId: true }).optional(),
});

export type BookingFormInput = z.input<typeof bookingFormSchema>;

/** Books the group: the first person is the main guest; the other people of the structure and the companions follow. */
export async function bookFromForm(actor: Actor, input: unknown): Promise<BookingRequestResult> {
  const form = parse(bookingFormSchema, input);
  const result = await requestBooking(actor, {
    sessionId: form.sessionId,
    partnerId: form.partnerId,
    guests: guestsOf(form),
    ifShort: form.ifShort,
    idempotencyKey: form.idempotencyKey,
  });
  // After the booking, in its own transaction: the texts' choices follow a booking made, never block one.
  // Each part gets the same choices; a guest's number lands on the part that holds that guest.
  if (form.texts && result.outcome !== "NOT_BOOKED") {
    const parts = result.outcome === "SPLIT" ? [result.confirmed, result.waitlisted] : [result.outcome === "CONFIRMED" ? result.confirmed : result.waitlisted];
    for (const part of parts) await recordBookingTexts(actor, { ...form.texts, bookingId: part.id });
  }
  return result;
}

/** The same form for the session's late places (issue 33.2): first confirmed, first served, no quota. */
export async function bookLateFromForm(actor: Actor, input: unknown): Promise<BookingRequestResult> {
  const form = parse(bookingFormSchema, input);
  return requestLatePlaces(actor, {
    sessionId: form.sessionId,
    partnerId: form.partnerId,
    guests: guestsOf(form),
    ifShort: "NOTHING",
    idempotencyKey: form.idempotencyKey,
  });
}

/** The same form on a session drawn by lot (issue 17): an application, with the fewest places accepted. */
export async function applyFromForm(actor: Actor, input: unknown) {
  const form = parse(bookingFormSchema.extend({ minPlaces: z.unknown() }), input);
  return applyForDraw(actor, { sessionId: form.sessionId, partnerId: form.partnerId, guests: guestsOf(form), minPlaces: form.minPlaces });
}

function guestsOf(form: z.output<typeof bookingFormSchema>) {
  return [
    ...form.people.map((person, index) => ({
      firstName: person.firstName,
      lastName: person.lastName,
      personId: person.personId ?? null,
      newPerson: !person.personId && "keep" in person && person.keep,
      kind: index === 0 ? ("MAIN" as const) : ("FAMILY_OR_FRIEND" as const),
      needs: person.needs,
      needsNote: person.needsNote,
    })),
    ...form.companions,
  ];
}

/**
 * The structure's people who already hold a place, or wait for one, on the session (issue 29.12): the form
 * marks them before anything is sent, as lib/booking would refuse them (ALREADY_BOOKED). A guest withdrawn
 * from a booking holds no place. Only the structure's own users and the association may ask.
 */
export async function peopleBookedOnSession(actor: Actor, partnerId: string, sessionId: string): Promise<string[]> {
  ensure(canManagePeople(actor, partnerId), "Vous ne voyez que les personnes de votre structure.");
  const ids = z.object({ partnerId: z.uuid(), sessionId: z.uuid() }).safeParse({ partnerId, sessionId });
  if (!ids.success) return [];
  const guests = await getPrisma().bookingGuest.findMany({
    where: { personId: { not: null }, cancelledAt: null, booking: { partnerId, sessionId, status: { in: ["CONFIRMED", "WAITLISTED"] } } },
    select: { personId: true },
    distinct: ["personId"],
  });
  return guests.flatMap((guest) => (guest.personId ? [guest.personId] : []));
}

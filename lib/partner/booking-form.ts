// The booking form's input, as the partner fills it in: people from the structure's list or typed in on
// the spot, companions, and the choice for when places run short. Turned here into lib/booking's request.
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requestBooking, type BookingRequestResult } from "@/lib/booking";
import { parse } from "@/lib/booking/schemas";
import { createPerson } from "@/lib/people/people";

const name = z.string().trim().min(1, "validation.required").max(80, "validation.tooLong");

export const bookingFormSchema = z.object({
  sessionId: z.uuid("validation.invalid"),
  partnerId: z.uuid("validation.invalid"),
  people: z
    .array(
      z.union([
        z.object({ personId: z.uuid("validation.invalid"), firstName: name, lastName: name }),
        z.object({ personId: z.undefined().optional(), firstName: name, lastName: name, keep: z.boolean().default(true) }),
      ]),
    )
    .min(1, "validation.atLeastOneGuest"),
  companions: z.array(z.object({ firstName: name, lastName: name, kind: z.enum(["FAMILY_OR_FRIEND", "PROFESSIONAL"]) })).default([]),
  ifShort: z.enum(["SPLIT", "WAITLIST", "NOTHING"]).default("WAITLIST"),
});

export type BookingFormInput = z.input<typeof bookingFormSchema>;

/**
 * Books the group: the first person is the main guest; the other people of the structure and the
 * companions follow. People typed in on the spot join the structure's list first (when asked to).
 */
export async function bookFromForm(actor: Actor, input: unknown): Promise<BookingRequestResult> {
  const form = parse(bookingFormSchema, input);
  const people = [];
  for (const person of form.people) {
    if (person.personId) {
      people.push(person);
    } else if ("keep" in person && person.keep) {
      const { id } = await createPerson(actor, { partnerId: form.partnerId, firstName: person.firstName, lastName: person.lastName });
      people.push({ ...person, personId: id });
    } else {
      people.push({ ...person, personId: null });
    }
  }
  const guests = [
    ...people.map((person, index) => ({
      firstName: person.firstName,
      lastName: person.lastName,
      personId: person.personId ?? null,
      kind: index === 0 ? ("MAIN" as const) : ("FAMILY_OR_FRIEND" as const),
    })),
    ...form.companions,
  ];
  return requestBooking(actor, { sessionId: form.sessionId, partnerId: form.partnerId, guests, ifShort: form.ifShort });
}

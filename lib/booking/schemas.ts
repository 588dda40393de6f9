// Inputs of lib/booking, parsed with zod: the single description of each input, shared by the forms and
// the server actions. Error messages are keys of the "validation" section of the message catalog.
import { z } from "zod";
import { AccessNeed } from "@/lib/generated/prisma/enums";
import { parisTime, nextParisDay } from "@/lib/time";
import { calendarDay, cleanText, optionalLine, optionalText, personName } from "@/lib/validation";

export const MAX_GUESTS_PER_BOOKING = 20;

/** A guest's "other" need, in a few words the venue reads on its guest list. */
export const NEEDS_NOTE_MAX = 200;

/**
 * A guest's practical needs, the venue's to prepare (DESIGN: shown on its guest list and nothing more):
 * the form of the booking and lib/booking read them with these fields and `needsNoteRule`.
 */
export const guestNeedsFields = {
  needs: z.array(z.enum(AccessNeed, "validation.invalid")).max(Object.keys(AccessNeed).length).default([]),
  needsNote: optionalLine(NEEDS_NOTE_MAX),
};

/** "Other" says nothing to the venue without a few words: the note is required with it. */
export function needsNoteRule(guest: { needs: readonly string[]; needsNote?: string }, context: z.core.$RefinementCtx) {
  if (guest.needs.includes("OTHER") && !guest.needsNote) context.addIssue({ code: "custom", path: ["needsNote"], message: "validation.needsNoteRequired" });
}

export const guestSchema = z
  .object({
    firstName: personName(),
    lastName: personName(),
    kind: z.enum(["MAIN", "FAMILY_OR_FRIEND", "PROFESSIONAL"]),
    /** The person of the structure's list, for the main guest (companions need not be on it). */
    personId: z.uuid("validation.invalid").nullish(),
    /** A person typed in on the spot, to add to the structure's list with the booking (never without it). */
    newPerson: z.boolean().default(false),
    ...guestNeedsFields,
  })
  .superRefine(needsNoteRule)
  // Each need once; the note only describes "other", and nothing is kept about a guest that says nothing.
  .transform((guest) => ({ ...guest, needs: [...new Set(guest.needs)], needsNote: guest.needs.includes("OTHER") ? guest.needsNote : undefined }));

export const bookingRequestSchema = z.object({
  sessionId: z.uuid("validation.invalid"),
  partnerId: z.uuid("validation.invalid"),
  guests: z
    .array(guestSchema)
    .min(1, "validation.atLeastOneGuest")
    .max(MAX_GUESTS_PER_BOOKING, "validation.tooManyGuests")
    .refine((guests) => guests.every((guest, index) => (guest.kind === "MAIN") === (index === 0)), "validation.mainGuestFirst")
    .refine((guests) => guests.every((guest) => !(guest.newPerson && guest.personId)), "validation.invalid"),
  /** When fewer places are available than asked: split, waitlist the whole group, or book nothing. */
  ifShort: z.enum(["SPLIT", "WAITLIST", "NOTHING"]).default("WAITLIST"),
  /**
   * Drawn when the booking form is shown: the same form sent twice (a double click, a retry after a
   * lost answer) gives the first result back instead of booking again.
   */
  idempotencyKey: z.uuid("validation.invalid").nullish(),
});

export type BookingRequestInput = z.input<typeof bookingRequestSchema>;
export type BookingRequest = z.output<typeof bookingRequestSchema>;

export const CANCEL_CODES = ["GUEST_UNAVAILABLE", "PARTNER_REQUEST", "VENUE_REQUEST", "DUPLICATE", "OTHER"] as const;

export const cancelBookingSchema = z.object({
  bookingId: z.uuid("validation.invalid"),
  /** Why, in a few words (required from a venue taking a phone call: see the venue's pages). */
  note: optionalText(500),
  /** The association's reason code (required by its own form: app/admin/reservations). */
  code: z.enum(CANCEL_CODES, "validation.required").optional(),
});

export const changeCapacitySchema = z.object({
  sessionId: z.uuid("validation.invalid"),
  capacity: z.coerce.number().int("validation.integer").min(0, "validation.notNegative").max(100_000, "validation.tooLarge"),
});

export const sessionActionSchema = z.object({
  sessionId: z.uuid("validation.invalid"),
  note: optionalText(500),
});

/**
 * The venue's and the association's forms send the rule's fields side by side, "NONE" (or nothing) as
 * the period for no rule and a blank lift for none: read here, so that both forms mean the same.
 */
function quotaRuleOfForm(input: unknown): unknown {
  if (typeof input !== "object" || input === null || "rule" in input) return input;
  const { venueId, period, maxPlaces, liftDaysBefore } = input as Record<string, unknown>;
  const rule = period && period !== "NONE" ? { period, maxPlaces, liftDaysBefore: liftDaysBefore === "" ? null : (liftDaysBefore ?? null) } : null;
  return { venueId, rule };
}

export const quotaRuleSchema = z.preprocess(
  quotaRuleOfForm,
  z.object({
    venueId: z.uuid("validation.invalid"),
    rule: z
      .object({
        period: z.enum(["SESSION", "MONTH", "SEASON"]),
        maxPlaces: z.coerce.number().int("validation.integer").min(1, "validation.atLeastOne").max(1000, "validation.tooLarge"),
        liftDaysBefore: z.coerce.number().int("validation.integer").min(0, "validation.notNegative").max(365, "validation.tooLarge").nullable(),
      })
      .nullable(),
  }),
);

export const quotaExceptionSchema = z.object({
  venueId: z.uuid("validation.invalid"),
  partnerId: z.uuid("validation.invalid"),
  /** null lifts the quota for this partner. */
  maxPlaces: z.coerce.number().int("validation.integer").min(0, "validation.notNegative").max(1000, "validation.tooLarge").nullable(),
  reason: optionalText(500),
  expiresAt: z.coerce.date().nullable().optional(),
});

/**
 * The association's form of an exception: it asks for an end and a reason, so that no exception is
 * forgotten or unexplained. A blank number of places lifts the quota for the structure; the day chosen
 * is the last one the exception holds, so it ends at the next midnight in Paris.
 */
export const quotaExceptionFormSchema = z
  .object({
    venueId: z.uuid("validation.required"),
    partnerId: z.uuid("validation.invalid"),
    maxPlaces: z.preprocess((value) => (typeof value === "string" && !value.trim() ? null : value), quotaExceptionSchema.shape.maxPlaces),
    expiresAt: calendarDay(),
    reason: z.string("validation.reasonRequired").transform(cleanText).pipe(z.string().min(1, "validation.reasonRequired").max(500, "validation.tooLong")),
  })
  .transform((form) => ({ ...form, lastDay: form.expiresAt, expiresAt: nextParisDay(parisTime(form.expiresAt)) }));

export const quotaExceptionRevocationSchema = z.object({
  venueId: z.uuid("validation.invalid"),
  partnerId: z.uuid("validation.invalid"),
  reason: optionalText(500),
});

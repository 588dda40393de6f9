// The inputs of a venue's events and sessions, parsed with zod. Client-safe: the forms check them as
// people type (components/forms/schemas.ts) with the very schemas lib/venue parses on the server.
import { z } from "zod";
import { Accessibility, EventCategory, FrenchNeed } from "@/lib/generated/prisma/enums";
import { httpUrl, line, optionalLine, text } from "@/lib/validation";

/** A language code as the platform writes them: "uk", "ar", "fa-AF". */
const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Z][A-Za-z]{1,3})?$/;

export const eventFieldsSchema = z.object({
  title: line(160),
  description: text(5000),
  category: z.enum(Object.values(EventCategory) as [EventCategory, ...EventCategory[]], "validation.invalid"),
  minAge: z.preprocess(
    (v) => (v === "" || v == null ? null : v),
    z.coerce.number().int("validation.integer").min(0, "validation.notNegative").max(99, "validation.tooLarge").nullable(),
  ),
  durationMinutes: z.preprocess(
    (v) => (v === "" || v == null ? null : v),
    z.coerce.number().int("validation.integer").min(1, "validation.atLeastOne").max(1440, "validation.tooLarge").nullable(),
  ),
  accessibility: z.array(z.enum(Object.values(Accessibility) as [Accessibility, ...Accessibility[]])).default([]),
  /** In euros, as typed ("12,50"); stored in cents. */
  publicPrice: z.preprocess(
    (v) => (v === "" || v == null ? null : String(v).replace(",", ".")),
    z.coerce.number("validation.invalid").min(0, "validation.notNegative").max(10_000, "validation.tooLarge").nullable(),
  ),
  // Partners open it to buy a ticket: http or https only (never javascript: or data:).
  ticketUrl: z.preprocess((v) => (v === "" || v == null ? undefined : v), httpUrl(500).optional()),
  imageAlt: optionalLine(300),
  // Issue 34.4: how much French one needs to follow it; the language it is performed in, if another.
  frenchNeed: z.enum(Object.values(FrenchNeed) as [FrenchNeed, ...FrenchNeed[]], "validation.invalid").default("FRENCH"),
  performedIn: z.preprocess((v) => (v === "" || v == null ? undefined : v), z.string().regex(LANGUAGE_CODE, "validation.performedIn").optional()),
});

/** Performed in another language: which one must be said (the database checks it too). */
const languageNamed = (fields: { frenchNeed: FrenchNeed; performedIn?: string }, context: z.RefinementCtx) => {
  if (fields.frenchNeed === "OTHER_LANGUAGE" && !fields.performedIn)
    context.addIssue({ code: "custom", message: "validation.performedIn", path: ["performedIn"] });
};

export const createEventSchema = eventFieldsSchema.extend({ venueId: z.uuid("validation.invalid") }).superRefine(languageNamed);
export const updateEventSchema = eventFieldsSchema.extend({ eventId: z.uuid("validation.invalid") }).superRefine(languageNamed);

/** Times typed in one field ("14h30, 20:00 ; 9h") as "HH:MM"; a list is left as it is. */
function splitTimes(value: unknown): unknown {
  if (typeof value !== "string") return value;
  return value
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map((at) => (/h$/i.test(at) ? `${at}00` : at).replace(/h/i, ":").padStart(5, "0"));
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.invalid");
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "validation.invalid");

export const sessionRunSchema = z
  .object({
    eventId: z.uuid("validation.invalid"),
    from: day,
    /** Same as `from` for a single session. */
    to: day.optional(),
    /** ISO weekdays (1 Monday … 7 Sunday); empty: every day of the range. */
    weekdays: z.array(z.coerce.number().int().min(1).max(7)).default([]),
    /** "20:30", or several typed in one field: "14h30, 20:00" (as the venue's form sends them). */
    times: z.preprocess(splitTimes, z.array(time).min(1, "validation.required").max(6)),
    capacity: z.coerce.number().int("validation.integer").min(0, "validation.notNegative").max(100_000, "validation.tooLarge"),
    /** Bookings open this many days before the start (none: as soon as the event is published). */
    opensDaysBefore: z
      .preprocess((v) => (v === "" || v == null ? null : v), z.coerce.number().int().min(1, "validation.atLeastOne").max(365, "validation.tooLarge").nullable())
      .default(null),
    /** Bookings close this many hours before the start (none: at the start). */
    closesHoursBefore: z
      .preprocess(
        (v) => (v === "" || v == null ? null : v),
        z.coerce.number().int().min(0, "validation.notNegative").max(720, "validation.tooLarge").nullable(),
      )
      .default(null),
  })
  .refine((run) => !run.to || run.to >= run.from, { message: "validation.invalid", path: ["to"] });

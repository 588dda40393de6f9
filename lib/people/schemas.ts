// A person supported by a structure, as typed in its form, parsed with zod. Client-safe: the form checks
// it as people type (components/forms/schemas.ts) with the very schema lib/people parses on the server.
import { z } from "zod";
import { LANGUAGE_CODES } from "@/lib/i18n/languages";
import { optionalText, personName } from "@/lib/validation";

export const personSchema = z.object({
  partnerId: z.uuid("validation.invalid"),
  firstName: personName(),
  lastName: personName(),
  notes: optionalText(500).transform((notes) => notes ?? null),
  /** The language the person reads (issue 34.1); French, the form's empty choice, is stored as none. */
  language: z
    .preprocess((value) => (value === "" || value === "fr" ? undefined : value), z.enum(LANGUAGE_CODES, "validation.invalid").optional())
    .transform((language) => language ?? null),
});

export const personUpdateSchema = personSchema.omit({ partnerId: true }).extend({ personId: z.uuid("validation.invalid") });

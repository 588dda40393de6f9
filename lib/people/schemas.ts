// A person supported by a structure, as typed in its form, parsed with zod. Client-safe: the form checks
// it as people type (components/forms/schemas.ts) with the very schema lib/people parses on the server.
import { z } from "zod";
import { optionalText, personName } from "@/lib/validation";

export const personSchema = z.object({
  partnerId: z.uuid("validation.invalid"),
  firstName: personName(),
  lastName: personName(),
  notes: optionalText(500).transform((notes) => notes ?? null),
});

export const personUpdateSchema = personSchema.omit({ partnerId: true }).extend({ personId: z.uuid("validation.invalid") });

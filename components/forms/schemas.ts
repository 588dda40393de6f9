// The schemas a form checks as people type, by name: a server page cannot hand a zod schema to a client
// component, so it names one (<ActionForm schema="event">). Each is the very schema lib/ parses on the
// server, narrowed to the fields the form shows when the server adds the rest (the structure or role of
// the person signed in).
import { inviteSchema } from "@/lib/auth/schemas";
import { personSchema } from "@/lib/people/schemas";
import { eventFieldsSchema, sessionRunSchema } from "@/lib/venue/schemas";

export const FORM_SCHEMAS = {
  /** "Déclarer un événement" and its changes (the venue or event id is checked on the server). */
  event: eventFieldsSchema,
  /** "Ajouter des séances" (with the event id as a hidden field). */
  sessionRun: sessionRunSchema,
  /** Inviting an account (the role of a referent's or manager's invitation is theirs). */
  invite: inviteSchema.omit({ role: true }),
  /** A person supported by the structure (the structure is the referent's). */
  person: personSchema.omit({ partnerId: true }),
};

export type FormSchemaName = keyof typeof FORM_SCHEMAS;

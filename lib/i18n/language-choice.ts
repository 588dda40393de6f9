// The language switch's form (app/langue/route.ts), apart from ./languages.ts, which client components
// read and which so stays free of zod.
import { z } from "zod";
import { isPersonPage, LANGUAGE_CODES } from "./languages";

/** The switch's form: a language, and the person's page to go back to (any other address: the offer). */
export const languageChoiceSchema = z.object({
  language: z.enum(LANGUAGE_CODES),
  back: z
    .string()
    .optional()
    .transform((path) => (path && path.startsWith("/") && !path.startsWith("//") && isPersonPage(path.split("?")[0]!) ? path : "/offre")),
});

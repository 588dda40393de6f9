// What a server action answers a form: ok, or a sentence in plain French and errors field by field.
// Domain errors and zod messages are catalog keys; they are put into words here, on the server.
import "server-only";
import { getTranslations } from "@/lib/i18n/server";
import { InvalidInput } from "@/lib/validation";
import { DomainError } from "@/lib/errors";
import { errorFacts, log } from "@/lib/observability/log";
import { describeFieldError, describeMessage } from "./describe";

import type { ActionState } from "./state";

export type { ActionState } from "./state";

/**
 * `easy`: the form is one of the easy-to-read pages' (decision 012, issue 29.3): its refusal is said in their
 * words, from the catalog's `easy.errors` (a sentence for the form, one per field, one per domain error),
 * falling back on the usual words only where that catalog has none.
 */
export async function actionFailure(error: unknown, { easy = false }: { easy?: boolean } = {}): Promise<ActionState> {
  const t = await getTranslations();
  const say = (key: string, params?: Record<string, string | number>) => (t.has(key) ? t(key, params) : null);
  if (easy && error instanceof InvalidInput) {
    const fieldErrors = Object.fromEntries(
      Object.entries(error.fieldErrors).map(([field, keys]) => [
        field,
        say(`easy.errors.fields.${field}`) ? [say(`easy.errors.fields.${field}`)!] : (keys ?? []).map((key) => describeFieldError(t, field, key)),
      ]),
    );
    return { ok: false, message: say("easy.errors.invalid")!, fieldErrors };
  }
  if (easy && error instanceof DomainError && say(`easy.errors.${error.code}`)) return { ok: false, message: say(`easy.errors.${error.code}`, error.params)! };
  if (error instanceof InvalidInput) {
    // Each message names its field ("Adresse e-mail : indiquez une adresse e-mail valide."), as in the browser:
    // ActionForm names it with the form's own label from the bare messages, the catalog's label otherwise.
    const entries = Object.entries(error.fieldErrors);
    const fieldErrors = Object.fromEntries(entries.map(([field, keys]) => [field, (keys ?? []).map((key) => describeFieldError(t, field, key))]));
    const fieldMessages = Object.fromEntries(entries.map(([field, keys]) => [field, (keys ?? []).map((key) => describeMessage(t, key))]));
    return { ok: false, message: say("domainErrors.INVALID_INPUT")!, fieldErrors, fieldMessages };
  }
  if (error instanceof DomainError) {
    return { ok: false, message: say(`domainErrors.${error.code}`, error.params) ?? error.message };
  }
  // Next's redirect() and notFound() work by throwing: let them through.
  if (error && typeof error === "object" && "digest" in error) throw error;
  // The operator's log: the kind of error and its first line, not the form's content.
  log().error({ area: "actions", ...errorFacts(error) }, "action en erreur");
  return { ok: false, message: say("domainErrors.UNEXPECTED")! };
}

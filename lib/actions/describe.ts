// An error of a field in words: "Adresse e-mail : indiquez une adresse e-mail valide.". Zod's messages are
// catalog keys; they are put into words the same way on the server (lib/actions/result.ts) and in the
// browser, where a form checks its fields as people type (components/forms/action-form.tsx).
// Client-safe: it takes the translator it is given.

export interface Translator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/** A catalog key in words, prefixed with the field's label when the catalog has one. Unknown keys
 * (zod's own English messages) become the catalog's generic "invalid" sentence. */
export function describeFieldError(t: Translator, field: string, key: string): string {
  const message = t.has(key) ? t(key, { max: 20 }) : t("validation.invalid");
  const labelKey = `fields.${field}`;
  return t.has(labelKey) ? `${t(labelKey)} : ${message.charAt(0).toLowerCase()}${message.slice(1)}` : message;
}

/** The form field an error path belongs to: "times[0]" and "times.0" are the field "times". */
export function fieldOfPath(path: readonly PropertyKey[]): string {
  return String(path[0] ?? "");
}

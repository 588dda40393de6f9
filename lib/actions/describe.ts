// An error of a field in words: "Adresse e-mail : indiquez une adresse e-mail valide.". Zod's messages are
// catalog keys; they are put into words the same way on the server (lib/actions/result.ts) and in the
// browser, where a form checks its fields as people type (components/forms/action-form.tsx).
// Client-safe: it takes the translator it is given.

export interface Translator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/** A catalog key in words. Unknown keys (zod's own English messages) become the catalog's generic
 * "invalid" sentence. */
export function describeMessage(t: Translator, key: string): string {
  return t.has(key) ? t(key, { max: 20 }) : t("validation.invalid");
}

/** A message named by its field's label: "Adresse e-mail : indiquez une adresse e-mail valide.". */
export function withLabel(label: string | null | undefined, message: string): string {
  return label ? `${label} : ${message.charAt(0).toLowerCase()}${message.slice(1)}` : message;
}

/**
 * A catalog key in words, prefixed with the field's label: the one the form shows when it is known (issue
 * 29.10: an error names its field as the form does), else the catalog's `fields.<name>`, a fallback that may
 * differ from a form's own wording ("Délai" for "Relancer après combien de jours sans réponse").
 */
export function describeFieldError(t: Translator, field: string, key: string, label?: string | null): string {
  const labelKey = `fields.${field}`;
  return withLabel(label || (t.has(labelKey) ? t(labelKey) : null), describeMessage(t, key));
}

/** The form field an error path belongs to: "times[0]" and "times.0" are the field "times". */
export function fieldOfPath(path: readonly PropertyKey[]): string {
  return String(path[0] ?? "");
}

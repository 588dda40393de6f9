// The invitation's wording helpers. Its date is written by lib/format/dates.ts, like every date of the platform.
/** Fills "{name}" placeholders of a catalog string (the PDF has no ICU runtime; it needs none). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

// Field schemas shared by every input of the platform (zod). Messages are keys of the "validation"
// section of the message catalog. Text from people is cleaned the same way everywhere: Unicode NFC,
// no control characters (a NUL byte cannot even be stored), no invisible formatting characters (zero
// widths, direction overrides that make a name read backwards on a guest list), spaces collapsed.
// `parse` is the one door every use case of lib/ passes its input through (issue 28.1: it lived in
// lib/booking/schemas.ts, which made every room of lib/ depend on booking).
import { z } from "zod";
import { NotFoundError } from "@/lib/errors";

/** Control characters and invisible formatting characters (Unicode Cc and Cf). */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;
/** The same, but for tab and newline, in a text of several lines. */
const INVISIBLE_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Cf}]/gu;

/** One line of text as people meant it: what they can see, nothing else. */
export function cleanLine(value: string): string {
  return value.normalize("NFC").replace(new RegExp(INVISIBLE, "gu"), "").replace(/\s+/g, " ").trim();
}

/** Several lines of text (a message, notes): keeps line breaks, drops what cannot be seen. */
export function cleanText(value: string): string {
  return value.normalize("NFC").replace(/\r\n?/g, "\n").replace(INVISIBLE_MULTILINE, "").trim();
}

/** Whether a string carries a character that would be dropped (for a search box: refuse, don't guess). */
export function hasInvisible(value: string): boolean {
  return INVISIBLE.test(value);
}

export const uuid = () => z.uuid("validation.invalid");

/** A uuid's written form, any case (its `source` also serves PostgreSQL's `~*`). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** For ids that come from a URL: anything else is simply not found. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID_PATTERN.test(value);
}

/** An id that names nothing (not even an id) is not found, before any query is made with it. */
export function requireId(value: unknown, what: string): asserts value is string {
  if (!isUuid(value)) throw new NotFoundError(what);
}

/** A required single line of at most `max` characters. */
export const line = (max: number) =>
  z.string("validation.required").transform(cleanLine).pipe(z.string().min(1, "validation.required").max(max, "validation.tooLong"));

/** A required text of several lines, at most `max` characters. */
export const text = (max: number) =>
  z.string("validation.required").transform(cleanText).pipe(z.string().min(1, "validation.required").max(max, "validation.tooLong"));

/** An optional single line: empty becomes undefined. */
export const optionalLine = (max: number) =>
  z
    .preprocess((value) => (value == null ? undefined : value), z.string().transform(cleanLine).pipe(z.string().max(max, "validation.tooLong")).optional())
    .transform((value) => value || undefined);

/** An optional multi-line text: empty becomes undefined. */
export const optionalText = (max: number) =>
  z
    .preprocess((value) => (value == null ? undefined : value), z.string().transform(cleanText).pipe(z.string().max(max, "validation.tooLong")).optional())
    .transform((value) => value || undefined);

/** A first or last name: printed on an invitation, so it must hold at least one letter. */
export const personName = () => line(80).pipe(z.string().regex(/\p{L}/u, "validation.nameNeedsLetter"));

/** A web address people will open: http or https only (never javascript: or data:). */
export const httpUrl = (max = 500) => line(max).pipe(z.url({ protocol: /^https?$/, error: "validation.httpUrl" }));

const isCalendarDay = (day: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);

/** A real calendar day typed in a form, "YYYY-MM-DD" ("2027-02-30" is refused, with one message). */
export const calendarDay = () => z.string("validation.required").min(1, "validation.required").pipe(z.string().refine(isCalendarDay, "validation.invalid"));

/**
 * The form field an error belongs to. A form's fields are flat: a nested object's field is named by its
 * own name ("rule.maxPlaces" is the field "maxPlaces"), a list by the list ("guests.0.firstName" is
 * "guests"), so that lib names the field at fault and no action validates again (issue 28.2).
 */
function fieldOf(path: readonly PropertyKey[]): string | undefined {
  const end = path.findIndex((key) => typeof key !== "string");
  return (end === -1 ? path : path.slice(0, end)).at(-1) as string | undefined;
}

/** Parses or throws an InvalidInput listing the field errors (keys of the message catalog). */
export function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = fieldOf(issue.path);
    if (field) (fieldErrors[field] ??= []).push(issue.message);
  }
  throw new InvalidInput(fieldErrors);
}

export class InvalidInput extends Error {
  readonly code = "INVALID_INPUT";
  constructor(readonly fieldErrors: Record<string, string[] | undefined>) {
    super(`Saisie invalide : ${Object.keys(fieldErrors).join(", ")}`);
    this.name = "InvalidInput";
  }
}

// Filters travel in the URL (?etat=…&page=2), where anyone may type anything: a value that does not read
// is dropped, never an error, and a repeated parameter counts once.
export const firstOf = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** An optional URL filter: its value if it reads, otherwise none. */
export const urlFilter = <T extends z.ZodType>(schema: T) => z.preprocess(firstOf, schema.optional().catch(undefined));

/** A search text from the URL (trimmed, at most `max` characters). */
export const urlText = (max: number) => urlFilter(z.string().transform(cleanLine).pipe(z.string().min(1).max(max)));

/** A day from the URL (YYYY-MM-DD). */
export const urlDay = () => urlFilter(z.string().refine(isCalendarDay));

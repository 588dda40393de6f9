// One way to write a date, whatever the page: the catalog, the booking page, a mail, the invitation PDF
// and the venue's guest list all write the same session the same way, and an action's time reads the
// same in the journal, the mail log and a booking's history. These few named formats are the only ones
// the platform uses (tests/unit/date-format-guard.test.ts keeps it so): a new page picks one of them
// rather than its own options, and a new format is added here, named, or not at all.
//
//   formatSessionDate   a session in full, where the page, mail or PDF is about that one session, and a
//                       deadline people plan for (bookings close, a quota lifts): samedi 12 décembre 2026 à 20 h 30
//   formatSessionShort  a session in a list or a table:                   sam. 12 déc. 2026 à 20 h 30
//   formatMoment        when something was done (journal, mail log, sign-in, cancellation, withdrawal):
//                                                                         12 déc. 2026 à 14 h 05
//   formatDay           a day: a date-only value, or the day of an instant: 12 décembre 2026
//                       (and its pieces for a span: "3 février", "3")
//   formatMonth         a month:                                          décembre 2026
//   formatTime          a time alone, when the day goes without saying:   20 h 30
//   formatDateInWords   a session for the easy-to-read pages and texts (decision 012): the part of the day
//                       in words, no year unless it is not this one, and the minutes even on the hour:
//                                                                         samedi 12 décembre, le soir, à 20 h 00
//
// All of them read the instant at the venue's time (Europe/Paris, lib/time.ts), whatever the time zone of
// the server or of the browser, in French typography: "20 h 30", "20 h" on the hour (but "20 h 00" in the
// easy reading, where a time always reads the same way, issue 29.3), "1er" for the first
// day of a month, and non-breaking spaces inside a time and after "à", so that "à 20 h 30" never splits
// across two lines. Plain functions (date-fns, no server-only import): server and client components,
// mails and PDFs alike. CSV exports keep ISO days (2026-12-12) on purpose, for spreadsheets to sort, and
// write an instant with formatCsvMoment (2026-12-12 20:30, Paris time) for the same reason.
//
// The person's pages may be in another language (issue 34.1): formatDateInWords, formatSessionShort and
// formatDay take the page's language and then write as that language does (Intl, at Paris time), with
// the Gregorian calendar, Western digits and a 24-hour time, as on the French invitation it refers to.
import { format } from "date-fns";
import { fr } from "date-fns/locale";
import { languageOf } from "@/lib/i18n/languages";
import { inParis, parisTime, TIME_ZONE } from "@/lib/time";

const NBSP = "\u00a0";

/**
 * Each format remembers what it wrote for the last few thousand instants: reading an instant at Paris
 * time costs a time-zone lookup per date-fns step (@date-fns/tz asks Intl each time), and a catalogue
 * page writes the same sessions' dates for everyone, some 150 of them per view (about a fifth of the
 * page's server time before, issue 14). The result depends on the instant alone, so nothing goes stale.
 */
function remembered<K>(write: (key: K) => string, keyOf: (key: K) => string | number): (key: K) => string {
  const known = new Map<string | number, string>();
  return (key) => {
    const k = keyOf(key);
    let text = known.get(k);
    if (text === undefined) {
      text = write(key);
      if (known.size >= 5_000) known.clear();
      known.set(k, text);
    }
    return text;
  };
}
const byInstant = (instant: Date) => instant.getTime();

/** The instant at Paris time; an invalid date is a bug upstream, not something to print as "NaN". */
function paris(instant: Date): ReturnType<typeof inParis> {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid date");
  return inParis(instant);
}

/** "1er" for the first day of a month, the plain number for the others. */
function dayOfMonth(local: Date): string {
  return local.getDate() === 1 ? "1er" : String(local.getDate());
}

function at(local: Date): string {
  return `à${NBSP}${time(local)}`;
}

function time(local: Date): string {
  const hours = String(local.getHours());
  return local.getMinutes() === 0 ? `${hours}${NBSP}h` : `${hours}${NBSP}h${NBSP}${String(local.getMinutes()).padStart(2, "0")}`;
}

/** "samedi 12 décembre 2026 à 20 h 30", "mardi 1er décembre 2026 à 20 h": a session, in full. */
function formatSessionDateNow(startsAt: Date): string {
  const local = paris(startsAt);
  return `${format(local, "EEEE", { locale: fr })} ${dayOfMonth(local)} ${format(local, "MMMM yyyy", { locale: fr })} ${at(local)}`;
}

/** "sam. 12 déc. 2026 à 20 h 30": a session in a list or a table. */
function formatSessionShortNow(startsAt: Date): string {
  const local = paris(startsAt);
  return `${format(local, "EEE", { locale: fr })} ${dayOfMonth(local)} ${format(local, "MMM yyyy", { locale: fr })} ${at(local)}`;
}

/** "12 déc. 2026 à 14 h 05": when something was done (a journal entry, a mail, a sign-in, a cancellation). */
function formatMomentNow(instant: Date): string {
  const local = paris(instant);
  return `${dayOfMonth(local)} ${format(local, "MMM yyyy", { locale: fr })} ${at(local)}`;
}

const YMD = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "12 décembre 2026", "1er décembre 2026": a day. Takes a date-only value — a Prisma `@db.Date`, which
 * arrives as midnight UTC, or "2026-12-12" — or an instant, whose Paris day it gives. Both read the same
 * at Paris time: Paris is always one or two hours ahead of UTC, so midnight UTC is already that same day
 * in Paris, never the day before, in any time zone of the machine.
 *
 * `part` serves spans such as "du 3 au 28 février" or "du 28 février au 3 mars": "dayMonth" leaves out
 * the year ("3 février"), "day" the month and the year ("3", "1er").
 */
type DayPart = "full" | "dayMonth" | "day";

function formatDayNow(day: Date | string, part: DayPart = "full"): string {
  if (typeof day === "string" && !YMD.test(day)) throw new RangeError(`Not a day (YYYY-MM-DD): ${day}`);
  const local = paris(typeof day === "string" ? parisTime(day) : day);
  if (part === "day") return dayOfMonth(local);
  return `${dayOfMonth(local)} ${format(local, part === "dayMonth" ? "MMMM" : "MMMM yyyy", { locale: fr })}`;
}

/** "décembre 2026": the Paris month of an instant. */
function formatMonthNow(instant: Date): string {
  return format(paris(instant), "MMMM yyyy", { locale: fr });
}

/** "20 h 30", "20 h": the Paris time of an instant, alone (when the day goes without saying). */
function formatTimeNow(instant: Date): string {
  return time(paris(instant));
}

/**
 * "à 20 h 00", "à 20 h 30": the easy reading's time (decision 012, issue 29.3). Its readers learn one shape,
 * hours then minutes, rather than a second one on the hour ("à 20 h") that reads as if something were cut.
 */
function atWithMinutes(local: Date): string {
  return `à${NBSP}${String(local.getHours())}${NBSP}h${NBSP}${String(local.getMinutes()).padStart(2, "0")}`;
}

/** "le matin" before noon, "l'après-midi" until 6 pm, "le soir" after: how people say when they go out. */
function partOfDay(local: Date): string {
  return local.getHours() < 12 ? "le matin" : local.getHours() < 18 ? "l'après-midi" : "le soir";
}

/**
 * "samedi 12 décembre, le soir, à 20 h 30": a session for the easy-to-read pages (decision 012). Every
 * word in full (no "sam.", no "déc."), the part of the day in words, the time with its minutes ("à 20 h 00"),
 * and the year only when it is not the year of `now` (Paris years).
 */
function formatDateInWordsNow([startsAt, now]: [Date, Date]): string {
  const local = paris(startsAt);
  const year = format(local, "yyyy") === format(paris(now), "yyyy") ? "" : ` ${format(local, "yyyy")}`;
  return `${format(local, "EEEE", { locale: fr })} ${dayOfMonth(local)} ${format(local, "MMMM", { locale: fr })}${year}, ${partOfDay(local)}, ${atWithMinutes(local)}`;
}

const intlFormats = new Map<string, Intl.DateTimeFormat>();

/** An Intl format of `language` at Paris time (built once per language and options). */
function intlFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let known = intlFormats.get(key);
  if (!known) {
    known = new Intl.DateTimeFormat(languageOf(language).intl, {
      ...options,
      timeZone: TIME_ZONE,
      calendar: "gregory",
      numberingSystem: "latn",
      hourCycle: "h23",
    });
    intlFormats.set(key, known);
  }
  return known;
}

const isFrench = (language: string) => languageOf(language).code === "fr";
const parisYear = (instant: Date) => format(paris(instant), "yyyy");

// The exported formats, each remembering its recent answers (see `remembered`). An invalid date is
// refused each time: its writing throws before anything is stored.

/** "samedi 12 décembre 2026 à 20 h 30", "mardi 1er décembre 2026 à 20 h": a session, in full. */
export const formatSessionDate: (startsAt: Date) => string = remembered(formatSessionDateNow, byInstant);
const rememberedShort = remembered(formatSessionShortNow, byInstant);
/** "sam. 12 déc. 2026 à 20 h 30": a session in a list or a table; "Sat 12 Dec 2026, 20:30" in English. */
export function formatSessionShort(startsAt: Date, language = "fr"): string {
  if (isFrench(language)) return rememberedShort(startsAt);
  paris(startsAt);
  return intlFormat(language, { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(startsAt);
}
/** "12 déc. 2026 à 14 h 05": when something was done (a journal entry, a mail, a sign-in, a cancellation). */
export const formatMoment: (instant: Date) => string = remembered(formatMomentNow, byInstant);
/** "décembre 2026": the Paris month of an instant. */
export const formatMonth: (instant: Date) => string = remembered(formatMonthNow, byInstant);
/** "20 h 30", "20 h": the Paris time of an instant, alone (when the day goes without saying). */
export const formatTime: (instant: Date) => string = remembered(formatTimeNow, byInstant);

/** "2026-12-12 20:30": an instant in a CSV export, its Paris date and time in a form every spreadsheet sorts. */
export function formatCsvMoment(instant: Date): string {
  return format(paris(instant), "yyyy-MM-dd HH:mm");
}

const dayKey = ([day, part]: [Date | string, DayPart]) => `${typeof day === "string" ? day : day.getTime()}|${part}`;
const rememberedDay = remembered(([day, part]: [Date | string, DayPart]) => formatDayNow(day, part), dayKey);
/** "12 décembre 2026", "1er décembre 2026": a day (see formatDayNow); in another language as it writes one. */
export function formatDay(day: Date | string, part: DayPart = "full", language = "fr"): string {
  if (isFrench(language)) return rememberedDay([day, part]);
  if (typeof day === "string" && !YMD.test(day)) throw new RangeError(`Not a day (YYYY-MM-DD): ${day}`);
  const instant = typeof day === "string" ? parisTime(day) : day;
  paris(instant);
  const options: Intl.DateTimeFormatOptions =
    part === "day" ? { day: "numeric" } : part === "dayMonth" ? { day: "numeric", month: "long" } : { day: "numeric", month: "long", year: "numeric" };
  return intlFormat(language, options).format(instant);
}

const rememberedInWords = remembered(formatDateInWordsNow, ([startsAt, now]: [Date, Date]) => `${startsAt.getTime()}|${format(paris(now), "yyyy")}`);
/**
 * "samedi 12 décembre, le soir, à 20 h 30", "…, à 20 h 00" (see formatDateInWordsNow); in another language every word in
 * full as that language writes it, the year only when it is not this one: "Saturday 12 December at 20:30".
 */
export function formatDateInWords(startsAt: Date, now: Date = new Date(), language = "fr"): string {
  if (isFrench(language)) return rememberedInWords([startsAt, now]);
  const withYear = parisYear(startsAt) !== parisYear(now);
  return intlFormat(language, {
    weekday: "long",
    day: "numeric",
    month: "long",
    ...(withYear ? { year: "numeric" } : {}),
    hour: "2-digit",
    minute: "2-digit",
  }).format(startsAt);
}

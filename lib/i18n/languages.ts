// The languages of the people supported (issue 34.1): French first, the language of the staff's pages and
// of every catalog key; the others cover the person's pages only (PERSON_NAMESPACES). One list, read by the
// request's locale, the switch, the person's form, the text messages and the invitation. Each language is
// offered in its own name, so that someone who reads only Arabic finds "العربية", not "arabe".
//
// `intl` is the locale numbers, plurals and dates are written with: Western digits everywhere (a booking
// number, a phone number and the invitation's date are printed so; one page never mixes two kinds of
// digits), and the Gregorian calendar (lib/format/dates.ts), which Dari's default would replace.
// `speech` is the voice asked of the browser's speech synthesis (components/easy/listen-button.tsx).
export const LANGUAGES = [
  { code: "fr", name: "Français", dir: "ltr", intl: "fr", speech: "fr-FR" },
  { code: "en", name: "English", dir: "ltr", intl: "en-GB", speech: "en-GB" },
  { code: "ar", name: "العربية", dir: "rtl", intl: "ar-u-nu-latn", speech: "ar" },
  // Dari: written in Persian script; a Persian (fa) voice is the nearest most devices have.
  { code: "fa-AF", name: "دری", dir: "rtl", intl: "fa-AF-u-nu-latn", speech: "fa-AF" },
  { code: "uk", name: "Українська", dir: "ltr", intl: "uk", speech: "uk-UA" },
  { code: "ru", name: "Русский", dir: "ltr", intl: "ru", speech: "ru-RU" },
] as const;

export type Language = (typeof LANGUAGES)[number]["code"];
export const LANGUAGE_CODES = LANGUAGES.map((language) => language.code) as [Language, ...Language[]];
export const DEFAULT_LANGUAGE: Language = "fr";

/** The visitor's choice, for their browser's session (no Max-Age: it ends with the browser, as the visitor's sign-in does). */
export const LANGUAGE_COOKIE = "langue";

/** The page's path, written on each request by proxy.ts and the request gate: a layout cannot read its own. */
export const PAGE_PATH_HEADER = "x-page-path";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGE_CODES as readonly string[]).includes(value);
}

/** A language by its code or by its `intl` locale (what next-intl's getLocale and useLocale give); French otherwise. */
export function languageOf(code: string): (typeof LANGUAGES)[number] {
  return LANGUAGES.find((language) => language.code === code || language.intl === code) ?? LANGUAGES[0];
}

export function directionOf(code: string): "ltr" | "rtl" {
  return languageOf(code).dir;
}

/**
 * The language of a request: the visitor's choice (the cookie) on the person's pages, for anyone but a
 * signed-in member of staff (a partner reading the offer reads French); French everywhere else.
 */
export function languageFor(request: { cookie: string | undefined; path: string | null; staff: boolean }): Language {
  if (!isLanguage(request.cookie) || request.staff || request.path === null || !isPersonPage(request.path)) return DEFAULT_LANGUAGE;
  return request.cookie;
}

/**
 * The person's pages, the only ones that change language (the staff's stay French): the offer in both
 * readings (and an outing's page, where the wish is made), the feedback, the referent, the easy FAQ. The
 * booking form under /offre is a partner's page: a partner always reads French (lib/i18n/choice.ts).
 */
export function isPersonPage(path: string): boolean {
  if (path === "/offre" || path === "/mon-referent" || path === "/faq/facile") return true;
  return path.startsWith("/offre/") && !path.includes("/reserver");
}

/**
 * The catalog's parts the person's pages read, complete in every language (tests/unit/catalog-languages.test.ts).
 * "namespace.part" for one part of a large namespace; any other key falls back to French.
 */
export const PERSON_NAMESPACES = [
  "meta",
  "common",
  "nav.home",
  "nav.howItWorks",
  "nav.faq",
  "nav.offer",
  "nav.referent",
  "nav.activities",
  "nav.becomePartner",
  "nav.visitorEntry",
  "nav.signIn",
  "footer",
  "errors",
  "auth.signOut",
  "validation.required",
  "validation.invalid",
  "validation.tooLong",
  "domainErrors.INVALID_INPUT",
  "domainErrors.NOT_FOUND",
  "domainErrors.ACCESS_DENIED",
  "domainErrors.UNEXPECTED",
  "domainErrors.TOO_MANY_REQUESTS",
  "domainErrors.WISH_LIMIT",
  "domainErrors.WISH_SESSION_LIMIT",
  "domainErrors.FEEDBACK_CODE_UNKNOWN",
  "domainErrors.FEEDBACK_TOO_EARLY",
  "domainErrors.FEEDBACK_THROTTLED",
  "pageTitles.myReferent",
  "pageTitles.eventNeutral",
  "visitor.referentTitle",
  "visitor.referentLead",
  "visitor.phone",
  "visitor.mail",
  "visitor.homeTitle",
  "visitor.homeLead",
  "labels.category",
  "labels.accessibility",
  "labels.quotaPeriod",
  "labels.categoryNoun",
  "offer",
  "event.back",
  "event.venue",
  "event.gettingThere",
  "event.accessibility",
  "event.sessions",
  "event.noSessions",
  "event.placesLeft",
  "event.waitlist",
  "event.quotaRule",
  "event.notOpen",
  "event.closed",
  "event.price",
  "event.buy",
  "event.duration",
  "easy",
  "language",
  "sms.texts",
] as const;

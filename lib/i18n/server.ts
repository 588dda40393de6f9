// Translations and formats for server code (pages, layouts, actions, routes), as next-intl/server gives
// them, but with its caches kept for the life of the process. next-intl keeps them for one request:
// every request compiled each ICU message it used again (intl-messageformat's parser) and built its Intl
// objects again (each message's locale resolved anew). Translating was more than half of the memberships
// page's own rendering at national scale (npm run bench:pages -- --cpu-prof); with the caches kept, the
// 340 calls of a page of that list took 4.1 ms instead of 5.0. Messages and locales do not change while a
// server runs, and what is cached is keyed by the message's text, the locale and the options, so one
// request's compiled message serves the next.
import { cache } from "react";
import { getLocale, getMessages, getTimeZone, type getFormatter as NextGetFormatter, type getTranslations as NextGetTranslations } from "next-intl/server";
import { languageOf, type Language } from "./languages";
import { createFormatter, createTranslator } from "use-intl/core";
import { sharedCaches } from "./shared-caches";

async function requestConfig() {
  const [locale, messages, timeZone] = await Promise.all([getLocale(), getMessages(), getTimeZone()]);
  return { locale, messages, timeZone, ...sharedCaches(locale) };
}

/** next-intl's getTranslations(namespace), once per request and namespace. */
export const getTranslations = cache(async (namespace?: string) => {
  const { locale, messages, timeZone, _cache, _formatters } = await requestConfig();
  return createTranslator({ locale, messages, timeZone, namespace: namespace as never, _cache, _formatters });
}) as unknown as typeof NextGetTranslations;

/** next-intl's getFormatter(), once per request. */
export const getFormatter = cache(async () => {
  const { locale, timeZone, _formatters } = await requestConfig();
  return createFormatter({ locale, timeZone, _formatters });
}) as unknown as typeof NextGetFormatter;

/** The language of this request's page (lib/i18n/languages.ts), from next-intl's locale. */
export const getLanguage = cache(async (): Promise<Language> => languageOf(await getLocale()).code);

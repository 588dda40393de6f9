import { getRequestConfig } from "next-intl/server";
import { TIME_ZONE } from "@/lib/time";
import { messagesFor } from "./catalogs";
import { requestLanguage } from "./choice";
import { languageOf } from "./languages";

// French by default and on the staff's pages; the person's pages in the language they chose (issue 34.1,
// lib/i18n/choice.ts). The locale given to next-intl is the language's `intl` one (Western digits), so
// getLocale() names it: languageOf() turns it back into the language.
export const defaultLocale = "fr";

export default getRequestConfig(async () => {
  const language = await requestLanguage();
  return { locale: languageOf(language).intl, messages: messagesFor(language), timeZone: TIME_ZONE };
});

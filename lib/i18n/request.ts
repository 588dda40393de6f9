import { getRequestConfig } from "next-intl/server";
import { TIME_ZONE } from "@/lib/time";

// French first and only for now; messages live in messages/<locale>/ (one JSON file per part, merged by its index.ts) so another language can follow.
export const defaultLocale = "fr";

export default getRequestConfig(async () => ({
  locale: defaultLocale,
  messages: (await import(`../../messages/${defaultLocale}/index`)).default,
  timeZone: TIME_ZONE,
}));

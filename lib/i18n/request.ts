import { getRequestConfig } from "next-intl/server";

// French first and only for now; messages live in messages/<locale>.json so another language can follow.
export const defaultLocale = "fr";

export default getRequestConfig(async () => ({
  locale: defaultLocale,
  messages: (await import(`../../messages/${defaultLocale}.json`)).default,
  timeZone: "Europe/Paris",
}));

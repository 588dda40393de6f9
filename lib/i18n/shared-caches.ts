// use-intl's caches of compiled messages and Intl objects, one per locale for the life of the process
// (lib/i18n/server.ts tells why): the pages' translators and those of the mails and texts the jobs write
// share them. Without them, each call of a translator compiled its ICU message again.
import { _createCache, _createIntlFormatters } from "use-intl/core";

export interface SharedCaches {
  _cache: ReturnType<typeof _createCache>;
  _formatters: ReturnType<typeof _createIntlFormatters>;
}

const byLocale = new Map<string, SharedCaches>();

/** The caches of `locale`, to spread into createTranslator's or createFormatter's options. */
export function sharedCaches(locale: string): SharedCaches {
  let shared = byLocale.get(locale);
  if (!shared) {
    const cache = _createCache();
    shared = { _cache: cache, _formatters: _createIntlFormatters(cache) };
    byLocale.set(locale, shared);
  }
  return shared;
}

// The language switch of the person's pages (issue 34.1): each language in its own name and script, with
// its own `lang` so that a screen reader says "العربية" with an Arabic voice; the current one pressed. A
// form of buttons: works without JavaScript, and no prefetch can switch it (app/langue/route.ts).
import { IconLanguage } from "@tabler/icons-react";
import { getTranslations } from "@/lib/i18n/server";
import { LANGUAGES, type Language } from "@/lib/i18n/languages";

export async function LanguageSwitch({ path, current }: { path: string; current: Language }) {
  const t = await getTranslations("language");
  return (
    <form method="post" action="/langue" aria-labelledby="langue-titre" className="mx-auto flex max-w-5xl flex-wrap items-center gap-2 px-4 pb-3 sm:px-6">
      <input type="hidden" name="suite" value={path} />
      <span id="langue-titre" className="inline-flex items-center gap-1 font-semibold text-brand-800">
        <IconLanguage size={22} aria-hidden="true" />
        {t("label")}
      </span>
      <ul className="flex flex-wrap gap-2">
        {LANGUAGES.map((language) => (
          <li key={language.code}>
            <button
              type="submit"
              name="langue"
              value={language.code}
              lang={language.code}
              dir={language.dir}
              aria-pressed={language.code === current}
              className="min-h-11 rounded-full border-2 border-brand-700 px-3 py-1 text-base text-brand-800 hover:bg-white aria-pressed:bg-brand-800 aria-pressed:text-white"
            >
              {language.name}
            </button>
          </li>
        ))}
      </ul>
    </form>
  );
}

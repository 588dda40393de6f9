// "Pas besoin de parler français" (issue 34.4): an event one can follow without French says so on its
// card with a pictogram and its words (the picture is decoration, the words are read), in both readings;
// the easy reading offers the filter as one more choice.
import Link from "next/link";
import { IconLanguage } from "@tabler/icons-react";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import type { EventCard } from "@/lib/catalog/search";
import { Pictogram } from "@/components/easy/pictograms";

/** The language's own name in the reader's language ("ukrainien"), or the code when the browser's data lacks it. */
function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export async function FrenchNeedBadge({ event, size = 24 }: { event: Pick<EventCard, "frenchNeed" | "performedIn">; size?: number }) {
  if (event.frenchNeed === "FRENCH") return null;
  const t = await getTranslations("languageNeeds");
  const label =
    event.frenchNeed === "OTHER_LANGUAGE"
      ? t("need.OTHER_LANGUAGE", { language: languageName(event.performedIn ?? "", await getLocale()) })
      : t(`need.${event.frenchNeed}`);
  return (
    <p className="font-semibold text-brand-800">
      <Pictogram icon={IconLanguage} label={label} size={size} />
    </p>
  );
}

/** The easy reading's choice: only the outings one can follow without French, or all of them again. */
export async function WithoutFrenchChoice({ on, href }: { on: boolean; href: (withoutFrench: boolean) => string }) {
  const t = await getTranslations("languageNeeds");
  return (
    <p>
      <Link
        href={href(!on)}
        aria-current={on ? "true" : undefined}
        className={`inline-flex min-h-12 items-center rounded-full border-2 px-4 py-2 text-lg ${on ? "border-brand-800 bg-brand-800 font-bold text-white" : "border-brand-700 text-brand-800 hover:bg-brand-50"}`}
      >
        <Pictogram icon={IconLanguage} label={t(on ? "easyAll" : "easyChoice")} size={28} />
      </Link>
    </p>
  );
}

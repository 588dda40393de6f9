import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { currentActor } from "@/lib/auth/current";
import { navigation, type Audience } from "@/lib/navigation";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { languageSwitchPlace } from "@/lib/i18n/choice";

/** The header, with the navigation of the signed-in role (links only: every page checks again). */
export async function SiteHeader() {
  const t = await getTranslations();
  const actor = await currentActor();
  const audience: Audience = actor.kind === "user" ? actor.role : actor.kind === "visitor" ? "visitor" : "anonymous";
  const items = navigation[audience];
  const switchPlace = await languageSwitchPlace();
  return (
    <header className="border-b border-brand-100 bg-brand-50 print:hidden">
      <a
        href="#contenu"
        className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2"
      >
        {t("common.skipToContent")}
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link href="/" className="flex flex-col leading-tight no-underline">
          <span className="text-lg font-bold text-brand-800">{t("common.siteName")}</span>
          <span className="text-sm text-brand-700">{t("common.association")}</span>
        </Link>
        <nav aria-label={t("common.mainNavigation")}>
          <ul className="flex flex-wrap gap-x-4 gap-y-2 text-base">
            {items.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="rounded px-1 py-2 text-ink underline-offset-4 hover:underline">
                  {t(`nav.${item.label}`)}
                </Link>
              </li>
            ))}
            {audience !== "anonymous" ? (
              <li>
                <SignOutButton label={t("auth.signOut")} />
              </li>
            ) : null}
          </ul>
        </nav>
      </div>
      {switchPlace ? <LanguageSwitch path={switchPlace.path} current={switchPlace.current} /> : null}
    </header>
  );
}

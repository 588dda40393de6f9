import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";

export async function SiteFooter() {
  const t = await getTranslations();
  return (
    <footer className="mt-12 border-t border-brand-100 bg-brand-50 text-sm print:hidden">
      <div className="mx-auto grid max-w-5xl gap-6 px-4 py-8 sm:grid-cols-2 sm:px-6">
        <div className="space-y-2">
          <p>{t("footer.about")}</p>
          <p>
            {t("footer.contact")}{" "}
            <a className="font-medium text-brand-700 underline" href={`mailto:${t("footer.contactEmail")}`}>
              {t("footer.contactEmail")}
            </a>
          </p>
        </div>
        <nav aria-label={t("footer.links")}>
          <h2 className="mb-2 font-semibold">{t("footer.links")}</h2>
          <ul className="space-y-1">
            <li>
              <Link className="underline" href="/comment-ca-marche">
                {t("nav.howItWorks")}
              </Link>
            </li>
            <li>
              <Link className="underline" href="/faq">
                {t("nav.faq")}
              </Link>
            </li>
          </ul>
        </nav>
      </div>
      <p className="pb-6 text-center text-brand-800">{t("footer.copyright", { year: new Date().getFullYear() })}</p>
    </footer>
  );
}

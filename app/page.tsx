import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";

// The home page is the site itself: its name alone, without the template of the other pages.
export async function generateMetadata(): Promise<Metadata> {
  return { title: { absolute: (await getTranslations("meta"))("title") } };
}

export default async function HomePage() {
  const t = await getTranslations("home");
  const partnership = await getTranslations("partnershipRequest");
  const steps = [1, 2, 3] as const;
  const audiences = ["partners", "people", "venues"] as const;
  return (
    <div className="space-y-12">
      <section className="space-y-4">
        {/* The people supported find their way in first, in their words (issue 29.2). */}
        <p className="rounded-lg bg-brand-50 p-4 text-xl">
          {t("personEntry")}{" "}
          <Link href="/code" className="font-semibold text-brand-800 underline">
            {t("personEntryLink")}
          </Link>
        </p>
        <h1 className="text-3xl font-bold text-brand-800 sm:text-4xl">{t("title")}</h1>
        <p className="max-w-3xl text-lg">{t("lead")}</p>
        <p className="flex flex-wrap gap-3">
          <Link href="/comment-ca-marche" className="rounded-md bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800">
            {t("learnMore")}
          </Link>
          <Link href="/faq" className="rounded-md border border-brand-700 px-4 py-3 font-semibold text-brand-800 hover:bg-brand-50">
            {t("readFaq")}
          </Link>
          <Link href="/devenir-partenaire" className="rounded-md border border-brand-700 px-4 py-3 font-semibold text-brand-800 hover:bg-brand-50">
            {partnership("homeLink")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="etapes" className="space-y-4">
        <h2 id="etapes" className="text-2xl font-semibold">
          {t("howTitle")}
        </h2>
        <ol className="grid gap-4 sm:grid-cols-3">
          {steps.map((step) => (
            <li key={step} className="rounded-lg border border-brand-100 p-4">
              <h3 className="mb-2 font-semibold">
                <span aria-hidden="true" className="mr-2 text-brand-700">
                  {step}.
                </span>
                {t(`step${step}Title`)}
              </h3>
              <p>{t(`step${step}Text`)}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="publics" className="space-y-4">
        <h2 id="publics" className="text-2xl font-semibold">
          {t("audiencesTitle")}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-3">
          {audiences.map((audience) => (
            <li key={audience} className="rounded-lg bg-brand-50 p-4">
              <h3 className="mb-2 font-semibold">{t(`${audience}Title`)}</h3>
              <p>{t(`${audience}Text`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

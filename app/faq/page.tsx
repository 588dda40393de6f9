import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("faq");
  return { title: t("title") };
}

const questions = ["what", "who", "people", "browse", "limit", "companions", "noShow", "membership"] as const;

export default async function FaqPage() {
  const t = await getTranslations("faq");
  const partnership = await getTranslations("partnershipRequest");
  return (
    <article className="max-w-3xl space-y-6">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <p className="text-lg">{t("lead")}</p>
        <p>
          <Link href="/faq/facile" className="font-semibold text-brand-800 underline underline-offset-4">
            {t("easyLink")}
          </Link>
        </p>
      </header>
      <div className="space-y-3">
        {questions.map((key) => (
          <details key={key} className="rounded-lg border border-brand-100 p-4 open:bg-brand-50">
            <summary className="cursor-pointer text-lg font-semibold">{t(`items.${key}.q`)}</summary>
            <p className="mt-2">{t(`items.${key}.a`)}</p>
          </details>
        ))}
      </div>
      <p>
        {partnership("faqLead")}{" "}
        <Link href="/devenir-partenaire" className="font-medium text-brand-700 underline">
          {partnership("faqLinkText")}
        </Link>
      </p>
      <p>
        {t("moreQuestions")}{" "}
        <a className="font-medium text-brand-700 underline" href="mailto:equipe@culture-pour-tous.fr">
          equipe@culture-pour-tous.fr
        </a>
      </p>
    </article>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("howItWorks");
  return { title: t("title") };
}

const sections = ["join", "book", "group", "quota", "cancel"] as const;

export default async function HowItWorksPage() {
  const t = await getTranslations("howItWorks");
  return (
    <article className="max-w-3xl space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <p className="text-lg">{t("lead")}</p>
      </header>
      {sections.map((section) => (
        <section key={section} className="space-y-2">
          <h2 className="text-xl font-semibold">{t(`${section}Title`)}</h2>
          <p>{t(`${section}Text`)}</p>
        </section>
      ))}
    </article>
  );
}

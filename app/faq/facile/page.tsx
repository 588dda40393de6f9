// The association's questions for the people supported, in easy-to-read French (issue 16, decision 012):
// one question per box, one idea per line. Public, like the FAQ it comes from.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("easy.faq"))("title") };
}

const QUESTIONS = ["what", "who", "see", "book", "pay", "with", "cancel", "opinion"] as const;

export default async function EasyFaqPage() {
  const t = await getTranslations("easy.faq");
  const lines = (key: string) => t.raw(key) as string[];
  return (
    <article className="max-w-3xl space-y-8 text-xl leading-relaxed">
      <header className="space-y-3">
        <h1 className="text-4xl font-bold text-brand-800">{t("title")}</h1>
        {lines("lead").map((line) => (
          <p key={line}>{line}</p>
        ))}
        <p className="text-lg">
          <Link href="/faq" className="text-brand-800 underline underline-offset-4">
            {t("classic")}
          </Link>
        </p>
      </header>
      {QUESTIONS.map((key) => (
        <section key={key} aria-labelledby={`question-${key}`} className="space-y-2 rounded-2xl border-2 border-brand-100 p-5">
          <h2 id={`question-${key}`} className="text-2xl font-bold">
            {t(`items.${key}.q`)}
          </h2>
          {lines(`items.${key}.a`).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </section>
      ))}
      <div className="space-y-1">
        {lines("contact").map((line) => (
          <p key={line}>{line}</p>
        ))}
        <p>
          <a className="font-semibold text-brand-800 underline" href="mailto:equipe@culture-pour-tous.fr">
            equipe@culture-pour-tous.fr
          </a>
        </p>
      </div>
    </article>
  );
}

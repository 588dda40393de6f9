import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { VisitorForm } from "@/components/auth/sign-in-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { currentActor, homeOf } from "@/lib/auth/current";
import { getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("visitorEntry") };
}

/**
 * The entrance of the people supported (issue 29.2): their own page, linked from the home page and the
 * header, in easy-to-read French, the code field first and focused, instead of a field under the staff's
 * e-mail and password form.
 */
export default async function VisitorEntryPage() {
  const actor = await currentActor();
  if (actor.kind !== "anonymous") redirect(homeOf(actor));
  const t = await getTranslations("easy.entry");
  return (
    <ClientMessages namespaces={["auth", "easy.entry"]}>
      <div className="max-w-xl space-y-6 text-xl leading-relaxed">
        <h1 className="text-4xl font-bold text-brand-800">{t("title")}</h1>
        {(t.raw("lead") as string[]).map((line) => (
          <p key={line}>{line}</p>
        ))}
        <VisitorForm easy autoFocus />
        <p className="border-t border-brand-100 pt-4 text-lg">
          {t("staff")}{" "}
          <Link href="/connexion" className="font-semibold text-brand-800 underline">
            {t("staffLink")}
          </Link>
        </p>
      </div>
    </ClientMessages>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { SignInForm, VisitorForm } from "@/components/auth/sign-in-form";
import { currentActor, homeOf } from "@/lib/auth/current";
import { safeRedirectPath } from "@/lib/http/redirect";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

/** Only paths of this site: a link cannot send someone elsewhere after sign-in. */
const safeNext = (value: string | undefined) => safeRedirectPath(typeof value === "string" ? value : undefined);

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ suite?: string }> }) {
  const { suite } = await searchParams;
  const actor = await currentActor();
  if (actor.kind === "user") redirect(suite ? safeNext(suite) : homeOf(actor));
  if (actor.kind === "visitor") redirect(homeOf(actor));
  const t = await getTranslations("auth");
  return (
    <ClientMessages namespaces={["auth", "easy.entry"]}>
      {/* Two ways in, said first: the people supported have their own entrance (issue 29.2). */}
      <p className="mb-6 rounded-lg bg-brand-50 p-4 text-lg">
        <Link href="/code" className="font-semibold text-brand-800 underline">
          {t("personEntry")}
        </Link>
      </p>
      <div className="grid gap-10 md:grid-cols-2">
        <section aria-labelledby="compte" className="space-y-4">
          <h1 id="compte" className="text-3xl font-bold text-brand-800">
            {t("signInTitle")}
          </h1>
          <p>{t("signInLead")}</p>
          <SignInForm next={safeNext(suite)} />
          <p>
            <Link href="/mot-de-passe-oublie" className="text-brand-800 underline">
              {t("forgotten")}
            </Link>
          </p>
        </section>
        <section aria-labelledby="visiteur" className="space-y-4 rounded-lg bg-brand-50 p-4">
          <h2 id="visiteur" className="text-2xl font-semibold">
            {t("visitorTitle")}
          </h2>
          <p>{t("visitorLead")}</p>
          <VisitorForm />
        </section>
      </div>
    </ClientMessages>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { PrintButton } from "@/components/print-button";
import { requireUser } from "@/lib/auth/current";
import { getVisitorCode } from "@/lib/auth/visitor";
import { appUrl } from "@/lib/http/app-url";
import Link from "next/link";
import { formatVisitorCode } from "@/lib/codes";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("visitorCode") };
}

/** A page to print and pin up: where to go, and the code. */
export default async function VisitorCodePrintPage() {
  const actor = await requireUser("/partenaire/code-visiteur", "PARTNER");
  const { code } = await getVisitorCode(actor, actor.partnerId);
  const t = await getTranslations("visitor");
  const auth = await getTranslations("auth");
  return (
    <div className="space-y-6 text-center">
      <h1 className="text-3xl font-bold">{auth("visitorTitle")}</h1>
      <p className="text-xl">{auth("visitorLead")}</p>
      {/* A long address breaks anywhere rather than widen a phone's page; the code stays big enough to read across a room. */}
      <p className="text-xl wrap-anywhere sm:text-2xl">{appUrl("/connexion")}</p>
      {code ? (
        <>
          <p className="font-mono text-5xl font-bold tracking-widest wrap-anywhere sm:text-6xl">{formatVisitorCode(code)}</p>
          <PrintButton label={t("print")} />
        </>
      ) : (
        // Nothing to print without a code: a poster with "—" sends people to a code that does not exist.
        <p className="text-xl">
          {t("codeNone")}{" "}
          <Link href="/partenaire#code" className="font-semibold text-brand-800 underline">
            {t("createFirst")}
          </Link>
        </p>
      )}
    </div>
  );
}

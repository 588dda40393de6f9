import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { SimpleForm } from "@/components/auth/simple-form";
import { peekToken } from "@/lib/auth/tokens";
import { choosePasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("choosePassword"), referrer: "no-referrer" };
}

export default async function ChoosePasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth");
  const valid = await peekToken(token);
  const signIn = (
    <Link href="/connexion" className="font-semibold text-brand-800 underline">
      {t("backToSignIn")}
    </Link>
  );
  if (!valid) {
    return (
      <div className="max-w-xl space-y-4">
        <h1 className="text-3xl font-bold text-brand-800">{t("chooseTitle")}</h1>
        <p role="alert">{t("linkInvalid")}</p>
        <p>
          <Link href="/mot-de-passe-oublie" className="text-brand-800 underline">
            {t("forgotten")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-3xl font-bold text-brand-800">{t("chooseTitle")}</h1>
      <p>{t("chooseLead", { email: valid.email })}</p>
      <SimpleForm
        action={choosePasswordAction}
        hidden={{ token }}
        fields={[
          { name: "password", label: t("newPassword"), type: "password", autoComplete: "new-password" },
          { name: "confirm", label: t("confirmPassword"), type: "password", autoComplete: "new-password" },
        ]}
        submit={t("chooseSubmit")}
        done={signIn}
      />
    </div>
  );
}

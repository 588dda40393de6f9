import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { SimpleForm } from "@/components/auth/simple-form";
import { requestResetAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("forgotPassword") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth");
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-3xl font-bold text-brand-800">{t("forgotTitle")}</h1>
      <p>{t("forgotLead")}</p>
      <SimpleForm
        action={requestResetAction}
        fields={[{ name: "email", label: t("email"), type: "email", autoComplete: "email" }]}
        submit={t("forgotSubmit")}
        done={null}
      />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";
import { SECTORS } from "@/lib/association/partnership";
import { requestPartnershipAction } from "./actions";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("partnershipRequest");
  return { title: t("title"), description: t("metaDescription") };
}

const steps = ["write", "meet", "sign", "account", "book"] as const;

export default async function PartnershipRequestPage() {
  const t = await getTranslations("partnershipRequest");
  const labels = await getTranslations("associationLabels");
  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES]}>
      <article className="max-w-3xl space-y-8">
        <header className="space-y-3">
          <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
          <p className="text-lg">{t("lead")}</p>
        </header>

        <section aria-labelledby="deroulement" className="space-y-3">
          <h2 id="deroulement" className="text-2xl font-semibold">
            {t("stepsTitle")}
          </h2>
          <ol className="list-decimal space-y-2 pl-6">
            {steps.map((step) => (
              <li key={step}>{t(`steps.${step}`)}</li>
            ))}
          </ol>
          <p>{t("membership")}</p>
          <p>
            {t("questions")}{" "}
            <Link href="/faq" className="font-medium text-brand-700 underline">
              {t("faqLink")}
            </Link>
          </p>
        </section>

        <section aria-labelledby="demande" className="space-y-4 rounded-lg bg-brand-50 p-4 sm:p-6">
          <h2 id="demande" className="text-2xl font-semibold">
            {t("formTitle")}
          </h2>
          <p>{t("required")}</p>
          <ActionForm action={requestPartnershipAction} submit={t("submit")} resetOnSuccess className="space-y-4">
            <fieldset className="space-y-3">
              <legend className="text-lg font-semibold">{t("structureLegend")}</legend>
              <TextField name="structureName" label={t("fields.structureName")} required />
              <div className="grid gap-3 sm:grid-cols-2">
                <SelectField
                  name="sector"
                  label={t("fields.sector")}
                  defaultValue=""
                  options={[["", t("fields.chooseSector")], ...SECTORS.map((sector): [string, string] => [sector, labels(`sector.${sector}`)])]}
                />
                <TextField name="city" label={t("fields.city")} required />
              </div>
            </fieldset>
            <fieldset className="space-y-3">
              <legend className="text-lg font-semibold">{t("contactLegend")}</legend>
              <div className="grid gap-3 sm:grid-cols-2">
                <TextField name="contactName" label={t("fields.contactName")} required />
                <TextField name="contactRole" label={t("fields.contactRole")} />
                <TextField name="email" type="email" label={t("fields.email")} required />
                <TextField name="phone" type="tel" label={t("fields.phone")} />
              </div>
              <TextField name="message" label={t("fields.message")} multiline />
            </fieldset>
            {/* Hidden from people and assistive technologies; robots fill it and are ignored. */}
            <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
              <label htmlFor="partnership-website">{t("fields.website")}</label>
              <input id="partnership-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
            </div>
            <p className="text-sm">{t("privacy")}</p>
          </ActionForm>
        </section>
      </article>
    </ClientMessages>
  );
}

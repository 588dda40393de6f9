"use client";

// The person's mobile number and their consent to texts about their outings (issue 30, decision 015):
// recorded by the referent with the box ticked, shown in full to the structure's referents only, and
// erased when the consent is withdrawn. Without the box nothing is kept (lib/sms/consent.ts refuses it).
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import type { ActionState } from "@/lib/actions/state";

type Save = (state: ActionState, data: FormData) => Promise<ActionState>;

export interface ShownMobile {
  number: string;
  /** Already in words (lib/format/dates on the server). */
  consentAt: string;
  consentBy: string | null;
}

export function PersonMobileForm({ personId, mobile, record, withdraw }: { personId: string; mobile: ShownMobile | null; record: Save; withdraw: Save }) {
  const t = useTranslations("sms.consent");
  return (
    <div className="space-y-4">
      {mobile ? (
        <div className="space-y-2 rounded-lg bg-brand-50 p-4">
          <p className="text-lg font-semibold">{mobile.number}</p>
          <p>{t("recorded", { date: mobile.consentAt, by: mobile.consentBy ?? "—" })}</p>
          <ActionForm action={withdraw} submit={t("withdraw")} danger className="">
            <input type="hidden" name="personId" value={personId} />
          </ActionForm>
        </div>
      ) : (
        <p>{t("none")}</p>
      )}
      <ActionForm action={record} submit={mobile ? t("replace") : t("save")}>
        <input type="hidden" name="personId" value={personId} />
        <TextField name="number" type="tel" label={t("number")} hint={t("numberHelp")} required />
        <label className="flex items-start gap-2">
          <input type="checkbox" name="consent" required className="mt-1 h-5 w-5" />
          {t("agreed")}
        </label>
      </ActionForm>
    </div>
  );
}

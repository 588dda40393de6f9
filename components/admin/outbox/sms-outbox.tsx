"use client";

// /admin/courriels, "SMS" (issue 30, decision 015): what left for the people, numbers masked (the
// association reads what was sent, not whom to call), "Envoyer à nouveau" for a text that failed every
// attempt, a banner when texts wait for the month's budget, and the reminder's hour and the budget.
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import { EmptyPageNotice } from "@/components/empty-page-notice";
import type { ActionState } from "@/lib/actions/state";

type Save = (state: ActionState, data: FormData) => Promise<ActionState>;

export interface ShownText {
  id: string;
  kind: string;
  to: string;
  text: string;
  encoding: string;
  segments: number;
  status: string;
  /** Already in words (lib/format/dates on the server). */
  createdAt: string;
  error: string | null;
}

export function SmsOutbox({
  texts,
  waiting,
  settings,
  resend,
  saveSettings,
}: {
  texts: ShownText[];
  waiting: number;
  settings: { reminderHour: number; monthlyBudget: number | null };
  resend: Save;
  saveSettings: Save;
}) {
  const t = useTranslations("sms.outbox");
  return (
    <div className="space-y-4">
      {waiting > 0 ? (
        <p role="status" className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 font-semibold text-red-900">
          {t("budgetSpent", { count: waiting })}
        </p>
      ) : null}
      {texts.length === 0 ? (
        <EmptyPageNotice>{t("empty")}</EmptyPageNotice>
      ) : (
        <ul className="space-y-4">
          {texts.map((sms) => (
            <li key={sms.id} className="rounded-lg border border-brand-100 p-4">
              <p className="text-sm">
                {sms.createdAt}
                {sms.to ? ` · ${t("to")} ${sms.to}` : ""} · {t(`status.${sms.status}`)} · {t("segments", { segments: sms.segments, encoding: sms.encoding })}
              </p>
              <h3 className="font-semibold">{t(`kinds.${sms.kind}`)}</h3>
              {sms.error ? <p className="text-sm text-red-800">{sms.error}</p> : null}
              <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-sm">{sms.text}</pre>
              {sms.status === "FAILED" ? (
                <ActionForm action={resend} submit={t("resend")} className="mt-2 space-y-2">
                  <input type="hidden" name="smsId" value={sms.id} />
                </ActionForm>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="reglages-sms" className="space-y-3">
        <h3 id="reglages-sms" className="text-xl font-semibold">
          {t("settings")}
        </h3>
        <ActionForm action={saveSettings} submit={t("save")}>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField name="reminderHour" type="number" label={t("reminderHour")} defaultValue={settings.reminderHour} required />
            <TextField name="monthlyBudget" type="number" label={t("monthlyBudget")} defaultValue={settings.monthlyBudget} />
          </div>
        </ActionForm>
      </section>
    </div>
  );
}

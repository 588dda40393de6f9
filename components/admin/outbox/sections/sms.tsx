// /admin/courriels, "SMS": the texts' outbox beside the mails' (lib/sms/outbox.ts, for the association only).
import { getTranslations } from "@/lib/i18n/server";
import type { ActionState } from "@/lib/actions/state";
import type { Actor } from "@/lib/auth/actor";
import { formatMoment } from "@/lib/format/dates";
import { listTexts } from "@/lib/sms/outbox";
import { SmsOutbox } from "@/components/admin/outbox/sms-outbox";

type Save = (state: ActionState, data: FormData) => Promise<ActionState>;

export async function SmsSection({ actor, page, resend, saveSettings }: { actor: Actor; page: number; resend: Save; saveSettings: Save }) {
  const { texts, waiting, settings } = await listTexts(actor, { page });
  const t = await getTranslations("sms.outbox");
  return (
    <section aria-labelledby="sms" className="space-y-4">
      <h2 id="sms" className="text-2xl font-semibold">
        {t("title")}
      </h2>
      <SmsOutbox
        texts={texts.map((sms) => ({ ...sms, createdAt: formatMoment(sms.createdAt) }))}
        waiting={waiting}
        settings={settings}
        resend={resend}
        saveSettings={saveSettings}
      />
    </section>
  );
}

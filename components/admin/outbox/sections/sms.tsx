// /admin/courriels, "SMS": the texts' outbox beside the mails' (lib/sms/outbox.ts, for the association only).
import { getTranslations } from "@/lib/i18n/server";
import type { ActionState } from "@/lib/actions/state";
import type { Actor } from "@/lib/auth/actor";
import { formatMoment } from "@/lib/format/dates";
import { listTexts } from "@/lib/sms/outbox";
import { SmsOutbox } from "@/components/admin/outbox/sms-outbox";
import { Pagination } from "@/components/pagination";

type Save = (state: ActionState, data: FormData) => Promise<ActionState>;

/**
 * `page` is the texts' own page (`sms` in the URL, 20 a page); `params` what the URL keeps beside it (the
 * mails' filters and page), so that turning the texts' pages leaves the mails' list as it was.
 */
export async function SmsSection({
  actor,
  page,
  params,
  resend,
  saveSettings,
}: {
  actor: Actor;
  page: number;
  params: Record<string, string | number | undefined>;
  resend: Save;
  saveSettings: Save;
}) {
  const { texts, waiting, settings, total, pageCount } = await listTexts(actor, { page });
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
      <Pagination path="/admin/courriels" params={params} pageKey="sms" fragment="sms" page={Math.min(page, pageCount)} pageCount={pageCount} total={total} />
    </section>
  );
}

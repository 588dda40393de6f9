import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { requireUser } from "@/lib/auth/current";
import { formatMoment } from "@/lib/format/dates";
import { platformState } from "@/lib/association/platform-state";
import { JobsSection } from "@/components/association/platform-state/sections/jobs";
import { RetentionSection } from "@/components/association/platform-state/sections/retention";
import { StatisticsSection } from "@/components/association/platform-state/sections/statistics";
import { MailsSection } from "@/components/association/platform-state/sections/mails";
import { SystemSection } from "@/components/association/platform-state/sections/system";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("platformState") };
}

/** "État de la plateforme" (issue 31.3): what runs, in words, for the association. */
export default async function PlatformStatePage() {
  const actor = await requireUser("/admin/etat", "ADMIN");
  const now = new Date();
  const state = await platformState(actor, { now });
  const t = await getTranslations("platformState");
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
      <p>{t("lead")}</p>
      <p className="text-sm">{t("checkedAt", { date: formatMoment(now) })}</p>
      <JobsSection jobs={state.jobs} />
      <MailsSection mails={state.mails} />
      <RetentionSection retention={state.retention} />
      <StatisticsSection statistics={state.statistics} />
      <SystemSection database={state.database} version={state.version} />
    </div>
  );
}

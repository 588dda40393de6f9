import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { requireUser } from "@/lib/auth/current";
import { formatMoment } from "@/lib/format/dates";
import { retentionReport } from "@/lib/retention";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("retention") };
}

export default async function RetentionPage() {
  const actor = await requireUser("/admin/donnees-personnelles", "ADMIN");
  const { policy, lastRun } = await retentionReport(actor);
  const t = await getTranslations("retention");
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
      <p>{t("lead")}</p>
      <ul className="list-disc space-y-1 pl-6">
        <li>{t("guestNames", { months: policy.guestNamesMonths })}</li>
        <li>{t("archivedPeople", { months: policy.archivedPeopleMonths })}</li>
        <li>{t("mailBodies", { days: policy.mailBodyDays })}</li>
        <li>{t("activityRegistrations", { days: policy.activityRegistrationDays })}</li>
        <li>{t("signInAttempts")}</li>
      </ul>
      <section className="rounded-lg bg-brand-50 p-4">
        {lastRun ? (
          <>
            <p className="font-semibold">{t("lastRun", { date: formatMoment(lastRun.at) })}</p>
            <p>
              {t("counts", {
                ...lastRun.counts,
                activityRegistrationsErased: lastRun.counts.activityRegistrationsErased ?? 0,
                applicationGuestsErased: lastRun.counts.applicationGuestsErased ?? 0,
                activityMailsErased: lastRun.counts.activityMailsErased ?? 0,
              })}
            </p>
          </>
        ) : (
          <p>{t("never")}</p>
        )}
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/current";
import { retentionReport } from "@/lib/retention";

export const metadata: Metadata = { title: "Données personnelles" };

export default async function RetentionPage() {
  const actor = await requireUser("/admin/donnees-personnelles", "ADMIN");
  const { policy, lastRun } = await retentionReport(actor);
  const t = await getTranslations("retention");
  const format = await getFormatter();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
      <p>{t("lead")}</p>
      <ul className="list-disc space-y-1 pl-6">
        <li>{t("guestNames", { months: policy.guestNamesMonths })}</li>
        <li>{t("archivedPeople", { months: policy.archivedPeopleMonths })}</li>
        <li>{t("mailBodies", { days: policy.mailBodyDays })}</li>
        <li>{t("signInAttempts")}</li>
      </ul>
      <section className="rounded-lg bg-brand-50 p-4">
        {lastRun ? (
          <>
            <p className="font-semibold">{t("lastRun", { date: format.dateTime(lastRun.at, { dateStyle: "full", timeStyle: "short" }) })}</p>
            <p>{t("counts", { ...lastRun.counts })}</p>
          </>
        ) : (
          <p>{t("never")}</p>
        )}
      </section>
    </div>
  );
}

// Two sections of the association's statistics page (/admin/statistiques): the season's summary beside the
// period before (no comparison where that period has no data: issue 29.11), and the fairness of its draws.
import { getTranslations } from "@/lib/i18n/server";
import { ScrollTable } from "@/components/scroll-table";
import { FigureTable } from "@/components/stats/figure-table";
import type { Figures } from "@/lib/stats/figures";
import type { drawFairness } from "@/lib/stats/draws";
import { changeInWords, shown, SUMMARY_LINES } from "@/lib/stats/tables";

export async function SummarySection({ current, previous, after }: { current: Figures; previous: Figures | null; after: React.ReactNode }) {
  const t = await getTranslations("statistics");
  return (
    <section aria-labelledby="bilan" className="space-y-3">
      <h2 id="bilan" className="text-2xl font-semibold">
        {t("summaryTitle")}
      </h2>
      <ScrollTable label={`${t("summaryTitle")} — ${t("scrollLabel")}`}>
        <FigureTable
          caption={t("summaryCaption")}
          head={t("figureColumn")}
          columns={
            previous ? [{ label: t("thisPeriod") }, { label: t("previousPeriod") }, { label: t("changeColumn"), text: true }] : [{ label: t("thisPeriod") }]
          }
          rows={SUMMARY_LINES.map((name) => ({
            key: name,
            label: t(`figures.${name}`),
            cells: previous
              ? [shown(name, current[name] ?? 0), shown(name, previous[name]), changeInWords(t, current[name], previous[name])]
              : [shown(name, current[name] ?? 0)],
          }))}
          strongFirst
          minWidth="min-w-[36rem]"
        />
      </ScrollTable>
      {after}
    </section>
  );
}

export async function DrawFairness({ draws }: { draws: NonNullable<Awaited<ReturnType<typeof drawFairness>>> }) {
  const t = await getTranslations("statistics");
  return (
    <section aria-labelledby="tirages" className="space-y-2">
      <h2 id="tirages" className="text-2xl font-semibold">
        {t("draws.title")}
      </h2>
      <p>{t("draws.lead", { sessions: draws.sessions, applications: draws.applications, structures: draws.structures })}</p>
      <ul className="list-disc space-y-1 pl-6">
        <li>{t("draws.served", { share: Math.round(draws.served * 100) })}</li>
        <li>{t("draws.gini", { gini: draws.gini.toFixed(2) })}</li>
      </ul>
    </section>
  );
}

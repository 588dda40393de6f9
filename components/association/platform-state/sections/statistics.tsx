// When the statistics' figures were last computed (the "stats-refresh" job, every quarter of an hour).
import { getTranslations } from "@/lib/i18n/server";
import { formatMoment } from "@/lib/format/dates";
import type { PlatformState } from "@/lib/association/platform-state";
import { Fact } from "./fact";

export async function StatisticsSection({ statistics }: { statistics: PlatformState["statistics"] }) {
  const t = await getTranslations("platformState.statistics");
  return (
    <Fact id="statistiques" title={t("title")} level={statistics.level} todo={statistics.level === "attention" ? t("todo") : undefined}>
      <p>{t("what")}</p>
      <p>{statistics.refreshedAt ? t("refreshedAt", { date: formatMoment(statistics.refreshedAt) }) : t("never")}</p>
    </Fact>
  );
}

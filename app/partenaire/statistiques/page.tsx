import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { Breakdown } from "@/components/stats/breakdown";
import { ExportLink } from "@/components/stats/export-link";
import { KeyFigures } from "@/components/stats/key-figures";
import { SeasonPicker } from "@/components/stats/season-picker";
import { requireUser } from "@/lib/auth/current";
import { partnerStatistics, sideSeason } from "@/lib/stats/sides";
import { monthLabel, PARTNER_COLUMNS, PARTNER_SUMMARY, PARTNER_TABLES, rowsOf, totalOf } from "@/lib/stats/tables";
import { seasonLabel } from "@/lib/time";
import { EmptyPageNotice } from "@/components/empty-page-notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("partnerStatistics") };
}

const PATH = "/partenaire/statistiques";

export default async function PartnerStatisticsPage({ searchParams }: { searchParams: Promise<{ saison?: string }> }) {
  const actor = await requireUser("/partenaire/statistiques", "PARTNER");
  if (actor.kind !== "user" || !actor.partnerId) return null;
  const query = await searchParams;
  const now = new Date();
  const { season, current, seasons } = sideSeason(query.saison, now);
  const { rows, previous } = await partnerStatistics(actor, actor.partnerId, season, { now });
  const t = await getTranslations("statistics");
  const labels = await getTranslations("labels");
  const total = totalOf(rows)!;
  const months = rowsOf(rows, "month");
  const categories = rowsOf(rows, "category");
  const exportHref = (table: (typeof PARTNER_TABLES)[number]) => `${PATH}/export?saison=${season}&table=${table}`;
  const exportAfter = (table: "mois" | "categories") => (
    <p className="print:hidden">
      <ExportLink href={exportHref(table)} label={t("exportCsv")} table={t(`tables.${table}`)} />
    </p>
  );
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-800">
          {t("partnerTitle")} · <span className="whitespace-nowrap">{seasonLabel(season)}</span>
        </h1>
        <p>{t("partnerLead")}</p>
        <p className="text-sm">{t("comparedSeason", { label: seasonLabel(season - 1) })}</p>
      </header>
      <SeasonPicker action={PATH} seasons={seasons} season={season} current={current} />
      {total.requested === 0 ? (
        <EmptyPageNotice>{t("empty")}</EmptyPageNotice>
      ) : (
        <>
          <section aria-labelledby="essentiel" className="space-y-3">
            <h2 id="essentiel" className="text-2xl font-semibold">
              {t("keyFigures")}
            </h2>
            <KeyFigures names={PARTNER_SUMMARY} current={total} previous={previous} />
            <p className="print:hidden">
              <ExportLink href={exportHref("bilan")} label={t("exportCsv")} table={t("tables.bilan")} />
            </p>
          </section>
          <Breakdown
            id="mois"
            title={t("tables.mois")}
            caption={`${t("tables.mois")} — ${seasonLabel(season)}`}
            keyColumn={t("keyColumn.mois")}
            columns={PARTNER_COLUMNS}
            rows={months.map((row) => ({ key: row.key, label: monthLabel(row.key), figures: row }))}
            after={exportAfter("mois")}
          />
          <Breakdown
            id="categories"
            title={t("tables.categories")}
            caption={`${t("tables.categories")} — ${seasonLabel(season)}`}
            keyColumn={t("keyColumn.categories")}
            columns={PARTNER_COLUMNS}
            horizontal
            rows={categories.map((row) => ({ key: row.key, label: labels(`category.${row.key}` as "category.THEATRE"), figures: row }))}
            after={exportAfter("categories")}
          />
        </>
      )}
    </div>
  );
}

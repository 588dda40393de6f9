import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Breakdown } from "@/components/stats/breakdown";
import { KeyFigures } from "@/components/stats/key-figures";
import { SeasonPicker } from "@/components/stats/season-picker";
import { requireUser } from "@/lib/auth/current";
import { partnerStatistics } from "@/lib/stats/sides";
import { monthLabel, rowsOf, totalOf } from "@/lib/stats/tables";
import { seasonLabel, seasonOf } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("partnerStatistics") };
}

const SEASONS_BACK = 4;
const COLUMNS = ["requested", "confirmed", "attended", "noShows", "people", "companions"] as const;

export default async function PartnerStatisticsPage({ searchParams }: { searchParams: Promise<{ saison?: string }> }) {
  const actor = await requireUser("/partenaire/statistiques", "PARTNER");
  if (actor.kind !== "user" || !actor.partnerId) return null;
  const query = await searchParams;
  const now = new Date();
  const current = seasonOf(now);
  const asked = Number(query.saison);
  const season = Number.isInteger(asked) && asked <= current && asked > current - SEASONS_BACK ? asked : current;
  const { rows, previous } = await partnerStatistics(actor, actor.partnerId, season, { now });
  const t = await getTranslations("statistics");
  const labels = await getTranslations("labels");
  const total = totalOf(rows)!;
  const months = rowsOf(rows, "month");
  const categories = rowsOf(rows, "category");
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-800">
          {t("partnerTitle")} · <span className="whitespace-nowrap">{seasonLabel(season)}</span>
        </h1>
        <p>{t("partnerLead")}</p>
        <p className="text-sm">{t("comparedSeason", { label: seasonLabel(season - 1) })}</p>
      </header>
      <SeasonPicker action="/partenaire/statistiques" seasons={Array.from({ length: SEASONS_BACK }, (_, n) => current - n)} season={season} current={current} />
      {total.requested === 0 ? (
        <p className="rounded-lg bg-brand-50 p-4">{t("empty")}</p>
      ) : (
        <>
          <section aria-labelledby="essentiel" className="space-y-3">
            <h2 id="essentiel" className="text-2xl font-semibold">
              {t("keyFigures")}
            </h2>
            <KeyFigures names={["confirmed", "attended", "noShows", "people", "companions", "cancelledByPartner"]} current={total} previous={previous} />
          </section>
          <Breakdown
            id="mois"
            title={t("tables.mois")}
            caption={`${t("tables.mois")} — ${seasonLabel(season)}`}
            keyColumn={t("keyColumn.mois")}
            columns={[...COLUMNS]}
            rows={months.map((row) => ({ key: row.key, label: monthLabel(row.key), figures: row }))}
          />
          <Breakdown
            id="categories"
            title={t("tables.categories")}
            caption={`${t("tables.categories")} — ${seasonLabel(season)}`}
            keyColumn={t("keyColumn.categories")}
            columns={[...COLUMNS]}
            horizontal
            rows={categories.map((row) => ({ key: row.key, label: labels(`category.${row.key}` as "category.THEATRE"), figures: row }))}
          />
        </>
      )}
    </div>
  );
}

// The partner structures by onboarding stage: the count of each stage (links that filter), the list as a
// table and the board by stage. Server components; the page fetches, these only render.
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { listHref } from "@/components/pagination";
import { SortableHeader } from "@/components/sortable-header";
import { STAGES_IN_ORDER, type Stage } from "@/lib/association/onboarding";
import type { Sort } from "@/lib/lists";
import { STRUCTURE_SORTS, STRUCTURE_WORDS, type StructureRow, type StructureSort } from "@/lib/association/structures";
import { formatDay } from "@/lib/format/dates";
import { seasonLabel } from "@/lib/time";
import { ConventionState } from "./convention-state";
import { ScrollTable } from "@/components/scroll-table";

type Params = Record<string, string | undefined>;

export async function StageCounts({ counts, params, current }: { counts: Record<Stage, number>; params: Params; current?: Stage }) {
  const t = await getTranslations("structuresAdmin");
  const labels = await getTranslations("associationLabels");
  const item = "block rounded-md border px-3 py-2 text-sm";
  return (
    <nav aria-label={t("stages.label")}>
      <ol className="flex flex-wrap gap-2">
        <li>
          <Link
            href={listHref("/admin/structures", { ...params, [STRUCTURE_WORDS.stage]: undefined })}
            aria-current={current ? undefined : "page"}
            className={`${item} ${current ? "border-brand-100" : "border-brand-700 bg-brand-50 font-semibold"}`}
          >
            {t("stages.all")}
          </Link>
        </li>
        {STAGES_IN_ORDER.map((stage) => (
          <li key={stage}>
            <Link
              href={listHref("/admin/structures", { ...params, [STRUCTURE_WORDS.stage]: stage })}
              aria-current={current === stage ? "page" : undefined}
              className={`${item} ${current === stage ? "border-brand-700 bg-brand-50 font-semibold" : "border-brand-100"}`}
            >
              {t("stages.count", { stage: labels(`stage.${stage}`), count: counts[stage] })}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The table of the list; the headers of the name, the step and the convention sort it (the filters kept). */
export async function StructureTable({
  rows,
  total,
  season,
  sort,
  params,
}: {
  rows: StructureRow[];
  total: number;
  season: number;
  sort: Sort<StructureSort>;
  params: Params;
}) {
  const t = await getTranslations("structuresAdmin");
  const labels = await getTranslations("associationLabels");
  const cell = "px-3 py-2 align-top";
  return (
    <ScrollTable label={t("table.scroll")} className="rounded-lg border border-brand-100">
      <table className="w-full min-w-[48rem] border-collapse text-left">
        <caption className="sr-only">{t("table.caption", { total })}</caption>
        <thead className="bg-brand-50">
          <tr>
            <SortableHeader
              column="name"
              label={t("table.name")}
              path="/admin/structures"
              params={params}
              columns={STRUCTURE_SORTS}
              sortWords={STRUCTURE_WORDS.sort.values}
              sort={sort}
              className={cell}
            />
            <th scope="col" className={cell}>
              {t("table.sector")}
            </th>
            <SortableHeader
              column="stage"
              label={t("table.stage")}
              path="/admin/structures"
              params={params}
              columns={STRUCTURE_SORTS}
              sortWords={STRUCTURE_WORDS.sort.values}
              sort={sort}
              className={cell}
            />
            <SortableHeader
              column="convention"
              label={t("table.convention")}
              path="/admin/structures"
              params={params}
              columns={STRUCTURE_SORTS}
              sortWords={STRUCTURE_WORDS.sort.values}
              sort={sort}
              className={cell}
            />
            <th scope="col" className={cell}>
              {t("table.membership", { season: seasonLabel(season) })}
            </th>
            <th scope="col" className={cell}>
              {t("table.referents")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-brand-100">
              <th scope="row" className={`${cell} font-normal`}>
                <Link href={`/admin/structures/${row.id}`} className="font-semibold text-brand-800 underline underline-offset-2">
                  {row.name}
                </Link>
                {row.city ? <span className="block text-sm">{row.city}</span> : null}
              </th>
              <td className={cell}>{labels(`sector.${row.sector}`)}</td>
              <td className={cell}>
                {row.stage ? labels(`stage.${row.stage}`) : t("noStep")}
                {row.stageAt ? <span className="block text-sm">{t("since", { date: formatDay(row.stageAt) })}</span> : null}
              </td>
              <td className={cell}>
                <ConventionState until={row.conventionUntil} valid={row.conventionValid} />
              </td>
              <td className={cell}>{row.membership ? labels(`membership.${row.membership}`) : t("membershipNone")}</td>
              <td className={cell}>{row.referents}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

export async function StructureBoard({ board, only }: { board: Record<Stage, StructureRow[]>; only?: Stage }) {
  const t = await getTranslations("structuresAdmin");
  const labels = await getTranslations("associationLabels");
  const stages = only ? [only] : STAGES_IN_ORDER;
  return (
    <div className="grid items-start gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {stages.map((stage) => (
        <section key={stage} aria-labelledby={`colonne-${stage}`} className="space-y-2 rounded-lg border border-brand-100 bg-brand-50 p-3">
          <h3 id={`colonne-${stage}`} className="font-semibold">
            {t("board.column", { stage: labels(`stage.${stage}`), count: board[stage].length })}
          </h3>
          {board[stage].length === 0 ? (
            <p className="text-sm">{t("board.empty")}</p>
          ) : (
            <ul className="space-y-2">
              {board[stage].map((row) => (
                <li key={row.id} className="rounded-md border border-brand-100 bg-white p-3 text-sm">
                  <Link href={`/admin/structures/${row.id}`} className="text-base font-semibold text-brand-800 underline underline-offset-2">
                    {row.name}
                  </Link>
                  <p>{[labels(`sector.${row.sector}`), row.city].filter(Boolean).join(" · ")}</p>
                  {row.stageAt ? <p>{t("since", { date: formatDay(row.stageAt) })}</p> : null}
                  <p>
                    {t("board.convention")} <ConventionState until={row.conventionUntil} valid={row.conventionValid} />
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

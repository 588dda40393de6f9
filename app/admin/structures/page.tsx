import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { StageCounts, StructureBoard, StructureTable } from "@/components/association/structures/structure-list";
import { SelectField, TextField } from "@/components/forms/fields";
import { listHref, Pagination } from "@/components/pagination";
import { STAGES, STAGES_IN_ORDER, type Stage } from "@/lib/association/onboarding";
import { SECTORS } from "@/lib/association/partnership";
import { sortOf, urlParams } from "@/lib/lists";
import { listStructures, readStructureFilters, STRUCTURE_SORTS, STRUCTURE_WORDS as WORDS, structureBoard } from "@/lib/association/structures";
import { requireUser } from "@/lib/auth/current";
import { seasonOf } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("structures") };
}

const SORTS = Object.keys(STRUCTURE_SORTS) as (keyof typeof STRUCTURE_SORTS)[];
const button = "rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50";

export default async function StructuresPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUser("/admin/structures", "ADMIN");
  const query = await searchParams;
  const filters = readStructureFilters(query);
  const board = query.vue === "tableau";
  const t = await getTranslations("structuresAdmin");
  const labels = await getTranslations("associationLabels");
  const now = new Date();

  // What the links of the page keep, in the URL's words: the filters, the order and the view.
  const kept = urlParams(WORDS, { ...filters, page: undefined });
  const params = { ...kept, vue: board ? "tableau" : undefined };
  const filtered = Boolean(filters.stage || filters.sector || filters.text);
  const exportHref = listHref("/admin/structures/export", kept);
  const sort = sortOf(STRUCTURE_SORTS, "recent", filters.sort, filters.direction);
  const sortWord = (column: keyof typeof STRUCTURE_SORTS) => WORDS.sort.values[column];

  // The board shows every step's column (or the one asked for); its counts are its columns.
  const [list, columns] = board
    ? [null, await structureBoard(actor, { ...filters, stage: undefined }, { now })]
    : [await listStructures(actor, filters, { now }), null];
  const counts = columns ? (Object.fromEntries(STAGES.map((stage) => [stage, columns[stage].length])) as Record<Stage, number>) : list!.counts;
  const total = columns ? (filters.stage ? counts[filters.stage] : Object.values(counts).reduce((a, b) => a + b, 0)) : list!.total;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <p>{t("lead")}</p>
      </header>

      <nav aria-label={t("views.label")} className="flex flex-wrap gap-2">
        {[false, true].map((isBoard) => (
          <Link
            key={String(isBoard)}
            href={listHref("/admin/structures", { ...params, vue: isBoard ? "tableau" : undefined, page: undefined })}
            aria-current={isBoard === board ? "page" : undefined}
            className={`rounded-md border px-4 py-2 font-semibold ${isBoard === board ? "border-brand-700 bg-brand-700 text-white" : "border-brand-700 text-brand-800 hover:bg-brand-50"}`}
          >
            {isBoard ? t("views.board") : t("views.list")}
          </Link>
        ))}
      </nav>

      <section aria-labelledby="filtres" className="space-y-3 rounded-lg border border-brand-100 p-4">
        <h2 id="filtres" className="text-xl font-semibold">
          {t("filters.title")}
        </h2>
        <form key={JSON.stringify(params)} method="get" action="/admin/structures" role="search" aria-labelledby="filtres" className="space-y-3">
          {board ? <input type="hidden" name="vue" value="tableau" /> : null}
          <div className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <TextField name={WORDS.text} type="search" label={t("filters.search")} defaultValue={filters.text} />
            <SelectField
              name={WORDS.stage}
              label={t("filters.stage")}
              defaultValue={filters.stage ?? ""}
              options={[["", t("filters.allStages")], ...STAGES_IN_ORDER.map((stage): [string, string] => [stage, labels(`stage.${stage}`)])]}
            />
            <SelectField
              name={WORDS.sector}
              label={t("filters.sector")}
              defaultValue={filters.sector ?? ""}
              options={[["", t("filters.allSectors")], ...SECTORS.map((sector): [string, string] => [sector, labels(`sector.${sector}`)])]}
            />
            {board ? (
              filters.sort ? (
                <input type="hidden" name={WORDS.sort.word} value={sortWord(filters.sort)} />
              ) : null
            ) : (
              <SelectField
                name={WORDS.sort.word}
                label={t("filters.sort")}
                defaultValue={sortWord(filters.sort ?? "recent")}
                options={SORTS.map((key): [string, string] => [sortWord(key), t(`filters.sorts.${key}`)])}
              />
            )}
            {/* The direction chosen by a column's header stays while the filters change. */}
            {filters.sort && filters.direction ? <input type="hidden" name={WORDS.direction} value={filters.direction} /> : null}
          </div>
          <p className="flex flex-wrap items-center gap-3">
            <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {t("filters.apply")}
            </button>
            {filtered ? (
              <Link href={listHref("/admin/structures", { vue: params.vue })} className="text-brand-800 underline">
                {t("filters.reset")}
              </Link>
            ) : null}
          </p>
        </form>
      </section>

      <StageCounts counts={counts} params={params} current={filters.stage} />

      <section aria-labelledby="resultats" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="resultats" className="text-xl font-semibold" aria-live="polite">
            {t("count", { count: total })}
          </h2>
          {total > 0 ? (
            <a href={exportHref} className={button} download>
              {t("export")}
            </a>
          ) : null}
        </div>
        {total === 0 ? (
          <p className="rounded-lg bg-brand-50 p-4">
            {filtered ? t("empty") : t("emptyAll")}{" "}
            {filtered ? (
              <Link href={listHref("/admin/structures", { vue: params.vue })} className="text-brand-800 underline">
                {t("filters.reset")}
              </Link>
            ) : null}
          </p>
        ) : columns ? (
          <StructureBoard board={columns} only={filters.stage} />
        ) : list!.rows.length === 0 ? (
          <p className="rounded-lg bg-brand-50 p-4">
            {t("pastLastPage")}{" "}
            <Link href={listHref("/admin/structures", { ...params, page: undefined })} className="text-brand-800 underline">
              {t("firstPage")}
            </Link>
          </p>
        ) : (
          <>
            <StructureTable
              rows={list!.rows}
              total={list!.total}
              season={seasonOf(now)}
              sort={sort}
              params={{ ...params, [WORDS.sort.word]: undefined, [WORDS.direction]: undefined }}
            />
            <Pagination path="/admin/structures" params={params} page={list!.page} pageCount={list!.pageCount} total={list!.total} />
          </>
        )}
      </section>
    </div>
  );
}

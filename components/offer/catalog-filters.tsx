// The catalog's filters: a plain GET form, so the filters land in the URL (a search can be shared or
// bookmarked) and, on a wider screen, it works before any JavaScript has loaded. On a phone its fields
// fold behind a button that says how many filters are chosen.
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { activeFilterCount, areaChoices, CATALOG_WORDS as WORDS, WHEN_WORDS, type CatalogFilters } from "@/lib/catalog/filters";
import { CatalogFiltersToggle } from "./catalog-filters-toggle";
import { Accessibility, EventCategory } from "@/lib/generated/prisma/enums";

const field = "w-full rounded-md border border-gray-400 px-3 py-2";

export async function CatalogFiltersForm({ filters, places }: { filters: CatalogFilters; places: { city: string; areas: string[] }[] }) {
  const t = await getTranslations("offer");
  const labels = await getTranslations("labels");
  const { town, areas } = areaChoices(places, filters);
  return (
    <form method="get" action="/offre" role="search" aria-labelledby="filtres" className="rounded-lg bg-brand-50 p-4">
      <CatalogFiltersToggle activeCount={activeFilterCount(filters)}>
        <h2 id="filtres" className="text-lg font-semibold max-md:sr-only">
          {t("filtersTitle")}
        </h2>
        <div className="grid gap-4 sm:grid-cols-3">
          <p className="sm:col-span-3">
            <label htmlFor="q" className="mb-1 block font-semibold">
              {t("search")}
            </label>
            <input id="q" name={WORDS.text} type="search" defaultValue={filters.text ?? ""} className={field} />
          </p>
          <p>
            <label htmlFor="quand" className="mb-1 block font-semibold">
              {t("when")}
            </label>
            <select id="quand" name={WORDS.when.word} defaultValue={WHEN_WORDS[filters.when ?? "all"]} className={field}>
              <option value={WHEN_WORDS.all}>{t("whenAll")}</option>
              <option value={WHEN_WORDS.today}>{t("whenToday")}</option>
              <option value={WHEN_WORDS.weekend}>{t("whenWeekend")}</option>
              <option value={WHEN_WORDS.week}>{t("whenWeek")}</option>
              <option value={WHEN_WORDS.month}>{t("whenMonth")}</option>
              <option value={WHEN_WORDS.day}>{t("whenDay")}</option>
              <option value={WHEN_WORDS.dates}>{t("whenDates")}</option>
            </select>
          </p>
          <p>
            <label htmlFor="du" className="mb-1 block font-semibold">
              {t("from")}
            </label>
            <input id="du" name={WORDS.fromDay} type="date" defaultValue={filters.fromDay ?? ""} className={field} />
          </p>
          <p>
            <label htmlFor="au" className="mb-1 block font-semibold">
              {t("to")}
            </label>
            <input id="au" name={WORDS.toDay} type="date" defaultValue={filters.toDay ?? ""} className={field} />
          </p>
          <p>
            <label htmlFor="categorie" className="mb-1 block font-semibold">
              {t("category")}
            </label>
            <select id="categorie" name={WORDS.categories} defaultValue={filters.categories[0] ?? ""} className={field}>
              <option value="">{t("anyCategory")}</option>
              {Object.values(EventCategory).map((category) => (
                <option key={category} value={category}>
                  {labels(`category.${category}`)}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label htmlFor="ville" className="mb-1 block font-semibold">
              {t("town")}
            </label>
            <select id="ville" name={WORDS.town} defaultValue={filters.town ?? ""} className={field}>
              <option value="">{t("anyTown")}</option>
              {places.map((place) => (
                <option key={place.city} value={place.city}>
                  {place.city}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label htmlFor="quartier" className="mb-1 block font-semibold">
              {t("area")}
            </label>
            <select id="quartier" name={WORDS.area} defaultValue={filters.area ?? ""} aria-describedby={town ? undefined : "quartier-aide"} className={field}>
              <option value="">—</option>
              {areas.map((area) => (
                <option key={area} value={area}>
                  {area}
                </option>
              ))}
            </select>
            {town ? null : (
              <span id="quartier-aide" className="mt-1 block text-sm">
                {t("areaNeedsTown")}
              </span>
            )}
          </p>
        </div>
        <fieldset>
          <legend className="mb-1 font-semibold">{t("accessibility")}</legend>
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {Object.values(Accessibility).map((access) => (
              <label key={access} className="flex items-center gap-2">
                <input type="checkbox" name={WORDS.access} value={access} defaultChecked={filters.access.includes(access)} className="h-5 w-5" />
                {labels(`accessibility.${access}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="flex items-center gap-2">
          <input type="checkbox" name={WORDS.withPlaces} value="1" defaultChecked={filters.withPlaces} className="h-5 w-5" />
          {t("placesNow")}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="sans-francais" value="1" defaultChecked={filters.withoutFrench} className="h-5 w-5" />
          {(await getTranslations("languageNeeds"))("filter")}
        </label>
        <p className="flex flex-wrap gap-3">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800">
            {t("apply")}
          </button>
          <Link href="/offre" className="rounded-md border border-brand-700 px-4 py-3 font-semibold text-brand-800">
            {t("reset")}
          </Link>
        </p>
      </CatalogFiltersToggle>
    </form>
  );
}

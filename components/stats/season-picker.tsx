// The season of a statistics page, in the URL (?saison=2026): a plain GET form.
import { getTranslations } from "@/lib/i18n/server";
import { seasonLabel } from "@/lib/time";

export async function SeasonPicker({
  action,
  seasons,
  season,
  current,
  hidden = {},
}: {
  action: string;
  seasons: number[];
  season: number;
  current: number;
  hidden?: Record<string, string>;
}) {
  const t = await getTranslations("statistics");
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3 print:hidden">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p>
        <label htmlFor="saison" className="mb-1 block font-semibold">
          {t("season")}
        </label>
        <select id="saison" name="saison" defaultValue={season} className="rounded-md border border-gray-400 px-3 py-2">
          {seasons.map((option) => (
            <option key={option} value={option}>
              {option === current ? t("seasonCurrent", { label: seasonLabel(option) }) : seasonLabel(option)}
            </option>
          ))}
        </select>
      </p>
      <button type="submit" className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50">
        {t("show")}
      </button>
    </form>
  );
}

// The few figures a statistics page opens with, each beside the period before and how it changed; when the
// period before has no data (`previous` null), one sentence says so and no comparison is drawn (issue 29.11).
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import type { Figures } from "@/lib/stats/figures";
import { changeInWords, shown } from "@/lib/stats/tables";

export async function KeyFigures({ names, current, previous }: { names: (keyof Figures)[]; current: Figures; previous?: Figures | null }) {
  const t = await getTranslations("statistics");
  const format = await getFormatter();
  const number = (value: number | string) => (typeof value === "number" ? format.number(value) : value);
  return (
    <>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 print:grid-cols-6 print:gap-1">
        {names.map((name) => {
          return (
            <div key={name} className="rounded-lg bg-brand-50 p-3 print:p-1">
              <dt className="text-sm">{t(`figures.${name}`)}</dt>
              <dd className="text-2xl font-bold print:text-base">{number(shown(name, current[name]))}</dd>
              {previous ? (
                <dd className="text-sm">
                  {`${t("previousValue", { value: number(shown(name, previous[name])) })} · `}
                  {changeInWords(t, current[name], previous[name])}
                </dd>
              ) : null}
            </div>
          );
        })}
      </dl>
      {previous === null ? <p className="text-sm">{t("noPreviousData")}</p> : null}
    </>
  );
}

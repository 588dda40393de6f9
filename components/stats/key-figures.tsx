// The few figures a statistics page opens with, each beside the period before and how it changed; when the
// period before has no data (`previous` null), one sentence says so and no comparison is drawn (issue 29.11).
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import type { Figures } from "@/lib/stats/figures";
import { changeInWords, shown } from "@/lib/stats/tables";

export async function KeyFigures({
  names,
  current,
  previous,
  handedOut,
}: {
  names: (keyof Figures)[];
  current: Figures;
  previous?: Figures | null;
  /** The figures as a report to hand out writes them ("< 5", "masqué"): no change is said of a hidden one. */
  handedOut?: { current: (name: keyof Figures) => string | number; previous: (name: keyof Figures) => string | number };
}) {
  const t = await getTranslations("statistics");
  const format = await getFormatter();
  const number = (value: number | string) => (typeof value === "number" ? format.number(value) : value);
  const now = (name: keyof Figures) => (handedOut ? handedOut.current(name) : shown(name, current[name]));
  const before = (name: keyof Figures) => (handedOut ? handedOut.previous(name) : shown(name, previous?.[name] ?? null));
  const changed = (name: keyof Figures) =>
    typeof now(name) === "number" && typeof before(name) === "number" ? changeInWords(t, current[name], previous?.[name]) : t("noPrevious");
  return (
    <>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 print:grid-cols-6 print:gap-1">
        {names.map((name) => {
          return (
            <div key={name} className="rounded-lg bg-brand-50 p-3 print:p-1">
              <dt className="text-sm">{t(`figures.${name}`)}</dt>
              <dd className="text-2xl font-bold print:text-base">{number(now(name))}</dd>
              {previous ? (
                <dd className="text-sm">
                  {`${t("previousValue", { value: number(before(name)) })} · `}
                  {changed(name)}
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

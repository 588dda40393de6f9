// The easy reading's "Choisir un jour": one date field, sent with the choices the person already made (the
// category, "Pas besoin de parler français") so that choosing a day keeps them (issue 34.4).
import { CATALOG_WORDS as WORDS, WHEN_WORDS } from "@/lib/catalog/filters";

export function DayChoice({
  label,
  submit,
  day,
  category,
  withoutFrench,
}: {
  label: string;
  submit: string;
  day: string | undefined;
  category: string | undefined;
  withoutFrench: boolean;
}) {
  return (
    <form method="get" action="/offre" className="flex flex-wrap items-end gap-3">
      <input type="hidden" name={WORDS.when.word} value={WHEN_WORDS.day} />
      {category ? <input type="hidden" name={WORDS.categories} value={category} /> : null}
      {withoutFrench ? <input type="hidden" name={WORDS.withoutFrench} value="1" /> : null}
      <p>
        <label htmlFor="jour" className="block text-lg font-bold">
          {label}
        </label>
        <input id="jour" name={WORDS.fromDay} type="date" required defaultValue={day} className="min-h-12 rounded-lg border-2 border-brand-700 px-3 text-lg" />
      </p>
      <button type="submit" className="min-h-12 rounded-full border-2 border-brand-700 px-4 py-2 text-lg text-brand-800 hover:bg-brand-50">
        {submit}
      </button>
    </form>
  );
}

// The journal's filters: a plain GET form, so they land in the URL and each field shows again what was
// chosen. Actions are offered by family ("booking": every action on bookings) and one by one.
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { ChoicePicker } from "@/components/forms/choice-picker";
import { SelectField, TextField } from "@/components/forms/fields";
import type { Choice as Found, ChoiceKind } from "@/lib/association/choices";
import { ENTITY_TYPES, JOURNAL_WORDS as WORDS, type JournalFilters } from "@/lib/association/journal";

/**
 * The account, structure and venue are found by typing (a national network has thousands: no list of all);
 * `searchChoices` is the page's server action that finds them (components never import app/).
 */
export async function JournalFiltersForm({
  filters,
  who,
  partner,
  venue,
  searchChoices,
}: {
  filters: JournalFilters;
  who: Found | null;
  partner: Found | null;
  venue: Found | null;
  searchChoices: (kind: ChoiceKind, typed: string) => Promise<Found[]>;
}) {
  const t = await getTranslations("journalAdmin");
  const labels = await getTranslations("associationLabels");
  // Every action the catalog has words for, family by family.
  const known = t.raw("actions") as Record<string, Record<string, string>>;
  const actionOptions: [string, string][] = [["", t("anyAction")]];
  for (const [family, actions] of Object.entries(known)) {
    if (t.has(`families.${family}`)) actionOptions.push([family, t("allOf", { family: t(`families.${family}`) })]);
    for (const [name, words] of Object.entries(actions)) actionOptions.push([`${family}.${name}`, `— ${words}`]);
  }
  // An action from a link that the list does not know is still shown as chosen.
  if (filters.action && !actionOptions.some(([value]) => value === filters.action)) actionOptions.push([filters.action, filters.action]);
  return (
    <form method="get" action="/admin/journal" role="search" aria-labelledby="filtres-titre" className="space-y-4 rounded-lg bg-brand-50 p-4">
      <h2 id="filtres-titre" className="text-lg font-semibold">
        {t("filtersTitle")}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <ChoicePicker name={WORDS.who} label={t("who")} kind="ACCOUNT" search={searchChoices} chosen={who} />
        <ChoicePicker name={WORDS.partner} label={t("structure")} kind="PARTNER" search={searchChoices} chosen={partner} />
        <ChoicePicker name={WORDS.venue} label={t("venue")} kind="VENUE" search={searchChoices} chosen={venue} />
        <SelectField
          name={WORDS.type}
          label={t("type")}
          defaultValue={filters.type ?? ""}
          options={[["", t("anyType")], ...ENTITY_TYPES.map((type): [string, string] => [type, labels(`entityType.${type}`)])]}
        />
        <TextField name={WORDS.object} label={t("object")} defaultValue={filters.object} />
        <SelectField name={WORDS.action} label={t("action")} defaultValue={filters.action ?? ""} options={actionOptions} />
        <TextField name={WORDS.from} label={t("from")} type="date" defaultValue={filters.from} />
        <TextField name={WORDS.to} label={t("to")} type="date" defaultValue={filters.to} />
      </div>
      {/* The order chosen by a column's header stays when the filters change. */}
      {filters.sort ? <input type="hidden" name={WORDS.sort.word} value={WORDS.sort.values[filters.sort]} /> : null}
      {filters.sort && filters.direction ? <input type="hidden" name={WORDS.direction} value={filters.direction} /> : null}
      <p className="flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("filter")}
        </button>
        <Link href="/admin/journal" className="font-semibold text-brand-800 underline">
          {t("reset")}
        </Link>
      </p>
    </form>
  );
}

// The search of every booking: a plain GET form, so the search lands in the URL (it can be reloaded,
// bookmarked or shared) and each field shows again what was searched, the order chosen in the table too.
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { ChoicePicker } from "@/components/forms/choice-picker";
import { SelectField, TextField } from "@/components/forms/fields";
import { BOOKING_WORDS as WORDS, type BookingSearch } from "@/lib/association/bookings";
import type { Choice, ChoiceKind } from "@/lib/association/choices";

/**
 * The structure and venue searched, found by typing (a national network has thousands: no list of all);
 * `searchChoices` is the page's server action that finds them (components never import app/).
 */
export async function BookingSearchForm({
  search,
  partner,
  venue,
  searchChoices,
}: {
  search: BookingSearch;
  partner: Choice | null;
  venue: Choice | null;
  searchChoices: (kind: ChoiceKind, typed: string) => Promise<Choice[]>;
}) {
  const t = await getTranslations("bookingsAdmin");
  const labels = await getTranslations("associationLabels");
  const statuses = ["CONFIRMED", "WAITLISTED", "CANCELLED"] as const;
  return (
    <form method="get" action="/admin/reservations" role="search" aria-labelledby="recherche-titre" className="space-y-4 rounded-lg bg-brand-50 p-4">
      <h2 id="recherche-titre" className="text-lg font-semibold">
        {t("searchTitle")}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <TextField name={WORDS.number} label={t("number")} defaultValue={search.number} />
        <TextField name={WORDS.name} label={t("guestName")} defaultValue={search.name} />
        <TextField name={WORDS.title} label={t("event")} defaultValue={search.title} />
        <ChoicePicker name={WORDS.partner} label={t("structure")} kind="PARTNER" search={searchChoices} chosen={partner} />
        <ChoicePicker name={WORDS.venue} label={t("venue")} kind="VENUE" search={searchChoices} chosen={venue} />
        <SelectField
          name={WORDS.status}
          label={t("status")}
          defaultValue={search.status ?? ""}
          options={[["", t("anyStatus")], ...statuses.map((s): [string, string] => [s, labels(`bookingStatus.${s}`)])]}
        />
        <TextField name={WORDS.from} label={t("from")} type="date" defaultValue={search.from} />
        <TextField name={WORDS.to} label={t("to")} type="date" defaultValue={search.to} />
        <SelectField
          name={WORDS.sort.word}
          label={t("sort")}
          defaultValue={search.sort ? WORDS.sort.values[search.sort] : ""}
          options={[
            ["", t("sortRequest")],
            [WORDS.sort.values.session, t("sortSession")],
            // An order chosen by a column's header stays as it is when the search changes.
            ...(search.sort && search.sort !== "session" && (search.sort !== "requested" || search.direction)
              ? [[WORDS.sort.values[search.sort], t("sortColumn")] as [string, string]]
              : []),
          ]}
        />
        {search.direction ? <input type="hidden" name={WORDS.direction} value={search.direction} /> : null}
      </div>
      <p className="flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("search")}
        </button>
        <Link href="/admin/reservations" className="font-semibold text-brand-800 underline">
          {t("reset")}
        </Link>
      </p>
    </form>
  );
}

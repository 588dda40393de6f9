// The search of every booking: a plain GET form, so the search lands in the URL (it can be reloaded,
// bookmarked or shared) and each field shows again what was searched, the order chosen in the table too.
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { ChoicePicker } from "@/components/forms/choice-picker";
import { SelectField, TextField } from "@/components/forms/fields";
import type { BookingSearch } from "@/lib/association/bookings";
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
        <TextField name="numero" label={t("number")} defaultValue={search.numero} />
        <TextField name="nom" label={t("guestName")} defaultValue={search.nom} />
        <TextField name="spectacle" label={t("event")} defaultValue={search.spectacle} />
        <ChoicePicker name="structure" label={t("structure")} kind="PARTNER" search={searchChoices} chosen={partner} />
        <ChoicePicker name="lieu" label={t("venue")} kind="VENUE" search={searchChoices} chosen={venue} />
        <SelectField
          name="etat"
          label={t("status")}
          defaultValue={search.etat ?? ""}
          options={[["", t("anyStatus")], ...statuses.map((s): [string, string] => [s, labels(`bookingStatus.${s}`)])]}
        />
        <TextField name="du" label={t("from")} type="date" defaultValue={search.du} />
        <TextField name="au" label={t("to")} type="date" defaultValue={search.au} />
        <SelectField
          name="tri"
          label={t("sort")}
          defaultValue={search.tri ?? ""}
          options={[
            ["", t("sortRequest")],
            ["seance", t("sortSession")],
            // An order chosen by a column's header stays as it is when the search changes.
            ...(search.tri && search.tri !== "seance" && (search.tri !== "demande" || search.ordre) ? [[search.tri, t("sortColumn")] as [string, string]] : []),
          ]}
        />
        {search.ordre ? <input type="hidden" name="ordre" value={search.ordre} /> : null}
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

// The fields of a venue's profile: the venue's own form (/lieu/profil) and the association's (creating a
// venue, editing it) are the same fields with the same labels (venue.profileForm).
import { getTranslations } from "@/lib/i18n/server";
import { CheckboxGroup, SelectField, TextField } from "@/components/forms/fields";
import { Accessibility, VenueKind } from "@/lib/generated/prisma/enums";

export interface VenueProfileValues {
  name: string;
  addressLine: string;
  postalCode: string;
  city: string;
  area: string | null;
  accessInfo: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  ticketOfficeName: string | null;
  ticketOfficePhone: string;
  ticketOfficeEmail: string | null;
  accessibility: Accessibility[];
  accessibilityNotes: string | null;
  kind?: VenueKind;
}

/** The names the server action reads back (besides `accessibility`, a list). */
export const VENUE_PROFILE_FIELDS = [
  "name",
  "addressLine",
  "postalCode",
  "city",
  "area",
  "accessInfo",
  "phone",
  "email",
  "website",
  "ticketOfficeName",
  "ticketOfficePhone",
  "ticketOfficeEmail",
  "accessibilityNotes",
] as const;

export async function VenueProfileFields({ venue, withKind = false }: { venue?: VenueProfileValues; withKind?: boolean }) {
  const t = await getTranslations("venue.profileForm");
  const a = await getTranslations("venuesAdmin");
  const labels = await getTranslations("labels");
  const f = (name: (typeof VENUE_PROFILE_FIELDS)[number], required = false, type = "text") => (
    <TextField name={name} label={t(name)} defaultValue={venue?.[name]} required={required} type={type} />
  );
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        {f("name", true)}
        {withKind ? (
          // Only the association sees it (lib/venue/profile refuses a kind from anyone else). Editing, the
          // venue's kind is chosen already: no empty choice.
          <SelectField
            name="kind"
            label={a("kind")}
            defaultValue={venue?.kind ?? ""}
            options={[
              ...(venue?.kind ? [] : [["", a("chooseKind")] as [string, string]]),
              ...Object.values(VenueKind).map((kind): [string, string] => [kind, a(`kinds.${kind}`)]),
            ]}
          />
        ) : null}
      </div>
      {f("addressLine", true)}
      <div className="grid gap-3 sm:grid-cols-3">
        {f("postalCode", true)}
        {f("city", true)}
        {f("area")}
      </div>
      <TextField name="accessInfo" label={t("accessInfo")} defaultValue={venue?.accessInfo} multiline />
      <div className="grid gap-3 sm:grid-cols-3">
        {f("phone", false, "tel")}
        {f("email", false, "email")}
        {f("website", false, "url")}
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        {f("ticketOfficeName")}
        {f("ticketOfficePhone", true, "tel")}
        {f("ticketOfficeEmail", false, "email")}
      </div>
      <CheckboxGroup
        name="accessibility"
        legend={t("accessibility")}
        options={Object.values(Accessibility).map((value): [string, string] => [value, labels(`accessibility.${value}`)])}
        checked={venue?.accessibility ?? []}
      />
      <TextField name="accessibilityNotes" label={t("accessibilityNotes")} defaultValue={venue?.accessibilityNotes} multiline />
    </>
  );
}

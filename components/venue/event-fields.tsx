import { getTranslations } from "@/lib/i18n/server";
import { CheckboxGroup, SelectField, TextField } from "@/components/forms/fields";
import { Accessibility, EventCategory, FrenchNeed } from "@/lib/generated/prisma/enums";

export interface EventValues {
  title?: string;
  description?: string;
  category?: string;
  minAge?: number | null;
  durationMinutes?: number | null;
  accessibility?: string[];
  publicPrice?: number | null;
  ticketUrl?: string | null;
  imageAlt?: string | null;
  frenchNeed?: string;
  performedIn?: string | null;
}

/** Languages a venue most often plays in besides French (issue 34.4); any code already recorded is kept. */
const PERFORMED_IN = ["en", "es", "it", "de", "pt", "ar", "fa-AF", "uk", "ru", "tr", "ro", "zh"];
const languageNames = new Intl.DisplayNames(["fr"], { type: "language" });

/** The fields of an event, shared by the creation and the edition forms. */
export async function EventFields({ values = {} }: { values?: EventValues }) {
  const t = await getTranslations("venue.form");
  const labels = await getTranslations("labels");
  return (
    <div className="space-y-3">
      <TextField name="title" label={t("title")} defaultValue={values.title} required />
      <TextField name="description" label={t("description")} defaultValue={values.description} required multiline />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          name="category"
          label={t("category")}
          defaultValue={values.category}
          options={Object.values(EventCategory).map((c) => [c, labels(`category.${c}`)])}
        />
        <TextField name="minAge" label={t("minAge")} type="number" defaultValue={values.minAge} />
        <TextField name="durationMinutes" label={t("duration")} type="number" defaultValue={values.durationMinutes} />
      </div>
      <CheckboxGroup
        name="accessibility"
        legend={t("accessibility")}
        options={Object.values(Accessibility).map((a) => [a, labels(`accessibility.${a}`)])}
        checked={values.accessibility}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          name="frenchNeed"
          label={t("frenchNeed")}
          defaultValue={values.frenchNeed ?? "FRENCH"}
          options={Object.values(FrenchNeed).map((need) => [need, labels(`frenchNeed.${need}`)])}
        />
        <SelectField
          name="performedIn"
          label={t("performedIn")}
          defaultValue={values.performedIn ?? ""}
          options={[
            ["", "—"],
            ...[...new Set([...PERFORMED_IN, ...(values.performedIn ? [values.performedIn] : [])])].map((code): [string, string] => [
              code,
              languageNames.of(code) ?? code,
            ]),
          ]}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="publicPrice" label={t("price")} defaultValue={values.publicPrice} />
        <TextField name="ticketUrl" label={t("ticketUrl")} type="url" defaultValue={values.ticketUrl} />
      </div>
      <TextField name="imageAlt" label={t("imageAlt")} defaultValue={values.imageAlt} />
    </div>
  );
}

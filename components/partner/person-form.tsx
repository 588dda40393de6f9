"use client";

// Adds a person to the structure's list, or edits one: first and last name, optional notes, and the
// language they read (issue 34.1), each named in French for the referent and in its own words.
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { ConfirmBox, SelectField, TextField } from "@/components/forms/fields";
import { LANGUAGES } from "@/lib/i18n/languages";
import type { ActionState } from "@/lib/actions/state";

interface Props {
  save: (state: ActionState, data: FormData) => Promise<ActionState>;
  person?: { id: string; firstName: string; lastName: string; notes: string | null; language?: string | null };
}

export function PersonForm({ save, person }: Props) {
  const t = useTranslations("people");
  // Adding: the form empties after a success, which is announced and takes the focus (ActionForm).
  return (
    <ActionForm action={save} submit={person ? t("save") : t("add")} resetOnSuccess={!person} schema="person">
      {person ? <input type="hidden" name="personId" value={person.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="firstName" label={t("firstName")} defaultValue={person?.firstName} required />
        <TextField name="lastName" label={t("lastName")} defaultValue={person?.lastName} required />
      </div>
      <TextField name="notes" label={t("notes")} defaultValue={person?.notes} multiline />
      <SelectField
        name="language"
        label={t("language")}
        defaultValue={person?.language ?? ""}
        options={LANGUAGES.map(({ code, name }): [string, string] => [
          code === "fr" ? "" : code,
          code === "fr" ? name : `${t(`languageNames.${code}`)} — ${name}`,
        ])}
      />
      <p className="text-sm">{t("languageHint")}</p>
    </ActionForm>
  );
}

export function ArchivePersonForm({ personId, archive }: { personId: string; archive: (state: ActionState, data: FormData) => Promise<ActionState> }) {
  const t = useTranslations("people");
  return (
    <details className="rounded-lg border border-red-700 p-4">
      <summary className="cursor-pointer font-semibold text-red-800">{t("deleteOpen")}</summary>
      <ActionForm action={archive} submit={t("deleteSubmit")} danger className="mt-3 space-y-3">
        <input type="hidden" name="personId" value={personId} />
        <ConfirmBox label={t("deleteConfirm")} />
      </ActionForm>
    </details>
  );
}

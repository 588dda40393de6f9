"use client";

// Adds a person to the structure's list, or edits one: first and last name, optional notes.
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { initialActionState, type ActionState } from "@/lib/actions/state";

interface Props {
  save: (state: ActionState, data: FormData) => Promise<ActionState>;
  person?: { id: string; firstName: string; lastName: string; notes: string | null };
}

export function PersonForm({ save, person }: Props) {
  const t = useTranslations("people");
  const id = useId();
  const [state, action, pending] = useActionState(save, initialActionState);
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  const input = "w-full rounded-md border border-gray-500 px-3 py-2";
  return (
    <form action={action} className="space-y-3" key={state.ok && !person ? state.message : undefined}>
      {person ? <input type="hidden" name="personId" value={person.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {(["firstName", "lastName"] as const).map((field) => (
          <p key={field}>
            <label htmlFor={`${id}-${field}`} className="mb-1 block font-semibold">
              {t(field)}
            </label>
            <input
              id={`${id}-${field}`}
              name={field}
              required
              maxLength={80}
              defaultValue={person?.[field] ?? ""}
              aria-invalid={Boolean(error(field))}
              aria-describedby={error(field) ? `${id}-${field}-error` : undefined}
              className={input}
            />
            {error(field) ? (
              <span id={`${id}-${field}-error`} className="text-sm font-semibold text-red-800">
                {error(field)}
              </span>
            ) : null}
          </p>
        ))}
      </div>
      <p>
        <label htmlFor={`${id}-notes`} className="mb-1 block font-semibold">
          {t("notes")}
        </label>
        <textarea id={`${id}-notes`} name="notes" rows={2} maxLength={500} defaultValue={person?.notes ?? ""} className={input} />
      </p>
      <div aria-live="polite">{state.message ? <p className={state.ok ? "font-semibold text-green-900" : "font-semibold text-red-800"}>{state.message}</p> : null}</div>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {person ? t("save") : t("add")}
      </button>
    </form>
  );
}

export function ArchivePersonForm({ personId, archive }: { personId: string; archive: (state: ActionState, data: FormData) => Promise<ActionState> }) {
  const t = useTranslations("people");
  const [state, action, pending] = useActionState(archive, initialActionState);
  return (
    <details className="rounded-lg border border-red-700 p-4">
      <summary className="cursor-pointer font-semibold text-red-800">{t("deleteOpen")}</summary>
      <form action={action} className="mt-3 space-y-3">
        <input type="hidden" name="personId" value={personId} />
        <label className="flex items-start gap-2">
          <input type="checkbox" name="confirm" value="oui" required className="mt-1 h-5 w-5" />
          {t("deleteConfirm")}
        </label>
        {state.message ? (
          <p role="alert" className="font-semibold text-red-800">
            {state.message}
          </p>
        ) : null}
        <button type="submit" disabled={pending} className="rounded-md bg-red-800 px-4 py-2 font-semibold text-white disabled:opacity-60">
          {t("deleteSubmit")}
        </button>
      </form>
    </details>
  );
}

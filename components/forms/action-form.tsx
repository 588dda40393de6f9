"use client";

// A form posting to a server action: its fields come as children (rendered on the server), its answer
// is announced to screen readers, field errors are listed, and a destructive action asks first.
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { initialActionState, type ActionState } from "@/lib/actions/state";

export function ActionForm({
  action,
  submit,
  children,
  confirm,
  danger = false,
  className = "space-y-3",
  encType,
}: {
  action: (state: ActionState, data: FormData) => Promise<ActionState>;
  submit: string;
  children?: React.ReactNode;
  /** Asked before sending (a destructive action). */
  confirm?: string;
  danger?: boolean;
  className?: string;
  encType?: "multipart/form-data";
}) {
  const [answer, formAction, pending] = useActionState(action, initialActionState);
  const [refused, setRefused] = useState<ActionState | null>(null);
  const t = useTranslations("common");
  const state = refused ?? answer;
  const errors = state.fieldErrors ? Object.values(state.fieldErrors).flat() : [];
  return (
    <form
      action={formAction}
      encType={encType}
      className={className}
      onSubmit={(event) => {
        setRefused(null);
        // A file over its field's limit (data-max-bytes) is refused here, before minutes of upload.
        for (const input of event.currentTarget.querySelectorAll<HTMLInputElement>("input[type=file][data-max-bytes]")) {
          const max = Number(input.dataset.maxBytes);
          const file = [...(input.files ?? [])].find((candidate) => candidate.size > max);
          if (file) {
            event.preventDefault();
            setRefused({ ok: false, message: t("fileTooLarge", { name: file.name, max: Math.round(max / 1024 / 1024) }) });
            input.focus();
            return;
          }
        }
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {children}
      <div aria-live="polite">
        {state.message ? (
          <div className={state.ok ? "font-semibold text-green-900" : "font-semibold text-red-800"} role={state.ok ? "status" : "alert"}>
            <p>{state.message}</p>
            {errors.length ? (
              <ul className="list-disc pl-5 font-normal">
                {errors.map((error, index) => (
                  <li key={index}>{error}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className={`rounded-md px-4 py-2 font-semibold text-white disabled:opacity-60 ${danger ? "bg-red-800 hover:bg-red-900" : "bg-brand-700 hover:bg-brand-800"}`}
      >
        {submit}
      </button>
    </form>
  );
}

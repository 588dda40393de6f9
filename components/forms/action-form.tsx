"use client";

// A form posting to a server action: its fields come as children (rendered on the server), its answer
// is announced to screen readers, field errors are listed (each naming its field) and the fields at
// fault are marked, a destructive action asks first. What was typed stays when the server refuses it:
// the form is sent by hand (React resets a form given to `action` once the action returns, whatever it
// answered), and cleared only after a success when `resetOnSuccess` says so.
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef, useState, useTransition } from "react";
import { initialActionState, type ActionState } from "@/lib/actions/state";

export function ActionForm({
  action,
  submit,
  children,
  confirm,
  danger = false,
  className = "space-y-3",
  encType,
  resetOnSuccess = false,
}: {
  action: (state: ActionState, data: FormData) => Promise<ActionState>;
  submit: string;
  children?: React.ReactNode;
  /** Asked before sending (a destructive action). */
  confirm?: string;
  danger?: boolean;
  className?: string;
  encType?: "multipart/form-data";
  /** Empty the form after a success (a form that adds something). */
  resetOnSuccess?: boolean;
}) {
  const [answer, formAction, pending] = useActionState(action, initialActionState);
  const [, startTransition] = useTransition();
  const [refused, setRefused] = useState<ActionState | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const summaryId = useId();
  const t = useTranslations("common");
  const state = refused ?? answer;
  const errors = state.fieldErrors ? Object.values(state.fieldErrors).flat() : [];

  useEffect(() => {
    const element = form.current;
    if (!element) return;
    // The fields at fault are marked and point to the summary that says why.
    for (const field of element.querySelectorAll("[aria-invalid]")) field.removeAttribute("aria-invalid");
    for (const name of Object.keys(answer.fieldErrors ?? {})) {
      const field = element.elements.namedItem(name);
      if (field instanceof HTMLElement) {
        field.setAttribute("aria-invalid", "true");
        field.setAttribute("aria-describedby", summaryId);
      }
    }
    if (answer.ok && resetOnSuccess) element.reset();
  }, [answer, resetOnSuccess, summaryId]);

  return (
    <form
      ref={form}
      encType={encType}
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        setRefused(null);
        const element = event.currentTarget;
        // A file over its field's limit (data-max-bytes) is refused here, before minutes of upload.
        for (const input of element.querySelectorAll<HTMLInputElement>("input[type=file][data-max-bytes]")) {
          const max = Number(input.dataset.maxBytes);
          const file = [...(input.files ?? [])].find((candidate) => candidate.size > max);
          if (file) {
            setRefused({ ok: false, message: t("fileTooLarge", { name: file.name, max: Math.round(max / 1024 / 1024) }) });
            input.focus();
            return;
          }
        }
        if (confirm && !window.confirm(confirm)) return;
        const data = new FormData(element);
        startTransition(() => formAction(data));
      }}
    >
      {children}
      <div aria-live="polite" id={summaryId}>
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
        aria-busy={pending}
        className={`rounded-md px-4 py-2 font-semibold text-white disabled:opacity-60 ${danger ? "bg-red-800 hover:bg-red-900" : "bg-brand-700 hover:bg-brand-800"}`}
      >
        {pending ? (
          <>
            <span aria-hidden="true" className="mr-2 inline-block h-4 w-4 animate-spin rounded-full border-2 border-white border-t-transparent align-[-2px]" />
            {t("sending")}
          </>
        ) : (
          submit
        )}
      </button>
    </form>
  );
}

"use client";

// A form posting to a server action. Its fields come as children (rendered on the server); the answer
// is said where the user is:
// - refused: a summary at the top lists each error (naming its field) with a link to the field, and
//   takes the focus; each field of components/forms/fields.tsx shows its own error, tied to it
//   (aria-invalid, aria-describedby): the French State design system's pattern;
// - accepted: the success message is announced and takes the focus (unless the page moves on).
// What was typed stays when the server refuses it: the form is sent by hand (React resets a form given
// to `action` once the action returns, whatever it answered), and cleared after a success only when
// `resetOnSuccess` says so. A destructive action asks first; the button says "Envoi…" while it runs.
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useMemo, useRef, useState, useTransition } from "react";
import { initialActionState, type ActionState } from "@/lib/actions/state";
import { fieldId, FormFieldsContext } from "./form-context";
import { SubmitButton } from "./submit-button";

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
  const summary = useRef<HTMLDivElement>(null);
  const success = useRef<HTMLParagraphElement>(null);
  const formId = useId();
  const t = useTranslations("common");
  const state = refused ?? answer;
  const fieldErrors = useMemo(() => state.fieldErrors ?? {}, [state.fieldErrors]);
  const errorList = Object.entries(fieldErrors).flatMap(([name, messages]) => (messages ?? []).map((message) => ({ name, message })));

  useEffect(() => {
    const element = form.current;
    if (!element || answer === initialActionState) return;
    // Inputs that are not fields of fields.tsx (a custom control) are marked here.
    for (const field of element.querySelectorAll("[data-marked-invalid]")) {
      field.removeAttribute("aria-invalid");
      field.removeAttribute("data-marked-invalid");
    }
    for (const name of Object.keys(answer.fieldErrors ?? {})) {
      const field = element.elements.namedItem(name);
      if (field instanceof HTMLElement && !field.hasAttribute("aria-invalid")) {
        field.setAttribute("aria-invalid", "true");
        field.setAttribute("data-marked-invalid", "");
      }
    }
    if (answer.ok) {
      if (resetOnSuccess) element.reset();
      success.current?.focus();
    } else {
      summary.current?.focus();
    }
  }, [answer, resetOnSuccess]);

  /** A summary's link: to the field's own id, or to the first control of that name. */
  const goTo = (name: string) => (event: React.MouseEvent) => {
    const element = form.current;
    if (!element) return;
    const target = element.querySelector<HTMLElement>(`#${CSS.escape(fieldId(formId, name))}`) ?? element.elements.namedItem(name);
    const focusable = target instanceof RadioNodeList ? (target[0] as HTMLElement | undefined) : (target as HTMLElement | null);
    if (focusable && "focus" in focusable) {
      event.preventDefault();
      focusable.focus();
    }
  };

  return (
    <FormFieldsContext value={{ formId, errors: fieldErrors }}>
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
        {!state.ok && state.message ? (
          <div ref={summary} tabIndex={-1} role="alert" className="rounded-md border-2 border-red-800 bg-red-50 p-3 text-red-900 focus:outline-3 focus:outline-offset-2">
            <p className="font-semibold">{state.message}</p>
            {errorList.length ? (
              <ul className="mt-1 list-disc pl-5">
                {errorList.map(({ name, message }, index) => (
                  <li key={`${name}-${index}`}>
                    <a href={`#${fieldId(formId, name)}`} onClick={goTo(name)} className="underline">
                      {message}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {children}
        <div aria-live="polite">
          {state.ok && state.message ? (
            <p ref={success} tabIndex={-1} role="status" className="font-semibold text-green-900">
              {state.message}
            </p>
          ) : null}
        </div>
        <SubmitButton pending={pending} danger={danger}>
          {submit}
        </SubmitButton>
      </form>
    </FormFieldsContext>
  );
}

"use client";

// A form posting to a server action. Its fields come as children (rendered on the server); the answer
// is said where the user is:
// - refused: a summary at the top lists each error (naming its field) with a link to the field, and
//   takes the focus; each field of components/forms/fields.tsx shows its own error, tied to it
//   (aria-invalid, aria-describedby): the French State design system's pattern;
// - accepted: the success message is announced and takes the focus (unless the page moves on).
// With a `schema` (components/forms/schemas.ts), the fields are checked as people type, by the very zod
// schema the server parses: a field is checked when it is left, then again at each key once it was
// wrong; a send with errors goes no further than the browser. Conform (@conform-to/react) does this; the
// server's errors come back to it as its last result, so a field corrected after a refusal is cleared.
// Every error names its field by the label this form shows (components/forms/field-label.ts).
// What was typed stays when the server refuses it: the form is sent by hand (React resets a form given
// to `action` once the action returns, whatever it answered), and cleared after a success only when
// `resetOnSuccess` says so. A destructive action asks first; the button says "Envoi…" while it runs.
// First, before any zod schema is built in the browser (see the file).
import "./zod-jitless";
import { INTENT } from "@conform-to/dom";
import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useMemo, useRef, useState, useTransition } from "react";
import { describeFieldError, fieldOfPath, withLabel } from "@/lib/actions/describe";
import { initialActionState, type ActionState } from "@/lib/actions/state";
import { fieldLabel } from "./field-label";
import { fieldId, FormFieldsContext } from "./form-context";
import { FORM_SCHEMAS, type FormSchemaName } from "./schemas";
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
  schema,
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
  /** Check the fields as people type with this schema, the server's own. */
  schema?: FormSchemaName;
}) {
  // The server's errors, each named with the label this form shows for its field (issue 29.10), else as the
  // server named it: read from the form once the answer is in, before it becomes the state.
  const [answer, formAction, pending] = useActionState(async (state: ActionState, data: FormData) => {
    const result = await action(state, data);
    if (!result.fieldErrors || !result.fieldMessages) return result;
    const named = Object.entries(result.fieldErrors).map(([name, messages]) => {
      const label = fieldLabel(form.current, name);
      const bare = result.fieldMessages?.[name];
      return [name, label && bare ? bare.map((message) => withLabel(label, message)) : messages] as const;
    });
    return { ...result, fieldErrors: Object.fromEntries(named) };
  }, initialActionState);
  const [, startTransition] = useTransition();
  /** A refusal of the browser: a file too large, or fields the schema refuses. */
  const [refused, setRefused] = useState<(ActionState & { byChecks?: boolean }) | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const success = useRef<HTMLParagraphElement>(null);
  const formId = useId();
  const t = useTranslations("common");
  const words = useTranslations();

  /** Whether the last submit got past the browser's checks (Conform calls onSubmit only then). */
  const sent = useRef(false);
  // The server's answer, as Conform's last result: its field errors join those of the browser.
  const lastResult = useMemo(
    () => (answer === initialActionState ? null : { status: answer.ok ? ("success" as const) : ("error" as const), error: answer.fieldErrors ?? {} }),
    [answer],
  );
  const [conform] = useForm({
    id: formId,
    lastResult,
    // Without a schema there is nothing to check in the browser: no check as people type.
    shouldValidate: schema ? "onBlur" : "onSubmit",
    shouldRevalidate: schema ? "onInput" : "onSubmit",
    onValidate: schema
      ? ({ formData }) =>
          parseWithZod(formData, {
            schema: FORM_SCHEMAS[schema],
            formatError: (issues: readonly { path: PropertyKey[]; message: string }[]) =>
              issues.map((issue) => describeFieldError(words, fieldOfPath(issue.path), issue.message, fieldLabel(form.current, fieldOfPath(issue.path)))),
          })
      : undefined,
    onSubmit(event, { formData }) {
      event.preventDefault();
      sent.current = true;
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
      startTransition(() => formAction(formData));
    },
  });
  // Errors by field ("times[0]" is the field "times"), from the browser's checks and the server's answer.
  const fieldErrors = useMemo(() => {
    const errors: Record<string, string[]> = {};
    for (const [path, messages] of Object.entries(conform.allErrors)) {
      const name = path.replace(/[[.].*$/, "");
      if (name && messages?.length) errors[name] = [...(errors[name] ?? []), ...messages];
    }
    return errors;
  }, [conform.allErrors]);
  // The browser's refusal of the fields lasts while some are wrong; a file too large, until the next send.
  const state = refused && !(refused.byChecks && Object.keys(fieldErrors).length === 0) ? refused : answer;
  const errorList = Object.entries(fieldErrors).flatMap(([name, messages]) => messages.map((message) => ({ name, message })));
  /** Set when the browser's checks stop a send: the summary shows and takes the focus. */
  const [checkedAt, setCheckedAt] = useState(0);

  useEffect(() => {
    const element = form.current;
    if (!element) return;
    // Inputs that are not fields of fields.tsx (a custom control) are marked here.
    for (const field of element.querySelectorAll("[data-marked-invalid]")) {
      field.removeAttribute("aria-invalid");
      field.removeAttribute("data-marked-invalid");
    }
    for (const name of Object.keys(fieldErrors)) {
      const field = element.elements.namedItem(name);
      if (field instanceof HTMLElement && !field.hasAttribute("aria-invalid")) {
        field.setAttribute("aria-invalid", "true");
        field.setAttribute("data-marked-invalid", "");
      }
    }
  }, [fieldErrors]);

  useEffect(() => {
    const element = form.current;
    if (!element || answer === initialActionState) return;
    if (answer.ok) {
      if (resetOnSuccess) element.reset();
      success.current?.focus();
    } else {
      summary.current?.focus();
    }
  }, [answer, resetOnSuccess]);

  useEffect(() => {
    if (checkedAt) summary.current?.focus();
  }, [checkedAt]);

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
        id={conform.id}
        noValidate={conform.noValidate}
        encType={encType}
        className={className}
        onSubmit={(event) => {
          // Conform checks a field as it is left by submitting the form with a hidden button of its own
          // (an "intent"), which must neither send nor show the summary.
          const submitter = (event.nativeEvent as SubmitEvent).submitter;
          const checkOnly = submitter instanceof HTMLButtonElement && submitter.name === INTENT;
          if (!checkOnly) setRefused(null);
          sent.current = false;
          conform.onSubmit(event);
          // Sending is always by hand (onSubmit of useForm), never the browser's own.
          event.preventDefault();
          // Conform calls onSubmit above only when the schema accepts the fields: otherwise, say so.
          if (!sent.current && schema && !checkOnly) {
            setRefused({ ok: false, message: words("domainErrors.INVALID_INPUT"), byChecks: true });
            setCheckedAt((count) => count + 1);
          }
        }}
      >
        {!state.ok && state.message ? (
          <div
            ref={summary}
            tabIndex={-1}
            role="alert"
            className="rounded-md border-2 border-red-800 bg-red-50 p-3 text-red-900 focus:outline-3 focus:outline-offset-2"
          >
            <p className="font-semibold">{state.message}</p>
            {errorList.length ? (
              <ul className="mt-1 list-disc ps-5">
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

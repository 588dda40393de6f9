"use client";

// A small form posting to a server action, with its fields, its errors announced and its answer.
import { useActionState, useId } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { useKeptValues } from "@/components/forms/use-kept-values";
import { initialActionState, type ActionState } from "@/lib/actions/state";

export interface Field {
  name: string;
  label: string;
  type?: string;
  autoComplete?: string;
}

export function SimpleForm({
  action,
  fields,
  hidden = {},
  submit,
  done,
}: {
  action: (state: ActionState, data: FormData) => Promise<ActionState>;
  fields: Field[];
  hidden?: Record<string, string>;
  submit: string;
  /** Shown instead of the form once the action succeeded. */
  done?: React.ReactNode;
}) {
  const id = useId();
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const send = useKeptValues(formAction);
  if (state.ok && done !== undefined) {
    return (
      <div role="status" className="space-y-3 rounded-md bg-green-50 p-4 text-green-900">
        <p className="font-semibold">{state.message}</p>
        {done}
      </div>
    );
  }
  return (
    <form onSubmit={send} className="space-y-4">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => {
        const error = state.fieldErrors?.[field.name]?.[0];
        return (
          <p key={field.name}>
            <label htmlFor={`${id}-${field.name}`} className="mb-1 block font-semibold">
              {field.label}
            </label>
            <input
              id={`${id}-${field.name}`}
              name={field.name}
              type={field.type ?? "text"}
              autoComplete={field.autoComplete}
              required
              aria-invalid={Boolean(error)}
              aria-describedby={error ? `${id}-${field.name}-error` : undefined}
              className="w-full rounded-md border border-gray-500 px-3 py-2 text-lg"
            />
            {error ? (
              <span id={`${id}-${field.name}-error`} className="font-semibold text-red-800">
                {error}
              </span>
            ) : null}
          </p>
        );
      })}
      <div aria-live="polite">
        {state.message ? <p className={state.ok ? "font-semibold text-green-900" : "font-semibold text-red-800"}>{state.message}</p> : null}
      </div>
      <SubmitButton pending={pending} className="px-5 py-3">
        {submit}
      </SubmitButton>
    </form>
  );
}

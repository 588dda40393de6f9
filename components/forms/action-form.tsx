"use client";

// A form posting to a server action: its fields come as children (rendered on the server), its answer
// is announced to screen readers, field errors are listed, and a destructive action asks first.
import { useActionState } from "react";
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
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const errors = state.fieldErrors ? Object.values(state.fieldErrors).flat() : [];
  return (
    <form
      action={formAction}
      encType={encType}
      className={className}
      onSubmit={(event) => {
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

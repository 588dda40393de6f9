"use client";

// The button of a form: while the form is being sent it says so ("Envoi…" with a spinner, aria-busy),
// and cannot be pressed twice. Inside a <form action={…}> it reads the form's state itself.
import { useTranslations } from "next-intl";
import { useFormStatus } from "react-dom";

export function SubmitButton({
  children,
  pending: sending,
  danger = false,
  name,
  value,
  className = "",
}: {
  children: React.ReactNode;
  /** Given by a form that sends by hand (ActionForm); otherwise the enclosing form's status. */
  pending?: boolean;
  danger?: boolean;
  name?: string;
  value?: string;
  className?: string;
}) {
  const status = useFormStatus();
  const t = useTranslations("common");
  // With several buttons, only the one pressed says "Envoi…".
  const pending = sending ?? (status.pending && (name === undefined || status.data?.get(name) === value));
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={sending ?? status.pending}
      aria-busy={pending}
      className={`rounded-md px-4 py-2 font-semibold text-white disabled:opacity-60 ${danger ? "bg-red-800 hover:bg-red-900" : "bg-brand-700 hover:bg-brand-800"} ${className}`}
    >
      {pending ? (
        <>
          <span aria-hidden="true" className="me-2 inline-block h-4 w-4 animate-spin rounded-full border-2 border-white border-t-transparent align-[-2px]" />
          {t("sending")}
        </>
      ) : (
        children
      )}
    </button>
  );
}

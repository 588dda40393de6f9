"use client";

// Cancelling is a second step: open the form, say why (optional), tick to confirm, then cancel. A cancelled
// booking is shown again with its result (the action redirects; the banner takes the focus there).
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/submit-button";
import { useKeptValues } from "@/components/forms/use-kept-values";
import { initialActionState, type ActionState } from "@/lib/actions/state";

export function CancelBookingForm({ bookingId, cancel }: { bookingId: string; cancel: (state: ActionState, data: FormData) => Promise<ActionState> }) {
  const t = useTranslations("bookingPage");
  const id = useId();
  const [state, action, pending] = useActionState(cancel, initialActionState);
  const send = useKeptValues(action);
  return (
    <details className="rounded-lg border border-red-700 p-4">
      <summary className="cursor-pointer font-semibold text-red-800">{t("cancelOpen")}</summary>
      <form onSubmit={send} className="mt-4 space-y-3">
        <input type="hidden" name="bookingId" value={bookingId} />
        <p>
          <label htmlFor={`${id}-note`} className="mb-1 block font-semibold">
            {t("cancelNote")}
          </label>
          <textarea id={`${id}-note`} name="note" maxLength={500} rows={2} className="w-full rounded-md border border-gray-500 px-3 py-2" />
        </p>
        <label className="flex items-start gap-2">
          <input type="checkbox" name="confirm" value="oui" required className="mt-1 h-5 w-5" />
          {t("cancelConfirm")}
        </label>
        {state.message ? (
          <p role="alert" className="font-semibold text-red-800">
            {state.message}
          </p>
        ) : null}
        <SubmitButton pending={pending} danger className="py-3">
          {t("cancelSubmit")}
        </SubmitButton>
      </form>
    </details>
  );
}

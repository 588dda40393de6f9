"use client";

// Cancelling is a second step: open the form, say why (optional), tick to confirm, then cancel. A cancelled
// booking is shown again with its result (the action redirects; the banner takes the focus there).
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { ConfirmBox, TextField } from "@/components/forms/fields";
import type { ActionState } from "@/lib/actions/state";

export function CancelBookingForm({ bookingId, cancel }: { bookingId: string; cancel: (state: ActionState, data: FormData) => Promise<ActionState> }) {
  const t = useTranslations("bookingPage");
  return (
    <details className="rounded-lg border border-red-700 p-4">
      <summary className="cursor-pointer font-semibold text-red-800">{t("cancelOpen")}</summary>
      <ActionForm action={cancel} submit={t("cancelSubmit")} danger className="mt-4 space-y-3">
        <input type="hidden" name="bookingId" value={bookingId} />
        <TextField name="note" label={t("cancelNote")} multiline />
        <ConfirmBox label={t("cancelConfirm")} />
      </ActionForm>
    </details>
  );
}

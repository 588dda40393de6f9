"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialActionState, type ActionState } from "@/lib/actions/state";

export function RenewCodeForm({ partnerId, renew }: { partnerId: string; renew: (state: ActionState, data: FormData) => Promise<ActionState> }) {
  const t = useTranslations("visitor");
  const [state, action, pending] = useActionState(renew, initialActionState);
  return (
    <details className="rounded-md border border-gray-300 p-3">
      <summary className="cursor-pointer font-semibold">{t("renew")}</summary>
      <form action={action} className="mt-3 space-y-3">
        <input type="hidden" name="partnerId" value={partnerId} />
        <label className="flex items-start gap-2">
          <input type="checkbox" name="confirm" value="oui" required className="mt-1 h-5 w-5" />
          {t("renewConfirm")}
        </label>
        <SubmitButton pending={pending}>{t("renew")}</SubmitButton>
        <div aria-live="polite">{state.message ? <p className={state.ok ? "font-semibold text-green-900" : "font-semibold text-red-800"}>{state.message}</p> : null}</div>
      </form>
    </details>
  );
}

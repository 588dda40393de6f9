"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialActionState, type ActionState } from "@/lib/actions/state";

/** "Changer le code", confirmed first since the old one stops working; "Créer le code" when there is none yet. */
export function RenewCodeForm({ partnerId, renew, hasCode }: { partnerId: string; renew: (state: ActionState, data: FormData) => Promise<ActionState>; hasCode: boolean }) {
  const t = useTranslations("visitor");
  const [state, action, pending] = useActionState(renew, initialActionState);
  if (!hasCode)
    return (
      <form action={action} className="space-y-3">
        <input type="hidden" name="partnerId" value={partnerId} />
        {/* No old code to lose: nothing to confirm. */}
        <input type="hidden" name="confirm" value="oui" />
        <SubmitButton pending={pending}>{t("create")}</SubmitButton>
        <div aria-live="polite">{state.message ? <p className={state.ok ? "font-semibold text-green-900" : "font-semibold text-red-800"}>{state.message}</p> : null}</div>
      </form>
    );
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

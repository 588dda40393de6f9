"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { ConfirmBox } from "@/components/forms/fields";
import type { ActionState } from "@/lib/actions/state";

/** "Changer le code", confirmed first since the old one stops working; "Créer le code" when there is none yet. */
export function RenewCodeForm({
  partnerId,
  renew,
  hasCode,
}: {
  partnerId: string;
  renew: (state: ActionState, data: FormData) => Promise<ActionState>;
  hasCode: boolean;
}) {
  const t = useTranslations("visitor");
  if (!hasCode)
    return (
      <ActionForm action={renew} submit={t("create")}>
        <input type="hidden" name="partnerId" value={partnerId} />
        {/* No old code to lose: nothing to confirm. */}
        <input type="hidden" name="confirm" value="oui" />
      </ActionForm>
    );
  return (
    <details className="rounded-md border border-gray-300 p-3">
      <summary className="cursor-pointer font-semibold">{t("renew")}</summary>
      <ActionForm action={renew} submit={t("renew")} className="mt-3 space-y-3">
        <input type="hidden" name="partnerId" value={partnerId} />
        <ConfirmBox label={t("renewConfirm")} />
      </ActionForm>
    </details>
  );
}

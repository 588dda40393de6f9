// Recording a structure's membership by hand (a cheque, a transfer): the structure is found by typing, since
// a national network has thousands of them.
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { ChoicePicker } from "@/components/forms/choice-picker";
import { SelectField, TextField } from "@/components/forms/fields";
import type { ActionState } from "@/lib/actions/state";
import type { Choice } from "@/lib/association/choices";
import { parisDate } from "@/lib/time";

const PAYMENT_MEANS = ["cheque", "transfer", "cash", "card", "other"] as const;

export async function RecordSection({
  season,
  label,
  noStructures,
  askedId,
  asked,
  record,
  search,
  now,
}: {
  season: number;
  label: string;
  noStructures: boolean;
  /** The structure a row's link asked for (?structure=), preselected. */
  askedId: string | undefined;
  asked: Choice | null;
  record: (state: ActionState, data: FormData) => Promise<ActionState>;
  search: React.ComponentProps<typeof ChoicePicker>["search"];
  now: Date;
}) {
  const t = await getTranslations("membershipsAdmin");
  const hiddenSeason = <input type="hidden" name="season" value={season} />;
  return (
    <section aria-labelledby="enregistrer" className="space-y-3 rounded-lg border border-brand-100 p-4">
      <h2 id="enregistrer" className="text-2xl font-semibold">
        {t("recordTitle", { season: label })}
      </h2>
      <p>{t("recordLead")}</p>
      {noStructures ? (
        <p>{t("noStructures")}</p>
      ) : (
        // Keyed by the structure asked for in the URL: a row's link then preselects it, even without a reload.
        <ActionForm key={askedId ?? "none"} action={record} submit={t("record")} resetOnSuccess>
          {hiddenSeason}
          {/* Found by typing: a national network has thousands of structures, no list of all. */}
          <ChoicePicker name="partnerId" label={t("structure")} kind="PARTNER" search={search} chosen={asked} />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField name="joinedOn" label={t("joinedOn")} type="date" defaultValue={parisDate(now)} required />
            <TextField name="amount" label={t("amount")} />
            <SelectField
              name="paymentMeans"
              label={t("paymentMeans")}
              defaultValue=""
              options={[["", t("means.none")], ...PAYMENT_MEANS.map((m): [string, string] => [t(`means.${m}`), t(`means.${m}`)])]}
            />
            <TextField name="receiptNumber" label={t("receiptNumber")} />
          </div>
        </ActionForm>
      )}
    </section>
  );
}

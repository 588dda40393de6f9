// The form of a structure's NEXT step only, after its current stage (the FAQ's path): plan a meeting,
// record it with its decision, the convention signed, the first referent's account, the training.
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";
import type { Stage } from "@/lib/association/partnership";
import type { ActionState } from "@/lib/actions/state";

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

/** Which step comes after a stage; a declined partnership may be taken up again with a new meeting. */
const NEXT: Record<Stage, "MEETING_PLANNED" | "MEETING_HELD" | "CONVENTION_SIGNED" | "ACCOUNT_CREATED" | "TRAINED" | null> = {
  REQUEST_RECEIVED: "MEETING_PLANNED",
  MEETING_PLANNED: "MEETING_HELD",
  MEETING_HELD: "CONVENTION_SIGNED",
  DECLINED: "MEETING_PLANNED",
  CONVENTION_SIGNED: "ACCOUNT_CREATED",
  ACCOUNT_CREATED: "TRAINED",
  TRAINED: null,
};

export async function NextStep({ partnerId, stage, today, action }: { partnerId: string; stage: Stage | null; today: string; action: Action }) {
  const t = await getTranslations("structuresAdmin.next");
  const labels = await getTranslations("associationLabels");
  const next = NEXT[stage ?? "REQUEST_RECEIVED"];
  if (!next) return <p className="rounded-lg bg-green-50 p-4">{t("done")}</p>;
  const title = stage === "DECLINED" ? t("titles.RESTART") : t(`titles.${next}`);
  const note = <TextField name="note" label={t("note")} multiline />;
  return (
    <div className="space-y-3 rounded-lg bg-brand-50 p-4">
      <h3 className="text-lg font-semibold">{title}</h3>
      <p>{t(`help.${next}`)}</p>
      <ActionForm action={action} submit={t(`submit.${next}`)} resetOnSuccess>
        <input type="hidden" name="partnerId" value={partnerId} />
        <input type="hidden" name="kind" value={next} />
        {next === "MEETING_PLANNED" ? <TextField name="meetingOn" type="date" label={t("meetingOn")} required /> : null}
        {next === "MEETING_HELD" ? (
          <SelectField name="decision" label={t("decision")} defaultValue="" options={[["", t("chooseDecision")], ...(["CONFIRMED", "DECLINED"] as const).map((decision): [string, string] => [decision, labels(`decision.${decision}`)])]} />
        ) : null}
        {next === "CONVENTION_SIGNED" ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField name="signedOn" type="date" label={t("signedOn")} defaultValue={today} required />
            <TextField name="reference" label={t("reference")} />
            <TextField name="validFrom" type="date" label={t("validFrom")} defaultValue={today} required />
            <TextField name="validUntil" type="date" label={t("validUntil")} required />
          </div>
        ) : null}
        {next === "ACCOUNT_CREATED" ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField name="name" label={t("referentName")} required />
            <TextField name="email" type="email" label={t("referentEmail")} required />
          </div>
        ) : null}
        {next === "TRAINED" ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField name="trainedOn" type="date" label={t("trainedOn")} defaultValue={today} required />
            <TextField name="trainer" label={t("trainer")} required />
          </div>
        ) : null}
        {note}
      </ActionForm>
    </div>
  );
}

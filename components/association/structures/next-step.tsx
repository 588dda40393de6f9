// The form of a structure's NEXT step only, as lib/association/onboarding.ts's nextStepOf names it: plan a
// meeting, record it with its decision, the convention signed, the first referent's account, the training.
// What it prefills and when it asks for confirmation (issue 29.7, 29.8) comes from the page's data.
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";
import { nextStepOf, type Stage } from "@/lib/association/onboarding";
import { formatDay } from "@/lib/format/dates";
import type { ActionState } from "@/lib/actions/state";

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

interface Props {
  partnerId: string;
  stage: Stage | null;
  today: string;
  action: Action;
  /** The planned day of a meeting still to come (lib's meetingAhead): recording it as held asks first. */
  meetingAhead: string | null;
  /** Who sent the request, to fill the first referent's account (lib's requestContact). */
  contact: { name: string; email: string } | null;
}

export async function NextStep({ partnerId, stage, today, action, meetingAhead, contact }: Props) {
  const t = await getTranslations("structuresAdmin.next");
  const labels = await getTranslations("associationLabels");
  const next = nextStepOf(stage);
  if (!next) return <p className="rounded-lg bg-green-50 p-4">{t("done")}</p>;
  const early = next === "MEETING_HELD" && meetingAhead ? formatDay(meetingAhead) : null;
  const title = stage === "DECLINED" ? t("titles.RESTART") : t(`titles.${next}`);
  const note = <TextField name="note" label={t("note")} multiline />;
  return (
    <div className="space-y-3 rounded-lg bg-brand-50 p-4">
      <h3 className="text-lg font-semibold">{title}</h3>
      <p>{t(`help.${next}`)}</p>
      {early ? <p className="font-semibold">{t("earlyWarning", { date: early })}</p> : null}
      <ActionForm action={action} submit={t(`submit.${next}`)} confirm={early ? t("earlyConfirm", { date: early }) : undefined} resetOnSuccess>
        <input type="hidden" name="partnerId" value={partnerId} />
        <input type="hidden" name="kind" value={next} />
        {/* Sent only with the question above, answered yes: lib refuses an early meeting without it. */}
        {early ? <input type="hidden" name="confirmEarly" value="true" /> : null}
        {next === "MEETING_PLANNED" ? <TextField name="meetingOn" type="date" label={t("meetingOn")} required /> : null}
        {next === "MEETING_HELD" ? (
          <SelectField
            name="decision"
            label={t("decision")}
            defaultValue=""
            options={[
              ["", t("chooseDecision")],
              ...(["CONFIRMED", "DECLINED"] as const).map((decision): [string, string] => [decision, labels(`decision.${decision}`)]),
            ]}
          />
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
            <TextField name="name" label={t("referentName")} defaultValue={contact?.name} required />
            <TextField name="email" type="email" label={t("referentEmail")} defaultValue={contact?.email} required />
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

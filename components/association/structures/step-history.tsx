// A structure's partnership as a history: each step with when, who, its note and what it recorded.
import { getTranslations } from "@/lib/i18n/server";
import { formatDay, formatMoment } from "@/lib/format/dates";
import type { OnboardingStepKind } from "@/lib/generated/prisma/enums";

export interface StepEntry {
  id: string;
  kind: OnboardingStepKind;
  at: Date;
  note: string | null;
  data: unknown;
  byUser: { name: string } | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function StepHistory({ steps }: { steps: StepEntry[] }) {
  const t = await getTranslations("structuresAdmin.history");
  const labels = await getTranslations("associationLabels");
  if (!steps.length) return <p>{t("empty")}</p>;
  // Days typed in a form are calendar days: shown as they were typed, whatever the time zone.
  const day = (value: unknown) => (typeof value === "string" && DAY.test(value) ? formatDay(value) : null);
  const details = (step: StepEntry): string[] => {
    const data = step.data && typeof step.data === "object" && !Array.isArray(step.data) ? (step.data as Record<string, unknown>) : {};
    const lines: string[] = [];
    const meetingOn = day(data.meetingOn);
    if (meetingOn) lines.push(t("meetingOn", { date: meetingOn }));
    if (data.decision === "CONFIRMED" || data.decision === "DECLINED") lines.push(labels(`decision.${data.decision}`));
    const validUntil = day(data.validUntil);
    if (validUntil) lines.push(t("validUntil", { date: validUntil }));
    const invited = Array.isArray(data.invited) ? data.invited.filter((v) => typeof v === "string") : typeof data.invited === "string" ? [data.invited] : [];
    if (invited.length) lines.push(t("invited", { emails: invited.join(", ") }));
    const trainedOn = day(data.trainedOn);
    if (trainedOn || typeof data.trainer === "string")
      lines.push(t("trained", { date: trainedOn ?? "—", trainer: typeof data.trainer === "string" ? data.trainer : "—" }));
    return lines;
  };
  return (
    <ol className="space-y-3 border-l-4 border-brand-100 pl-4">
      {steps.map((step) => (
        <li key={step.id} className="space-y-1">
          <p>
            <strong>{labels(`stepKind.${step.kind}`)}</strong>
            {" · "}
            <time dateTime={step.at.toISOString()}>{formatMoment(step.at)}</time>
            {" · "}
            {step.byUser ? t("by", { name: step.byUser.name }) : step.kind === "REQUEST_RECEIVED" ? t("byForm") : t("byNobody")}
          </p>
          {details(step).map((line) => (
            <p key={line} className="text-sm">
              {line}
            </p>
          ))}
          {step.note ? <p className="whitespace-pre-line text-sm italic">{t("note", { note: step.note })}</p> : null}
        </li>
      ))}
    </ol>
  );
}

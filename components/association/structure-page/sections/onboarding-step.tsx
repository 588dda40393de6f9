// Where the structure stands in its onboarding, and the form of its next step (lib/association/onboarding.ts);
// a structure whose conventions have all ended is sent to the renewal first.
import { getTranslations } from "@/lib/i18n/server";
import { NextStep } from "@/components/association/structures/next-step";
import { meetingAhead, requestContact } from "@/lib/association/onboarding";
import { formatDay } from "@/lib/format/dates";
import { parisDate } from "@/lib/time";
import { Section, type FormAction, type StructureFile } from "../section";

export async function OnboardingStepSection({ structure, now, recordStep }: { structure: StructureFile; now: Date; recordStep: FormAction }) {
  const t = await getTranslations("structuresAdmin.structure");
  const root = await getTranslations("structuresAdmin");
  const labels = await getTranslations("associationLabels");
  return (
    <Section id="etape">
      {/* Announced when a step is recorded, even the last one (whose form then goes away). */}
      <p aria-live="polite">
        {structure.stage ? t("currentStage", { stage: labels(`stage.${structure.stage}`) }) : root("noStep")}
        {structure.steps[0] ? ` ${t("stageSince", { date: formatDay(structure.steps[0].at) })}` : null}
      </p>
      {structure.conventions.length > 0 && !structure.conventionValid ? (
        <p className="rounded-lg border-2 border-red-800 p-4 font-semibold text-red-800">
          {t("renewHint")}{" "}
          <a href="#conventions" className="underline">
            {t("renewLink")}
          </a>
        </p>
      ) : null}
      <NextStep
        partnerId={structure.id}
        stage={structure.stage}
        today={parisDate(now)}
        action={recordStep}
        meetingAhead={meetingAhead(structure.steps, now)}
        contact={requestContact(structure.requests)}
      />
    </Section>
  );
}

// The structure's onboarding as a history, newest first (components/association/structures/step-history.tsx).
import { StepHistory } from "@/components/association/structures/step-history";
import { Section, type StructureFile } from "../section";

export function HistorySection({ structure }: { structure: StructureFile }) {
  return (
    <Section id="historique">
      <StepHistory steps={structure.steps} />
    </Section>
  );
}

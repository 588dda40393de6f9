// One section of a structure's page (app/admin/structures/[id]): a heading the page's table of contents
// links to, by the section's id, and its content. The structure as the page loads it is StructureFile.
import type { ReactNode } from "react";
import type { ActionState } from "@/lib/actions/state";
import { getTranslations } from "@/lib/i18n/server";
import type { getStructure } from "@/lib/association/structures";

export type StructureFile = Awaited<ReturnType<typeof getStructure>>;
export type FormAction = (state: ActionState, data: FormData) => Promise<ActionState>;

/** The sections, in the page's order: their ids are the links of the table of contents (and its catalog keys). */
export const SECTION_IDS = [
  "etape",
  "historique",
  "conventions",
  "referents",
  "acces-visiteur",
  "reservations",
  "adhesions",
  "quotas",
  "fiche",
  "demandes",
  "journal",
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const card = "space-y-3 rounded-lg border border-brand-100 p-4";
export const cell = "px-3 py-2 align-top";

export async function Section({ id, children }: { id: SectionId; children: ReactNode }) {
  const t = await getTranslations("structuresAdmin.structure");
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-2xl font-semibold">
        {t(`sections.${id}`)}
      </h2>
      {children}
    </section>
  );
}

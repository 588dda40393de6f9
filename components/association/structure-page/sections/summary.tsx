// The head of a structure's page: its name, sector and town, and where it stands at a glance (stage,
// convention, this season's membership, referents, people, visitor code).
import type { ReactNode } from "react";
import { getTranslations } from "@/lib/i18n/server";
import { ConventionState } from "@/components/association/structures/convention-state";
import { seasonLabel, seasonOf } from "@/lib/time";
import type { StructureFile } from "../section";

export async function Summary({ structure, latestConvention, now }: { structure: StructureFile; latestConvention: Date | null; now: Date }) {
  const t = await getTranslations("structuresAdmin.structure");
  const root = await getTranslations("structuresAdmin");
  const labels = await getTranslations("associationLabels");
  const season = seasonOf(now);
  const thisSeason = structure.memberships.find((m) => m.season === season);
  const facts: [string, ReactNode][] = [
    [t("summary.stage"), structure.stage ? labels(`stage.${structure.stage}`) : root("noStep")],
    [t("summary.convention"), <ConventionState key="convention" until={latestConvention} valid={structure.conventionValid} now={now} />],
    [t("summary.membership", { season: seasonLabel(season) }), thisSeason ? labels(`membership.${thisSeason.status}`) : root("membershipNone")],
    [t("summary.referents"), structure.referents.filter((r) => r.active).length],
    [t("summary.people"), structure.people],
    [t("summary.visitorCode"), structure.visitorCodeActive ? t("visitor.active") : t("visitor.inactive")],
  ];
  return (
    <header className="space-y-3">
      <h1 className="text-3xl font-bold text-brand-800">{structure.name}</h1>
      <p className="text-lg">{[labels(`sector.${structure.sector}`), structure.city].filter(Boolean).join(" · ")}</p>
      <dl className="grid gap-x-6 gap-y-2 rounded-lg bg-brand-50 p-4 sm:grid-cols-2 lg:grid-cols-3">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt className="font-semibold">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}

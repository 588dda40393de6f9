// Whether the structure's visitor code is active (never the code itself: it is the structure's secret).
import { getTranslations } from "@/lib/i18n/server";
import { formatDay } from "@/lib/format/dates";
import { Section, type StructureFile } from "../section";

export async function VisitorAccessSection({ structure }: { structure: StructureFile }) {
  const t = await getTranslations("structuresAdmin.structure");
  return (
    <Section id="acces-visiteur">
      <p>
        {structure.visitorCodeActive ? t("visitor.activeLong") : t("visitor.inactiveLong")}
        {structure.visitorCodeActive && structure.visitorCodeRenewedAt
          ? ` ${t("visitor.renewedOn", { date: formatDay(structure.visitorCodeRenewedAt) })}`
          : null}
      </p>
      <p className="text-sm">{t("visitor.secret")}</p>
    </Section>
  );
}

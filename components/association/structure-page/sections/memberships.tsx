// The structure's memberships, season by season (never a condition to book).
import { getTranslations } from "@/lib/i18n/server";
import { formatDay } from "@/lib/format/dates";
import { cell, Section, type StructureFile } from "../section";
import { ScrollTable } from "@/components/scroll-table";

export async function MembershipsSection({ structure }: { structure: StructureFile }) {
  const t = await getTranslations("structuresAdmin.structure");
  const labels = await getTranslations("associationLabels");
  return (
    <Section id="adhesions">
      <p className="text-sm">{t("memberships.help")}</p>
      {structure.memberships.length === 0 ? (
        <p>{t("memberships.empty")}</p>
      ) : (
        <ScrollTable label={t("memberships.scroll")} className="rounded-lg border border-brand-100">
          <table className="w-full min-w-[28rem] border-collapse text-left">
            <caption className="sr-only">{t("memberships.caption")}</caption>
            <thead className="bg-brand-50">
              <tr>
                {(["season", "state", "joinedOn"] as const).map((column) => (
                  <th key={column} scope="col" className={cell}>
                    {t(`memberships.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {structure.memberships.map((membership) => (
                <tr key={membership.id} className="border-t border-brand-100">
                  <th scope="row" className={`${cell} font-normal`}>
                    {labels("season", { start: membership.season, end: membership.season + 1 })}
                  </th>
                  <td className={cell}>{labels(`membership.${membership.status}`)}</td>
                  <td className={cell}>{membership.joinedOn ? formatDay(membership.joinedOn) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </Section>
  );
}

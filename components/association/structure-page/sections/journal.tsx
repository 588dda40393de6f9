// The structure's last entries of the journal (who did what, when), with a link to all of them.
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { actionLabeller } from "@/components/association/journal/audit-details";
import { JOURNAL_WORDS, type listJournal } from "@/lib/association/journal";
import { toUrl } from "@/lib/lists";
import { formatMoment } from "@/lib/format/dates";
import { cell, Section, type StructureFile } from "../section";
import { ScrollTable } from "@/components/scroll-table";

type JournalEntry = Awaited<ReturnType<typeof listJournal>>["entries"][number];

export async function JournalSection({ structure, entries }: { structure: StructureFile; entries: JournalEntry[] }) {
  const t = await getTranslations("structuresAdmin.structure");
  const labels = await getTranslations("associationLabels");
  const actionLabel = await actionLabeller();
  return (
    <Section id="journal">
      {entries.length === 0 ? (
        <p>{t("journal.empty")}</p>
      ) : (
        <ScrollTable label={t("journal.scroll")} className="rounded-lg border border-brand-100">
          <table className="w-full min-w-[36rem] border-collapse text-left">
            <caption className="sr-only">{t("journal.caption", { count: entries.length })}</caption>
            <thead className="bg-brand-50">
              <tr>
                {(["when", "who", "what", "about"] as const).map((column) => (
                  <th key={column} scope="col" className={cell}>
                    {t(`journal.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} className="border-t border-brand-100">
                  <th scope="row" className={`${cell} font-normal`}>
                    {formatMoment(entry.at)}
                  </th>
                  <td className={cell}>
                    {entry.actorName ?? (labels.has(`actorKind.${entry.actorKind}`) ? labels(`actorKind.${entry.actorKind}`) : entry.actorKind)}
                  </td>
                  <td className={cell}>{actionLabel(entry.action)}</td>
                  <td className={cell}>{labels.has(`entityType.${entry.entityType}`) ? labels(`entityType.${entry.entityType}`) : entry.entityType}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <p>
        <Link href={`/admin/journal${toUrl(JOURNAL_WORDS, { partner: structure.id })}`} className="font-semibold text-brand-800 underline">
          {t("journal.link", { name: structure.name })}
        </Link>
      </p>
    </Section>
  );
}

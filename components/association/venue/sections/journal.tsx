// The venue's last entries in the audit log, and the way to all of them in the journal.
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { actionLabeller } from "@/components/association/journal/audit-details";
import { JOURNAL_WORDS, type listJournal } from "@/lib/association/journal";
import { toUrl } from "@/lib/lists";
import { formatMoment } from "@/lib/format/dates";
import { box, h2, type VenueForAssociation } from "./types";

export async function JournalSection({ venue, journal }: { venue: VenueForAssociation; journal: Awaited<ReturnType<typeof listJournal>> }) {
  const t = await getTranslations("venuesAdmin");
  const shared = await getTranslations("associationLabels");
  const actionLabel = await actionLabeller();
  return (
    <section aria-labelledby="historique" className={box}>
      <h2 id="historique" className={h2}>
        {t("journalTitle")}
      </h2>
      {journal.entries.length === 0 ? (
        <p>{t("journalEmpty")}</p>
      ) : (
        <ol className="divide-y divide-brand-100" aria-label={t("journalLabel")}>
          {journal.entries.map((entry) => (
            <li key={entry.id} className="py-2">
              <span className="font-semibold">{actionLabel(entry.action)}</span> · {shared(`entityType.${entry.entityType}`)}
              <br />
              <span className="text-sm">
                {formatMoment(entry.at)} · {entry.actorName ?? shared(`actorKind.${entry.actorKind}`)}
              </span>
            </li>
          ))}
        </ol>
      )}
      <p>
        <Link href={`/admin/journal${toUrl(JOURNAL_WORDS, { venue: venue.id })}`} className="font-semibold text-brand-800 underline">
          {t("journalAll", { count: journal.total })}
        </Link>
      </p>
    </section>
  );
}

// Every change of the booking, from the audit log (rule 7 of lib/booking: who, when, what).
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { actionLabeller, actorLabeller, AuditDetails } from "@/components/association/journal/audit-details";
import { formatMoment } from "@/lib/format/dates";
import { JOURNAL_WORDS } from "@/lib/association/journal";
import { toUrl } from "@/lib/lists";
import { link, type AssociationBooking } from "./types";

export async function HistorySection({ booking }: { booking: AssociationBooking }) {
  const t = await getTranslations("bookingsAdmin.booking");
  const actionLabel = await actionLabeller();
  const actorLabel = await actorLabeller();
  return (
    <section aria-labelledby="historique" className="space-y-3">
      <h2 id="historique" className="text-2xl font-semibold">
        {t("historyTitle")}
      </h2>
      {booking.history.length === 0 ? (
        <p>{t("historyEmpty")}</p>
      ) : (
        <>
          <ol className="space-y-3 border-l-2 border-brand-100 pl-4">
            {booking.history.map((entry) => (
              <li key={entry.id}>
                <p>
                  <time dateTime={entry.at.toISOString()} className="font-semibold">
                    {formatMoment(entry.at)}
                  </time>{" "}
                  — {actionLabel(entry.action)} — {actorLabel(entry.actor?.name, entry.actorKind)}
                </p>
                <AuditDetails before={entry.before} after={entry.after} />
              </li>
            ))}
          </ol>
          <p>
            <Link href={`/admin/journal${toUrl(JOURNAL_WORDS, { type: "Booking", object: booking.id })}`} className={link}>
              {t("historyInJournal")}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}

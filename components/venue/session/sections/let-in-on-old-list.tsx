// The venue's session page, issue 32.3: guests a door's device let in offline on a snapshot that did not
// yet know their invitation was cancelled. Said once the device has synced, so that the ticket office
// knows whose place was taken twice.
import { formatBookingNumber } from "@/lib/booking/number";
import { formatTime } from "@/lib/format/dates";
import { getTranslations } from "@/lib/i18n/server";

export async function LetInOnOldListSection({ rows }: { rows: { number: string; firstName: string; lastName: string; markedAt: Date; snapshotAt: Date }[] }) {
  if (!rows.length) return null;
  const t = await getTranslations("venue.door.offline");
  return (
    <section aria-labelledby="entres-liste-ancienne" className="space-y-2 rounded-lg bg-amber-50 p-4 text-amber-950">
      <h2 id="entres-liste-ancienne" className="text-xl font-semibold">
        {t("letInTitle", { count: rows.length })}
      </h2>
      <ul className="list-disc space-y-1 pl-6">
        {rows.map((row) => (
          <li key={`${row.number}-${row.firstName}-${row.markedAt.getTime()}`}>
            {t("letInRow", {
              name: `${row.firstName} ${row.lastName}`,
              number: formatBookingNumber(row.number),
              time: formatTime(row.markedAt),
              list: formatTime(row.snapshotAt),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

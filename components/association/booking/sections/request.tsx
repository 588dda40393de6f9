// When and by whom the booking was asked, confirmed or moved up, and the booking it was split from or into
// (rule 2 of lib/booking: a group short of places takes what is left and waits for the rest).
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { formatBookingNumber } from "@/lib/booking/number";
import { formatMoment } from "@/lib/format/dates";
import { link, type AssociationBooking } from "./types";

export async function RequestSection({ booking }: { booking: AssociationBooking }) {
  const t = await getTranslations("bookingsAdmin.booking");
  const labels = await getTranslations("associationLabels");
  const linked = booking.splitInto ?? booking.splitFrom;
  const statusWord = (status: string) => (labels.has(`bookingStatus.${status}`) ? labels(`bookingStatus.${status}`) : status);
  return (
    <section aria-labelledby="demande" className="space-y-3">
      <h2 id="demande" className="text-2xl font-semibold">
        {t("requestTitle")}
      </h2>
      <dl className="grid gap-4 sm:grid-cols-2">
        <div>
          <dt className="font-semibold">{t("requestedAt")}</dt>
          <dd>{formatMoment(booking.requestedAt)}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("requestedBy")}</dt>
          <dd>{booking.createdBy?.name ?? t("deletedAccount")}</dd>
        </div>
        {booking.confirmedAt ? (
          <div>
            <dt className="font-semibold">{t("confirmedAt")}</dt>
            <dd>{formatMoment(booking.confirmedAt)}</dd>
          </div>
        ) : null}
        {booking.promotedAt ? (
          <div>
            <dt className="font-semibold">{t("promotedAt")}</dt>
            <dd>{formatMoment(booking.promotedAt)}</dd>
          </div>
        ) : null}
      </dl>
      {linked ? (
        <p>
          <Link href={`/admin/reservations/${linked.id}`} className={link}>
            {t(booking.splitInto ? "linkedWaitlisted" : "linkedConfirmed", { number: formatBookingNumber(linked.number), status: statusWord(linked.status) })}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

// The bookings found, one row each, linked to the booking's page. No guest names here: the association
// reads them on a booking's own page and on guest lists only. Each column's header sorts the list.
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { SortableHeader } from "@/components/sortable-header";
import { BOOKING_SORTS, type BookingSort } from "@/lib/association/bookings";
import type { Sort } from "@/lib/lists";
import { formatBookingNumber } from "@/lib/booking/number";
import { formatSessionShort } from "@/lib/format/dates";
import { BookingStatus } from "./booking-status";

export interface BookingRow {
  id: string;
  number: string;
  status: string;
  places: number;
  partner: { id: string; name: string };
  session: { startsAt: Date; event: { title: string; venue: { name: string } } };
}

/** Each column and the order its header asks for. */
const COLUMNS = [
  ["number", "numero"],
  ["event", "spectacle"],
  ["session", "seance"],
  ["venue", "lieu"],
  ["structure", "structure"],
  ["places", "places"],
  ["status", "etat"],
] as const satisfies readonly (readonly [string, BookingSort])[];

export async function BookingsTable({ bookings, caption, path, params, sort }: { bookings: BookingRow[]; caption: string; path: string; params: Record<string, string | undefined>; sort: Sort<BookingSort> }) {
  const t = await getTranslations("bookingsAdmin");
  const cell = "px-2 py-2 align-top";
  return (
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={t("tableScroll")}>
      <table className="w-full min-w-[48rem] border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            {COLUMNS.map(([column, key]) => (
              <SortableHeader key={column} column={key} label={t(`columns.${column}`)} path={path} params={params} columns={BOOKING_SORTS} sort={sort} className={`${cell} ${column === "places" ? "text-right" : ""}`} />
            ))}
          </tr>
        </thead>
        <tbody>
          {bookings.map((booking) => (
            <tr key={booking.id} className="border-b border-gray-300">
              <th scope="row" className={`${cell} whitespace-nowrap font-mono`}>
                <Link href={`/admin/reservations/${booking.id}`} aria-label={`${t("openPrefix")} ${formatBookingNumber(booking.number)}`} className="font-semibold text-brand-800 underline">
                  {formatBookingNumber(booking.number)}
                </Link>
              </th>
              <td className={cell}>{booking.session.event.title}</td>
              <td className={`${cell} whitespace-nowrap`}>{formatSessionShort(booking.session.startsAt)}</td>
              <td className={cell}>{booking.session.event.venue.name}</td>
              <td className={cell}>{booking.partner.name}</td>
              <td className={`${cell} text-right`}>{booking.places}</td>
              <td className={cell}>
                <BookingStatus status={booking.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// The bookings found, one row each, linked to the booking's page. Guests' names only where a search by name
// matched them (issue 29.9: the caller on the phone, recognised among namesakes); the others are read on the
// booking's own page. A session already past says so. Each column's header sorts the list.
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { SortableHeader } from "@/components/sortable-header";
import { BOOKING_SORTS, BOOKING_WORDS, type BookingSort } from "@/lib/association/bookings";
import type { Sort } from "@/lib/lists";
import { formatBookingNumber } from "@/lib/booking/number";
import { formatSessionShort } from "@/lib/format/dates";
import { BookingStatus } from "./booking-status";
import { ScrollTable } from "@/components/scroll-table";

export interface BookingRow {
  id: string;
  number: string;
  status: string;
  places: number;
  partner: { id: string; name: string };
  session: { startsAt: Date; event: { title: string; venue: { name: string } } };
  /** The guests a search by name matched (none without one). */
  matchedGuests?: { firstName: string; lastName: string }[];
  past?: boolean;
}

/** Each column and the order its header asks for. */
const COLUMNS = [
  ["number", "number"],
  ["event", "title"],
  ["session", "session"],
  ["venue", "venue"],
  ["structure", "partner"],
  ["places", "places"],
  ["status", "status"],
] as const satisfies readonly (readonly [string, BookingSort])[];

export async function BookingsTable({
  bookings,
  caption,
  path,
  params,
  sort,
}: {
  bookings: BookingRow[];
  caption: string;
  path: string;
  params: Record<string, string | readonly string[] | undefined>;
  sort: Sort<BookingSort>;
}) {
  const t = await getTranslations("bookingsAdmin");
  const byName = bookings.some((booking) => booking.matchedGuests?.length);
  const cell = "px-2 py-2 align-top";
  return (
    <ScrollTable label={t("tableScroll")}>
      <table className="w-full min-w-[48rem] border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            {COLUMNS.map(([column, key]) => (
              <SortableHeader
                key={column}
                column={key}
                label={t(`columns.${column}`)}
                path={path}
                params={params}
                columns={BOOKING_SORTS}
                sortWords={BOOKING_WORDS.sort.values}
                sort={sort}
                className={`${cell} ${column === "places" ? "text-right" : ""}`}
              />
            ))}
            {byName ? (
              <th scope="col" className={cell}>
                {t("columns.guest")}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {bookings.map((booking) => (
            <tr key={booking.id} className="border-b border-gray-300">
              <th scope="row" className={`${cell} whitespace-nowrap font-mono`}>
                <Link
                  href={`/admin/reservations/${booking.id}`}
                  aria-label={`${t("openPrefix")} ${formatBookingNumber(booking.number)}`}
                  className="font-semibold text-brand-800 underline"
                >
                  {formatBookingNumber(booking.number)}
                </Link>
              </th>
              <td className={cell}>{booking.session.event.title}</td>
              <td className={`${cell} whitespace-nowrap`}>
                {formatSessionShort(booking.session.startsAt)}
                {booking.past ? <span className="block text-sm text-gray-700">{t("past")}</span> : null}
              </td>
              <td className={cell}>{booking.session.event.venue.name}</td>
              <td className={cell}>{booking.partner.name}</td>
              <td className={`${cell} text-right`}>{booking.places}</td>
              <td className={cell}>
                <BookingStatus status={booking.status} />
              </td>
              {byName ? <td className={cell}>{booking.matchedGuests?.map((guest) => `${guest.firstName} ${guest.lastName}`).join(", ")}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

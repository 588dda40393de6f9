"use client";

// The venue's guest list as a table, drawn in the browser from plain rows. Why a client component: the
// page's RSC payload (inlined in its HTML) then carries each guest as ~200 bytes of data instead of
// ~1.1 kB of spans and cells, the number and the structure written twice for the phone's folded view;
// at national scale a busy session's rows were most of the page's weight and of its server time
// (decision 010). The server still renders the same HTML, so the list reads without JavaScript.
import { useTranslations } from "next-intl";
import { ArrivalCheckbox } from "@/components/venue/arrival-checkbox";
import type { ArrivalAnswer } from "@/lib/venue/door";

export interface GuestRow {
  bookingId: string;
  position: number;
  lastName: string;
  firstName: string;
  /** Already formatted ("K7QM-3RTX"). */
  number: string;
  partnerName: string;
  partnerPhone: string | null;
  /** Already put into words (lib/venue/guest-list describeNeeds), empty when none. */
  needs: string;
  arrived: boolean;
}

interface Props {
  rows: GuestRow[];
  /** On the session's day arrivals are ticked on the list; otherwise a tick mark shows who came. */
  tick?: (input: { bookingId: string; position: number; arrived: boolean }) => Promise<ArrivalAnswer>;
}

export function GuestTable({ rows, tick }: Props) {
  const t = useTranslations("venue.session");
  return (
    <table className="w-full border-collapse text-left">
      <thead>
        <tr className="border-b-2 border-ink">
          <th scope="col" className="w-14 py-1 pr-2">
            {t("arrived")}
          </th>
          <th scope="col" className="py-1 pr-2">
            {t("name")}
          </th>
          <th scope="col" className="hidden py-1 pr-2 sm:table-cell">
            {t("number")}
          </th>
          <th scope="col" className="hidden py-1 pr-2 sm:table-cell">
            {t("structure")}
          </th>
          <th scope="col" className="hidden py-1 sm:table-cell">
            {t("needs")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((guest) => (
          <tr key={`${guest.bookingId}-${guest.position}`} className="border-b border-gray-300 align-top">
            <td className="py-1 pr-2 align-middle">
              {tick ? (
                <ArrivalCheckbox
                  bookingId={guest.bookingId}
                  position={guest.position}
                  name={`${guest.firstName} ${guest.lastName}`}
                  arrived={guest.arrived}
                  tick={tick}
                />
              ) : guest.arrived ? (
                <span>
                  <span aria-hidden="true">✓</span>
                  <span className="sr-only">{t("arrivedYes")}</span>
                </span>
              ) : null}
            </td>
            <td className="py-2 pr-2">
              <span className="font-semibold">
                {guest.lastName} {guest.firstName}
              </span>
              {/* On a phone the other columns are folded under the name. */}
              <span className="block text-sm sm:hidden">
                <span className="font-mono">{guest.number}</span> · {guest.partnerName}
                {guest.partnerPhone ? (
                  <>
                    {" · "}
                    <span className="whitespace-nowrap">{guest.partnerPhone}</span>
                  </>
                ) : null}
              </span>
              {guest.needs ? <span className="block text-sm font-semibold sm:hidden">{guest.needs}</span> : null}
            </td>
            <td className="hidden py-2 pr-2 font-mono sm:table-cell">{guest.number}</td>
            <td className="hidden py-2 pr-2 sm:table-cell">
              {guest.partnerName}
              {guest.partnerPhone ? <span className="block text-sm">{guest.partnerPhone}</span> : null}
            </td>
            <td className="hidden py-2 sm:table-cell">{guest.needs}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { AttendanceForm } from "@/components/partner/attendance-form";
import { requireUser } from "@/lib/auth/current";
import { formatBookingNumber } from "@/lib/booking/number";
import { formatSessionShort } from "@/lib/format/dates";
import { BOOKING_TABS, listPartnerBookings, type BookingTab } from "@/lib/partner/bookings";
import { recordAttendanceAction } from "./actions";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("myBookings") };
}

export default async function MyBookingsPage({ searchParams }: { searchParams: Promise<{ onglet?: string; page?: string }> }) {
  const actor = await requireUser("/partenaire/reservations", "PARTNER");
  const query = await searchParams;
  const tab: BookingTab = BOOKING_TABS.find((key) => key === query.onglet) ?? "a-venir";
  const page = Math.max(1, Number(query.page) || 1);
  const result = await listPartnerBookings(actor, actor.partnerId, { tab, page });
  const t = await getTranslations("myBookings");

  return (
    <ClientMessages namespaces={["myBookings"]}>
      <div className="space-y-6">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <nav aria-label={t("tabs")}>
          <ul className="flex flex-wrap gap-2">
            {BOOKING_TABS.map((key) => (
              <li key={key}>
                <Link
                  href={`/partenaire/reservations?onglet=${key}`}
                  aria-current={key === tab ? "page" : undefined}
                  className={`block rounded-md px-4 py-2 font-semibold ${key === tab ? "bg-brand-700 text-white" : "border border-brand-700 text-brand-800"}`}
                >
                  {t(`tab.${key}`)} ({result.counts[key]})
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {result.bookings.length === 0 ? (
          <div className="space-y-3 rounded-lg bg-brand-50 p-4">
            <p>{t(`empty.${tab}`)}</p>
            {tab === "a-venir" ? (
              <Link href="/offre" className="inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
                {t("findOuting")}
              </Link>
            ) : null}
          </div>
        ) : (
          <ul className="space-y-4" aria-label={t(`tab.${tab}`)}>
            {result.bookings.map((booking) => (
              <li key={booking.id} className="rounded-lg border border-brand-100 p-4">
                <h2 className="text-lg font-semibold">
                  <Link href={`/partenaire/reservations/${booking.id}`} className="underline-offset-2 hover:underline">
                    {booking.eventTitle}
                  </Link>
                </h2>
                <p>
                  {formatSessionShort(booking.startsAt)} — {booking.venueName}
                </p>
                <p>
                  {booking.guests.map((guest) => `${guest.firstName} ${guest.lastName}`).join(", ")} · {t("places", { count: booking.places })}
                  {booking.waiting
                    ? ` · ${t("position", { position: booking.waiting.position })} (${t("waitingUntil", { ahead: booking.waiting.placesAhead, until: formatSessionShort(booking.waiting.until) })})`
                    : ""}
                </p>
                <p className="mt-2 flex flex-wrap gap-3">
                  <Link href={`/partenaire/reservations/${booking.id}`} className="text-brand-800 underline">
                    {t("open", { number: formatBookingNumber(booking.number) })}
                  </Link>
                  {booking.status === "CONFIRMED" && tab === "a-venir" ? (
                    <a href={`/api/bookings/${booking.id}/invitation`} className="text-brand-800 underline">
                      {t("print")}
                    </a>
                  ) : null}
                </p>
                {tab === "passees" ? (
                  <AttendanceForm bookingId={booking.id} guests={booking.guests} mood={booking.feedback?.mood ?? null} record={recordAttendanceAction} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {result.pageCount > 1 ? (
          <nav aria-label={t("pagination")} className="flex items-center justify-between gap-4">
            {page > 1 ? (
              <Link href={`/partenaire/reservations?onglet=${tab}&page=${page - 1}`} className="font-semibold text-brand-800 underline">
                {t("previous")}
              </Link>
            ) : (
              <span />
            )}
            <span>{t("pageOf", { page, count: result.pageCount })}</span>
            {page < result.pageCount ? (
              <Link href={`/partenaire/reservations?onglet=${tab}&page=${page + 1}`} className="font-semibold text-brand-800 underline">
                {t("next")}
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </div>
    </ClientMessages>
  );
}

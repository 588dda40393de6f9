import type { Metadata } from "next";
import Link from "next/link";
import { FocusOnArrival } from "@/components/focus-on-arrival";
import { cache } from "react";
import { getTranslations } from "@/lib/i18n/server";
import { BookingStatus } from "@/components/association/bookings/booking-status";
import { CancellationSection } from "@/components/association/booking/sections/cancellation";
import { GuestsSection } from "@/components/association/booking/sections/guests";
import { HistorySection } from "@/components/association/booking/sections/history";
import { OutingSection } from "@/components/association/booking/sections/outing";
import { RequestSection } from "@/components/association/booking/sections/request";
import { StructureSection } from "@/components/association/booking/sections/structure";
import { getBookingForAssociation } from "@/lib/association/bookings";
import type { Actor } from "@/lib/auth/actor";
import { currentActor, requireUser } from "@/lib/auth/current";
import { formatBookingNumber } from "@/lib/booking/number";
import { loadOr404 } from "@/lib/http/load-or-404";
import { associationBookingTitle } from "@/lib/page-titles";
import { formatSessionDate } from "@/lib/format/dates";
import { cancelBookingByPhoneAction, withdrawGuestByPhoneAction } from "../actions";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";

// One read per request for the title and the page (React's cache).
const read = cache((actor: Actor, id: string) => getBookingForAssociation(actor, id));
const load = (actor: Actor, id: string) => loadOr404(read(actor, id));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [{ id }, actor, t] = await Promise.all([params, currentActor(), getTranslations("pageTitles")]);
  // Anyone but the association is refused by the loader itself, and gets the neutral title.
  return { title: await associationBookingTitle(() => read(actor, id), t) };
}

export default async function AssociationBookingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ annulee?: string | string[]; retiree?: string | string[] }>;
}) {
  const { id } = await params;
  const { annulee, retiree } = await searchParams;
  const actor = await requireUser(`/admin/reservations/${id}`, "ADMIN");
  const booking = await load(actor, id);
  const t = await getTranslations("bookingsAdmin.booking");
  const { session } = booking;
  const cancelled = booking.status === "CANCELLED";
  // The banner of what was just done, as long as it is still true.
  const released = typeof annulee === "string" && /^\d{1,4}$/.test(annulee) && cancelled ? Number(annulee) : null;
  // The guest just withdrawn, named from the booking (no name in the address).
  const withdrawnNow =
    typeof retiree === "string" && /^\d{1,2}$/.test(retiree)
      ? booking.guests.find((guest) => guest.position === Number(retiree) && guest.withdrawnAt)
      : undefined;

  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES]}>
      <article className="space-y-8">
        <p>
          <Link href="/admin/reservations" className="font-semibold text-brand-800 underline">
            {t("back")}
          </Link>
        </p>
        {released !== null ? (
          <FocusOnArrival className="rounded-lg bg-amber-50 p-4 font-semibold text-amber-900">{t("cancelledNow", { places: released })}</FocusOnArrival>
        ) : null}
        {withdrawnNow ? (
          <FocusOnArrival className="rounded-lg bg-amber-50 p-4 font-semibold text-amber-900">
            {t("withdrawnNow", { name: `${withdrawnNow.firstName} ${withdrawnNow.lastName}` })}
          </FocusOnArrival>
        ) : null}
        <header className="space-y-2">
          <BookingStatus status={booking.status} />
          <h1 className="text-3xl font-bold text-brand-800">{t("title", { number: formatBookingNumber(booking.number) })}</h1>
          <p className="text-lg">
            {session.event.title} — {formatSessionDate(session.startsAt)} — {session.event.venue.name}
          </p>
        </header>
        <OutingSection booking={booking} />
        <StructureSection partner={booking.partner} />
        <GuestsSection booking={booking} withdraw={withdrawGuestByPhoneAction} />
        <RequestSection booking={booking} />
        <CancellationSection booking={booking} cancel={cancelBookingByPhoneAction} />
        <HistorySection booking={booking} />
      </article>
    </ClientMessages>
  );
}

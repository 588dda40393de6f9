import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CancelBookingForm } from "@/components/offer/cancel-booking-form";
import { currentActor } from "@/lib/auth/current";
import { formatBookingNumber } from "@/lib/booking/number";
import { NotFoundError } from "@/lib/errors";
import { getPartnerBooking } from "@/lib/partner/bookings";
import { cancelBookingAction } from "./actions";

export const metadata: Metadata = { title: "Réservation" };

const OUTCOMES = ["CONFIRMED", "WAITLISTED", "SPLIT", "CANCELLED"] as const;

export default async function BookingPage({
  params,
  searchParams,
}: {
  params: Promise<{ bookingId: string }>;
  searchParams: Promise<{ resultat?: string }>;
}) {
  const { bookingId } = await params;
  const { resultat } = await searchParams;
  const actor = await currentActor();
  if (actor.kind === "anonymous") redirect(`/connexion?suite=/partenaire/reservations/${bookingId}`);
  const booking = await getPartnerBooking(actor, bookingId).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const t = await getTranslations("bookingPage");
  const codes = await getTranslations("cancelCodes");
  const format = await getFormatter();
  // The banner of what just happened, as long as it is still true (a reload after a change shows none).
  const outcome = OUTCOMES.find((o) => o === resultat && (o === "CANCELLED") === (booking.status === "CANCELLED"));

  return (
    <article className="space-y-6">
      {outcome ? (
        <p role="status" className={`rounded-lg p-4 text-lg font-semibold ${outcome === "WAITLISTED" || outcome === "CANCELLED" ? "bg-amber-50 text-amber-900" : "bg-green-50 text-green-900"}`}>
          {t(`result.${outcome}`)}
        </p>
      ) : null}
      <header className="space-y-1">
        <p className="font-semibold uppercase text-brand-700">{t(`status.${booking.status}`)}</p>
        <h1 className="text-3xl font-bold text-brand-800">{booking.eventTitle}</h1>
        {booking.position ? <p className="text-lg font-semibold">{t("position", { position: booking.position })}</p> : null}
      </header>
      {booking.cancellation ? (
        <div className="rounded-lg bg-amber-50 p-4 text-amber-950">
          <p>
            {t("cancelledOn", {
              date: format.dateTime(booking.cancellation.at, { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" }),
              who: t(`cancelledWho.${booking.cancellation.reason ?? "ASSOCIATION"}`),
              name: booking.cancellation.reason === "PARTNER" ? "none" : (booking.cancellation.by ?? "none"),
            })}
          </p>
          {booking.cancellation.code || booking.cancellation.note ? (
            <p>{t("cancelledWhy", { why: [booking.cancellation.code ? codes(booking.cancellation.code) : null, booking.cancellation.note].filter(Boolean).join(" — ") })}</p>
          ) : null}
        </div>
      ) : null}
      <dl className="grid gap-4 sm:grid-cols-3">
        <div>
          <dt className="font-semibold">{t("when")}</dt>
          <dd>{format.dateTime(booking.startsAt, { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" })}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("where")}</dt>
          <dd>
            {booking.venue.name}, {booking.venue.addressLine}, {booking.venue.postalCode} {booking.venue.city}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">{t("number")}</dt>
          <dd className="font-mono text-xl tracking-wider">{formatBookingNumber(booking.number)}</dd>
        </div>
      </dl>
      <section aria-labelledby="invites">
        <h2 id="invites" className="text-xl font-semibold">
          {t("guests")}
        </h2>
        <ul className="mt-2 space-y-1">
          {booking.guests.map((guest) => (
            <li key={guest.position}>
              <span className="font-semibold">
                {guest.firstName} {guest.lastName}
              </span>{" "}
              ({t(guest.kind as "MAIN" | "FAMILY_OR_FRIEND" | "PROFESSIONAL")})
            </li>
          ))}
        </ul>
      </section>
      {booking.linked ? (
        <p>
          <Link href={`/partenaire/reservations/${booking.linked.id}`} className="text-brand-800 underline">
            {booking.status === "CONFIRMED" ? t("linkedWaitlisted", { number: formatBookingNumber(booking.linked.number) }) : t("linkedConfirmed", { number: formatBookingNumber(booking.linked.number) })}
          </Link>
        </p>
      ) : null}
      {booking.status === "CONFIRMED" ? (
        <p>
          <a href={`/api/bookings/${booking.id}/invitation`} className="inline-block rounded-md bg-brand-700 px-5 py-3 text-lg font-semibold text-white hover:bg-brand-800">
            {t("print")}
          </a>
        </p>
      ) : null}
      {booking.canCancel ? (
        <>
          <p>{t("absent")}</p>
          <CancelBookingForm bookingId={booking.id} cancel={cancelBookingAction} />
        </>
      ) : null}
      <p>
        <Link href="/partenaire/reservations" className="font-semibold text-brand-800 underline">
          {t("myBookings")}
        </Link>
      </p>
    </article>
  );
}

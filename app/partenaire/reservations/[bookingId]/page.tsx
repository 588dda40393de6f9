import type { Metadata } from "next";
import Link from "next/link";
import { FocusOnArrival } from "@/components/focus-on-arrival";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { CancelBookingForm } from "@/components/offer/cancel-booking-form";
import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/current";
import { formatBookingNumber } from "@/lib/booking/number";
import { loadOr404 } from "@/lib/http/load-or-404";
import { formatMoment, formatSessionDate } from "@/lib/format/dates";
import { getPartnerBooking } from "@/lib/partner/bookings";
import { partnerBookingTitle } from "@/lib/page-titles";
import { cancelBookingAction, withdrawGuestAction } from "./actions";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";

// One read per request for the title and the page (React's cache), through the structure's own loader.
const load = cache((actor: Actor, bookingId: string) => getPartnerBooking(actor, bookingId));

export async function generateMetadata({ params }: { params: Promise<{ bookingId: string }> }): Promise<Metadata> {
  const [{ bookingId }, actor, t] = await Promise.all([params, currentActor(), getTranslations("pageTitles")]);
  return { title: await partnerBookingTitle(() => load(actor, bookingId), t) };
}

const OUTCOMES = ["CONFIRMED", "WAITLISTED", "SPLIT", "CANCELLED", "WITHDRAWN"] as const;

export default async function BookingPage({ params, searchParams }: { params: Promise<{ bookingId: string }>; searchParams: Promise<{ resultat?: string }> }) {
  const { bookingId } = await params;
  const { resultat } = await searchParams;
  const actor = await currentActor();
  if (actor.kind === "anonymous") redirect(`/connexion?suite=/partenaire/reservations/${bookingId}`);
  const booking = await loadOr404(load(actor, bookingId));
  const t = await getTranslations("bookingPage");
  const codes = await getTranslations("cancelCodes");
  const calendar = await getTranslations("calendar");
  // The banner of what just happened, as long as it is still true (a reload after a change shows none).
  const outcome = OUTCOMES.find((o) => o === resultat && (o === "CANCELLED") === (booking.status === "CANCELLED"));

  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES, "bookingPage"]}>
      <article className="space-y-6">
        {outcome ? (
          <FocusOnArrival
            className={`rounded-lg p-4 text-lg font-semibold ${outcome === "WAITLISTED" || outcome === "CANCELLED" ? "bg-amber-50 text-amber-900" : "bg-green-50 text-green-900"}`}
          >
            {t(`result.${outcome}`)}
          </FocusOnArrival>
        ) : null}
        <header className="space-y-1">
          <p className="font-semibold uppercase text-brand-700">{t(`status.${booking.status}`)}</p>
          <h1 className="text-3xl font-bold text-brand-800">{booking.eventTitle}</h1>
          {booking.waiting ? (
            <>
              <p className="text-lg font-semibold">{t("position", { position: booking.waiting.position })}</p>
              <p>{t("waitingDetail", { ahead: booking.waiting.placesAhead, until: formatSessionDate(booking.waiting.until) })}</p>
            </>
          ) : null}
        </header>
        {booking.cancellation ? (
          <div className="rounded-lg bg-amber-50 p-4 text-amber-950">
            <p>
              {t("cancelledOn", {
                date: formatMoment(booking.cancellation.at),
                who: t(`cancelledWho.${booking.cancellation.reason ?? "ASSOCIATION"}`),
                name: booking.cancellation.reason === "PARTNER" ? "none" : (booking.cancellation.by ?? "none"),
              })}
            </p>
            {booking.cancellation.code || booking.cancellation.note ? (
              <p>
                {t("cancelledWhy", {
                  why: [booking.cancellation.code ? codes(booking.cancellation.code) : null, booking.cancellation.note].filter(Boolean).join(" — "),
                })}
              </p>
            ) : null}
          </div>
        ) : null}
        <dl className="grid gap-4 sm:grid-cols-3">
          <div>
            <dt className="font-semibold">{t("when")}</dt>
            <dd>{formatSessionDate(booking.startsAt)}</dd>
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
          {booking.guests.some((guest) => guest.canWithdraw) ? <p className="mt-1">{t("withdrawHint")}</p> : null}
          <ul className="mt-2 space-y-2">
            {booking.guests.map((guest) => {
              const name = `${guest.firstName} ${guest.lastName}`;
              const kind = t(guest.kind as "MAIN" | "FAMILY_OR_FRIEND" | "PROFESSIONAL");
              return (
                <li key={guest.position} className="flex flex-wrap items-center gap-x-4 gap-y-1">
                  {guest.withdrawnAt ? (
                    // Struck through, and said in words for whoever does not see the line.
                    <span className="text-gray-700">
                      <s>{name}</s> ({kind}) — <span className="font-semibold">{t("withdrawnOn", { date: formatMoment(guest.withdrawnAt) })}</span>
                    </span>
                  ) : (
                    <span>
                      <span className="font-semibold">{name}</span> ({kind})
                    </span>
                  )}
                  {guest.canWithdraw ? (
                    <ActionForm action={withdrawGuestAction} submit={t("withdraw")} danger confirm={t("withdrawConfirm", { name })} className="space-y-1">
                      <input type="hidden" name="bookingId" value={booking.id} />
                      <input type="hidden" name="position" value={guest.position} />
                    </ActionForm>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
        {booking.linked ? (
          <p>
            <Link href={`/partenaire/reservations/${booking.linked.id}`} className="text-brand-800 underline">
              {booking.status === "CONFIRMED"
                ? t("linkedWaitlisted", { number: formatBookingNumber(booking.linked.number) })
                : t("linkedConfirmed", { number: formatBookingNumber(booking.linked.number) })}
            </Link>
          </p>
        ) : null}
        {booking.status === "CONFIRMED" ? (
          <p>
            <a
              href={`/api/bookings/${booking.id}/invitation`}
              className="inline-block rounded-md bg-brand-700 px-5 py-3 text-lg font-semibold text-white hover:bg-brand-800"
            >
              {t("print")}
            </a>
          </p>
        ) : null}
        {booking.status === "CONFIRMED" ? (
          <p className="space-y-1">
            {/* The booking's event as an .ics file (issue 30.2): downloaded, the phone or computer adds it. */}
            <a href={`/api/bookings/${booking.id}/calendar`} download className="font-semibold text-brand-800 underline">
              {calendar("add")}
            </a>
            <span className="block text-gray-700">{calendar("addHint")}</span>
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
    </ClientMessages>
  );
}

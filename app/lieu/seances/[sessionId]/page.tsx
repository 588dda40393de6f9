import type { Metadata } from "next";
import Link from "next/link";
import { FocusOnArrival } from "@/components/focus-on-arrival";
import { cache } from "react";
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import { PrintButton } from "@/components/print-button";
import { CancelBookingsSection } from "@/components/venue/session/sections/cancel-bookings";
import { DrawSection } from "@/components/venue/session/sections/draw";
import { LatePlacesSection } from "@/components/venue/session/sections/late-places";
import { LetInOnOldListSection } from "@/components/venue/session/sections/let-in-on-old-list";
import { GuestTable } from "@/components/venue/guest-table";
import type { Actor } from "@/lib/auth/actor";
import { currentActor, requireUser } from "@/lib/auth/current";
import { formatBookingNumber } from "@/lib/booking/number";
import { loadOr404 } from "@/lib/http/load-or-404";
import { formatMoment, formatSessionDate } from "@/lib/format/dates";
import { sessionTitle } from "@/lib/page-titles";
import { isSameParisDay } from "@/lib/time";
import { describeNeeds, getGuestList } from "@/lib/venue/guest-list";
import {
  cancelGuestBookingAction,
  cancelSessionAction,
  withdrawGuestFromListAction,
  closeBookingsAction,
  openDrawWindowAction,
  releaseLatePlacesAction,
  removeDrawWindowAction,
  reopenBookingsAction,
  tickArrivalAction,
} from "../../actions";
import { drawRecord } from "@/lib/booking/applications";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";

// One read per request for the title and the page (React's cache), through the venue's own loader.
const load = cache((actor: Actor, sessionId: string) => getGuestList(actor, sessionId));

export async function generateMetadata({ params }: { params: Promise<{ sessionId: string }> }): Promise<Metadata> {
  const [{ sessionId }, actor, t] = await Promise.all([params, currentActor(), getTranslations("pageTitles")]);
  return { title: await sessionTitle(() => load(actor, sessionId), t) };
}

export default async function GuestListPage({
  params,
  searchParams,
}: {
  params: Promise<{ sessionId: string }>;
  searchParams: Promise<{ annulee?: string; retiree?: string }>;
}) {
  const { sessionId } = await params;
  const { annulee, retiree } = await searchParams;
  const actor = await requireUser(`/lieu/seances/${sessionId}`, "VENUE", "ADMIN");
  const list = await loadOr404(load(actor, sessionId));
  const t = await getTranslations("venue.session");
  const ev = await getTranslations("venue.event");
  const bookings = [...new Map(list.guests.map((g) => [g.bookingId, g])).values()];
  // Per booking, the companions the venue may withdraw alone (lib/venue/guest-list, canWithdraw).
  const companions = new Map<string, typeof list.guests>();
  for (const g of [...list.guests].sort((a, b) => a.position - b.position)) {
    if (g.canWithdraw) companions.set(g.bookingId, [...(companions.get(g.bookingId) ?? []), g]);
  }
  const now = new Date();
  const { closedAt, closesAt } = list.session;
  const scheduled = list.session.status === "SCHEDULED";
  // Before the start, the venue may still cancel; once it has started, the session is history.
  const upcoming = scheduled && now < list.session.startsAt;
  // Closed by hand, bookings may be reopened until they would have closed anyway (lib/booking).
  const beforeClosing = upcoming && now < closesAt;
  // On the session's day (in Paris, as at the door) arrivals are ticked straight on the list.
  const ticking = scheduled && isSameParisDay(list.session.startsAt, now);
  // When bookings close is planned for like the session itself: written in full, weekday first.
  const when = formatSessionDate;
  // "Candidatures puis tirage" (issue 17): set on a session nobody booked yet, or shown once set.
  const draw = await drawRecord(actor, sessionId);

  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES, "venue.session"]}>
      <div className="space-y-8">
        <p className="print:hidden">
          <Link href={`/lieu/evenements/${list.session.eventId}`} className="font-semibold text-brand-800 underline">
            {list.session.eventTitle}
          </Link>
        </p>
        {annulee ? (
          <FocusOnArrival className="rounded-lg bg-amber-50 p-4 font-semibold text-amber-900 print:hidden">
            {formatBookingNumber(annulee.slice(0, 8))} : {t("cancelledBooking")}
          </FocusOnArrival>
        ) : null}
        {retiree && !annulee ? (
          <FocusOnArrival className="rounded-lg bg-amber-50 p-4 font-semibold text-amber-900 print:hidden">
            {formatBookingNumber(retiree.slice(0, 8))} : {t("withdrawnGuest")}
          </FocusOnArrival>
        ) : null}
        <header className="space-y-1">
          <h1 className="text-3xl font-bold text-brand-800">{t("title", { event: list.session.eventTitle })}</h1>
          <p className="text-lg">{formatSessionDate(list.session.startsAt)}</p>
          <p>
            {t("guests", { count: list.guests.length })} · {ev("confirmed")} {list.session.confirmedPlaces}/{list.session.capacity}
          </p>
          <p className="flex flex-wrap gap-3 print:hidden">
            <a href={`/api/sessions/${sessionId}/guests`} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white" download>
              {t("csv")}
            </a>
            <a href={`/api/sessions/${sessionId}/guests/pdf`} className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800">
              {t("pdf")}
            </a>
            <PrintButton label={t("print")} />
          </p>
        </header>

        <LetInOnOldListSection rows={list.letInOnOldList} />
        {list.guests.length ? (
          <div className="space-y-2">
            {ticking ? <p className="print:hidden">{t("tickHint")}</p> : null}
            <GuestTable
              rows={list.guests.map((guest) => ({
                bookingId: guest.bookingId,
                position: guest.position,
                lastName: guest.lastName,
                firstName: guest.firstName,
                number: formatBookingNumber(guest.number),
                partnerName: guest.partnerName,
                partnerPhone: guest.partnerPhone,
                needs: describeNeeds(guest.needs, guest.needsNote),
                arrived: guest.checkedInAt !== null,
              }))}
              tick={ticking ? tickArrivalAction : undefined}
            />
          </div>
        ) : null}

        {upcoming && bookings.length ? (
          <CancelBookingsSection
            sessionId={sessionId}
            bookings={bookings}
            companions={companions}
            cancel={cancelGuestBookingAction}
            withdraw={withdrawGuestFromListAction}
          />
        ) : null}

        <section aria-labelledby="attente" className="space-y-3">
          <h2 id="attente" className="text-xl font-semibold">
            {t("waitlist")}
          </h2>
          {list.waitlist.length === 0 ? (
            <p>{t("noWaitlist")}</p>
          ) : (
            <ol className="list-decimal space-y-1 pl-6">
              {list.waitlist.map((w) => (
                <li key={w.bookingId}>
                  {w.names} — {w.partnerName} ({formatBookingNumber(w.number)})
                </li>
              ))}
            </ol>
          )}
        </section>

        {upcoming ? (
          <section aria-labelledby="reservations" className="space-y-3 print:hidden">
            <h2 id="reservations" className="text-xl font-semibold">
              {t("bookings")}
            </h2>
            <p>
              {closedAt
                ? t("closedByHand", { date: formatMoment(closedAt) })
                : beforeClosing
                  ? t("closesOn", { until: when(closesAt) })
                  : t("closedOnTime", { date: when(closesAt) })}
            </p>
            {closedAt && beforeClosing ? <p>{t("reopenHelp", { until: when(closesAt) })}</p> : null}
            {beforeClosing ? (
              // One form for both ways, so that its answer stays on screen (with the focus) when the page
              // comes back showing the other way.
              <ActionForm
                action={closedAt ? reopenBookingsAction : closeBookingsAction}
                submit={closedAt ? t("reopen") : t("close")}
                danger={!closedAt}
                confirm={closedAt ? undefined : t("closeConfirm", { count: list.waitlist.length, until: when(closesAt) })}
              >
                <input type="hidden" name="sessionId" value={sessionId} />
              </ActionForm>
            ) : null}
          </section>
        ) : null}

        {scheduled ? (
          <LatePlacesSection
            sessionId={sessionId}
            startsAt={list.session.startsAt}
            latePlaces={list.session.latePlaces}
            lateConfirmedPlaces={list.session.lateConfirmedPlaces}
            now={now}
            release={releaseLatePlacesAction}
          />
        ) : null}

        {draw || (beforeClosing && bookings.length === 0 && list.waitlist.length === 0) ? (
          <DrawSection sessionId={sessionId} draw={draw} open={openDrawWindowAction} remove={removeDrawWindowAction} />
        ) : null}

        {upcoming ? (
          <section className="space-y-4 print:hidden">
            <details className="rounded-lg border border-red-700 p-4">
              <summary className="cursor-pointer font-semibold text-red-800">{t("cancelSession")}</summary>
              <ActionForm action={cancelSessionAction} submit={t("cancelSession")} danger className="mt-3 space-y-3">
                <input type="hidden" name="sessionId" value={sessionId} />
                <TextField name="note" label={ev("cancelNote")} />
                <label className="flex items-start gap-2">
                  <input type="checkbox" name="confirm" value="oui" required className="mt-1 h-5 w-5" />
                  {t("cancelSessionConfirm")}
                </label>
              </ActionForm>
            </details>
          </section>
        ) : null}
      </div>
    </ClientMessages>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { FocusOnArrival } from "@/components/focus-on-arrival";
import { cache } from "react";
import { getTranslations } from "@/lib/i18n/server";
import { BookingStatus } from "@/components/association/bookings/booking-status";
import { actionLabeller, actorLabeller, AuditDetails } from "@/components/association/journal/audit-details";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";
import { getBookingForAssociation } from "@/lib/association/bookings";
import type { Actor } from "@/lib/auth/actor";
import { currentActor, requireUser } from "@/lib/auth/current";
import { formatBookingNumber } from "@/lib/booking/number";
import { CANCEL_CODES } from "@/lib/booking/schemas";
import { loadOr404 } from "@/lib/http/load-or-404";
import { associationBookingTitle } from "@/lib/page-titles";
import { formatMoment, formatSessionDate, formatSessionShort } from "@/lib/format/dates";
import { describeNeeds } from "@/lib/venue/guest-list";
import { cancelBookingByPhoneAction, withdrawGuestByPhoneAction } from "../actions";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";
import { ScrollTable } from "@/components/scroll-table";

// One read per request for the title and the page (React's cache).
const read = cache((actor: Actor, id: string) => getBookingForAssociation(actor, id));
const load = (actor: Actor, id: string) =>
  loadOr404(read(actor, id));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [{ id }, actor, t] = await Promise.all([params, currentActor(), getTranslations("pageTitles")]);
  // Anyone but the association is refused by the loader itself, and gets the neutral title.
  return { title: await associationBookingTitle(() => read(actor, id), t) };
}

export default async function AssociationBookingPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ annulee?: string | string[]; retiree?: string | string[] }> }) {
  const { id } = await params;
  const { annulee, retiree } = await searchParams;
  const actor = await requireUser(`/admin/reservations/${id}`, "ADMIN");
  const booking = await load(actor, id);
  const t = await getTranslations("bookingsAdmin.booking");
  const labels = await getTranslations("associationLabels");
  const codes = await getTranslations("cancelCodes");
  const actionLabel = await actionLabeller();
  const actorLabel = await actorLabeller();
  const number = formatBookingNumber(booking.number);
  const { session, partner } = booking;
  const event = session.event;
  const when = formatSessionDate;
  const short = formatMoment;
  const cancelled = booking.status === "CANCELLED";
  const started = session.startsAt <= new Date();
  // The banner of what was just done, as long as it is still true.
  const released = typeof annulee === "string" && /^\d{1,4}$/.test(annulee) && cancelled ? Number(annulee) : null;
  // The guest just withdrawn, named from the booking (no name in the address).
  const withdrawnNow = typeof retiree === "string" && /^\d{1,2}$/.test(retiree) ? booking.guests.find((guest) => guest.position === Number(retiree) && guest.withdrawnAt) : undefined;
  const withdrawing = booking.guests.some((guest) => guest.canWithdraw);
  const linked = booking.splitInto ?? booking.splitFrom;
  const statusWord = (status: string) => (labels.has(`bookingStatus.${status}`) ? labels(`bookingStatus.${status}`) : status);
  const link = "font-semibold text-brand-800 underline";

  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES]}>
      <article className="space-y-8">
        <p>
          <Link href="/admin/reservations" className={link}>
            {t("back")}
          </Link>
        </p>
        {released !== null ? (
          <FocusOnArrival className="rounded-lg bg-amber-50 p-4 font-semibold text-amber-900">
            {t("cancelledNow", { places: released })}
          </FocusOnArrival>
        ) : null}
        {withdrawnNow ? (
          <FocusOnArrival className="rounded-lg bg-amber-50 p-4 font-semibold text-amber-900">
            {t("withdrawnNow", { name: `${withdrawnNow.firstName} ${withdrawnNow.lastName}` })}
          </FocusOnArrival>
        ) : null}
        <header className="space-y-2">
          <BookingStatus status={booking.status} />
          <h1 className="text-3xl font-bold text-brand-800">{t("title", { number })}</h1>
          <p className="text-lg">
            {event.title} — {when(session.startsAt)} — {event.venue.name}
          </p>
        </header>

        <section aria-labelledby="sortie" className="space-y-3">
          <h2 id="sortie" className="text-2xl font-semibold">
            {t("outingTitle")}
          </h2>
          <dl className="grid gap-4 sm:grid-cols-2">
            <div>
              <dt className="font-semibold">{t("event")}</dt>
              <dd>{event.title}</dd>
            </div>
            <div>
              <dt className="font-semibold">{t("session")}</dt>
              <dd>{when(session.startsAt)}</dd>
            </div>
            <div>
              <dt className="font-semibold">{t("venue")}</dt>
              <dd>{event.venue.name}</dd>
            </div>
            <div>
              <dt className="font-semibold">{t("places")}</dt>
              <dd>{t("placesCount", { count: booking.places })}</dd>
            </div>
          </dl>
          {session.status === "CANCELLED" ? <p className="font-semibold text-red-800">{t("sessionCancelled")}</p> : null}
          <ul className="list-disc space-y-1 pl-6">
            <li>
              <Link href={`/lieu/seances/${session.id}`} className={link}>
                {t("guestList", { date: formatSessionShort(session.startsAt) })}
              </Link>
            </li>
            <li>
              <Link href={`/lieu/evenements/${event.id}`} className={link}>
                {t("eventSessions", { title: event.title })}
              </Link>
            </li>
            <li>
              <Link href={`/offre/${event.id}`} className={link}>
                {t("publicPage", { title: event.title })}
              </Link>
            </li>
            <li>
              <Link href={`/admin/lieux/${event.venue.id}`} className={link}>
                {t("venuePage", { name: event.venue.name })}
              </Link>
            </li>
          </ul>
        </section>

        <section aria-labelledby="structure" className="space-y-3">
          <h2 id="structure" className="text-2xl font-semibold">
            {t("structureTitle")}
          </h2>
          <p>
            <Link href={`/admin/structures/${partner.id}`} className={link}>
              {t("structurePage", { name: partner.name })}
            </Link>
          </p>
          <dl className="grid gap-4 sm:grid-cols-2">
            <div>
              <dt className="font-semibold">{t("phone")}</dt>
              <dd>
                {partner.phone ? (
                  <a href={`tel:${partner.phone.replace(/[^\d+]/g, "")}`} className={link} aria-label={t("callStructure", { name: partner.name, phone: partner.phone })}>
                    {partner.phone}
                  </a>
                ) : (
                  t("notGiven")
                )}
              </dd>
            </div>
            <div>
              <dt className="font-semibold">{t("email")}</dt>
              <dd className="break-words">
                {partner.email ? (
                  <a href={`mailto:${partner.email}`} className={link} aria-label={t("mailStructure", { name: partner.name, email: partner.email })}>
                    {partner.email}
                  </a>
                ) : (
                  t("notGiven")
                )}
              </dd>
            </div>
          </dl>
        </section>

        <section aria-labelledby="invites" className="space-y-3">
          <h2 id="invites" className="text-2xl font-semibold">
            {t("guestsTitle")}
          </h2>
          {withdrawing ? <p>{t("withdrawHint")}</p> : null}
          <ScrollTable label={t("guestsTable")}>
            <table className="w-full min-w-[32rem] border-collapse text-left">
              <caption className="sr-only">{t("guestsTable")}</caption>
              <thead>
                <tr className="border-b-2 border-ink">
                  {(["name", "kind", "needs", "attendance", ...(withdrawing ? (["withdraw"] as const) : [])] as const).map((column) => (
                    <th key={column} scope="col" className="px-2 py-2">
                      {t(`guestColumns.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {booking.guests.map((guest) => {
                  const name = `${guest.firstName} ${guest.lastName}`;
                  return (
                    <tr key={guest.position} className="border-b border-gray-300 align-top">
                      <th scope="row" className="px-2 py-2 font-semibold">
                        {guest.withdrawnAt ? (
                          // Struck through, and said in words for whoever does not see the line.
                          <span className="font-normal text-gray-700">
                            <s>{name}</s> — {t("withdrawnOn", { date: short(guest.withdrawnAt) })}
                          </span>
                        ) : (
                          name
                        )}
                      </th>
                      <td className="px-2 py-2">{t(`kind.${guest.kind}`)}</td>
                      <td className="px-2 py-2">{guest.needs.length ? describeNeeds(guest.needs, guest.needsNote) : t("noNeeds")}</td>
                      <td className="px-2 py-2">{guest.withdrawnAt ? null : t(`attendance.${guest.attendance ?? "none"}`)}</td>
                      {withdrawing ? (
                        <td className="px-2 py-2">
                          {guest.canWithdraw ? (
                            <ActionForm action={withdrawGuestByPhoneAction} submit={t("withdraw")} danger confirm={t("withdrawConfirm", { name })} className="space-y-1">
                              <input type="hidden" name="bookingId" value={booking.id} />
                              <input type="hidden" name="position" value={guest.position} />
                            </ActionForm>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollTable>
        </section>

        <section aria-labelledby="demande" className="space-y-3">
          <h2 id="demande" className="text-2xl font-semibold">
            {t("requestTitle")}
          </h2>
          <dl className="grid gap-4 sm:grid-cols-2">
            <div>
              <dt className="font-semibold">{t("requestedAt")}</dt>
              <dd>{short(booking.requestedAt)}</dd>
            </div>
            <div>
              <dt className="font-semibold">{t("requestedBy")}</dt>
              <dd>{booking.createdBy?.name ?? t("deletedAccount")}</dd>
            </div>
            {booking.confirmedAt ? (
              <div>
                <dt className="font-semibold">{t("confirmedAt")}</dt>
                <dd>{short(booking.confirmedAt)}</dd>
              </div>
            ) : null}
            {booking.promotedAt ? (
              <div>
                <dt className="font-semibold">{t("promotedAt")}</dt>
                <dd>{short(booking.promotedAt)}</dd>
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

        {cancelled ? (
          <section aria-labelledby="annulation" className="space-y-3 rounded-lg bg-amber-50 p-4 text-amber-950">
            <h2 id="annulation" className="text-2xl font-semibold">
              {t("cancellationTitle")}
            </h2>
            <dl className="grid gap-4 sm:grid-cols-2">
              {booking.cancelledAt ? (
                <div>
                  <dt className="font-semibold">{t("cancelledAt")}</dt>
                  <dd>{short(booking.cancelledAt)}</dd>
                </div>
              ) : null}
              {/* Without an account (timed rules, a deleted account), "who" is the reason alone. */}
              {booking.cancelledBy ? (
                <div>
                  <dt className="font-semibold">{t("cancelledBy")}</dt>
                  <dd>{booking.cancelledBy.name}</dd>
                </div>
              ) : null}
              {booking.cancelReason ? (
                <div>
                  <dt className="font-semibold">{t("reason")}</dt>
                  <dd>{labels(`cancelReason.${booking.cancelReason}`)}</dd>
                </div>
              ) : null}
              {booking.cancelCode ? (
                <div>
                  <dt className="font-semibold">{t("code")}</dt>
                  <dd>{codes(booking.cancelCode)}</dd>
                </div>
              ) : null}
              {booking.cancelNote ? (
                <div className="sm:col-span-2">
                  <dt className="font-semibold">{t("note")}</dt>
                  <dd className="whitespace-pre-line break-words">{booking.cancelNote}</dd>
                </div>
              ) : null}
            </dl>
          </section>
        ) : started ? (
          <p className="rounded-lg bg-brand-50 p-4">{t("tooLate")}</p>
        ) : (
          <section aria-labelledby="annuler" className="space-y-3 rounded-lg border border-red-700 p-4">
            <h2 id="annuler" className="text-2xl font-semibold text-red-800">
              {t("cancelTitle")}
            </h2>
            <p>{t("cancelLead")}</p>
            <ActionForm action={cancelBookingByPhoneAction} submit={t("cancelSubmit")} confirm={t("cancelConfirm", { number })} danger>
              <input type="hidden" name="bookingId" value={booking.id} />
              <SelectField name="code" label={t("codeLabel")} defaultValue="" options={[["", t("chooseCode")], ...CANCEL_CODES.map((code): [string, string] => [code, codes(code)])]} />
              <TextField name="note" label={t("noteLabel")} multiline />
            </ActionForm>
          </section>
        )}

        <section aria-labelledby="historique" className="space-y-3">
          <h2 id="historique" className="text-2xl font-semibold">
            {t("historyTitle")}
          </h2>
          {booking.history.length === 0 ? (
            <p>{t("historyEmpty")}</p>
          ) : (
            <>
              <ol className="space-y-3 border-l-2 border-brand-100 pl-4">
                {booking.history.map((entry) => (
                  <li key={entry.id}>
                    <p>
                      <time dateTime={entry.at.toISOString()} className="font-semibold">
                        {formatMoment(entry.at)}
                      </time>{" "}
                      — {actionLabel(entry.action)} — {actorLabel(entry.actor?.name, entry.actorKind)}
                    </p>
                    <AuditDetails before={entry.before} after={entry.after} />
                  </li>
                ))}
              </ol>
              <p>
                <Link href={`/admin/journal?type=Booking&objet=${booking.id}`} className={link}>
                  {t("historyInJournal")}
                </Link>
              </p>
            </>
          )}
        </section>
      </article>
    </ClientMessages>
  );
}

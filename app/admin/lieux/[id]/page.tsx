import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { z } from "zod";
import { VenueProfileFields } from "@/components/venue/venue-profile-fields";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";
import { Pagination } from "@/components/pagination";
import { actionLabeller } from "@/components/association/journal/audit-details";
import { journalFiltersSchema, listJournal } from "@/lib/association/journal";
import { getVenueForAssociation } from "@/lib/association/venues";
import type { Actor } from "@/lib/auth/actor";
import { currentActor, requireUser } from "@/lib/auth/current";
import { NotFoundError } from "@/lib/errors";
import { organisationTitle } from "@/lib/page-titles";
import { formatDay, formatMoment, formatSessionShort } from "@/lib/format/dates";
import { listVenueEvents } from "@/lib/venue/events";
import { isUuid } from "@/lib/validation";
import { urlPage } from "@/lib/lists";
import { inviteManagerAction, setManagerActiveAction, setVenueQuotaAction, updateVenueAction } from "../actions";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";

// One read per request for the title and the page (React's cache).
const read = cache((actor: Actor, id: string) => getVenueForAssociation(actor, id));
const load = (actor: Actor, id: string) =>
  read(actor, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [{ id }, actor, t] = await Promise.all([params, currentActor(), getTranslations("pageTitles")]);
  // Anyone but the association is refused by the loader itself, and gets the neutral title.
  return { title: await organisationTitle(() => read(actor, id), "venueNeutral", t) };
}

const box = "space-y-3 rounded-lg border border-brand-100 p-4";
const h2 = "text-2xl font-semibold";
const actLink = "block rounded-md border border-brand-700 px-4 py-3 font-semibold text-brand-800 hover:bg-brand-50";

export default async function VenueAdminPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const actor = await requireUser(`/admin/lieux/${id}`, "ADMIN");
  if (!isUuid(id)) notFound();
  const query = await searchParams;
  const { page } = z.object({ page: urlPage() }).parse(query);
  const venue = await load(actor, id);
  const [events, journal] = await Promise.all([listVenueEvents(actor, id, { page }), listJournal(actor, journalFiltersSchema.parse({ lieu: id }), { pageSize: 10 })]);
  const t = await getTranslations("venuesAdmin");
  const v = await getTranslations("venue");
  const labels = await getTranslations("labels");
  const shared = await getTranslations("associationLabels");
  const when = formatSessionShort;
  const hidden = <input type="hidden" name="venueId" value={venue.id} />;
  const none = <span className="text-gray-700">{t("none")}</span>;
  const rule = venue.quotaRule;
  const ruleText = rule
    ? t("quotaRule", { max: rule.maxPlaces, period: labels(`quotaPeriod.${rule.period}`) }) + (rule.liftDaysBefore === null ? "" : ` ${t("quotaLift", { days: rule.liftDaysBefore })}`)
    : t("quotaNone");
  const actionLabel = await actionLabeller();

  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES]}>
      <div className="space-y-10">
        <p>
          <Link href="/admin/lieux" className="font-semibold text-brand-800 underline">
            {t("back")}
          </Link>
        </p>
        <header className="space-y-3">
          <p className="font-semibold uppercase text-brand-700">
            {t(`kinds.${venue.kind}`)} · {venue.city}
          </p>
          <h1 className="text-3xl font-bold text-brand-800">{venue.name}</h1>
          {query.cree ? (
            <p role="status" className="rounded-lg bg-green-50 p-4 font-semibold text-green-900">
              {t("created")}
            </p>
          ) : null}
          <p>
            {t("summary", { managers: venue.managers.filter((m) => m.active).length, sessions: venue.upcomingSessions })}
          </p>
        </header>

        <section aria-labelledby="agir" className="space-y-3 rounded-lg bg-brand-50 p-4">
          <h2 id="agir" className={h2}>
            {t("actTitle")}
          </h2>
          <p>{t("actLead")}</p>
          <ul className="flex flex-wrap gap-3">
            <li>
              <Link href={`/lieu?lieu=${venue.id}`} className={actLink}>
                {t("actHome", { name: venue.name })}
              </Link>
            </li>
            <li>
              <Link href={`/lieu/evenements/nouveau?lieu=${venue.id}`} className={actLink}>
                {t("actNewEvent", { name: venue.name })}
              </Link>
            </li>
            <li>
              <Link href={`/lieu/profil?lieu=${venue.id}`} className={actLink}>
                {t("actProfile", { name: venue.name })}
              </Link>
            </li>
          </ul>
        </section>

        <section aria-labelledby="fiche" className={box}>
          <h2 id="fiche" className={h2}>
            {t("profileTitle")}
          </h2>
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
            <div>
              <dt className="font-semibold">{t("address")}</dt>
              <dd>
                {venue.addressLine}, {venue.postalCode} {venue.city}
                {venue.area ? ` (${venue.area})` : ""}
              </dd>
            </div>
            <div>
              <dt className="font-semibold">{t("accessInfo")}</dt>
              <dd className="whitespace-pre-line">{venue.accessInfo ?? none}</dd>
            </div>
            <div>
              <dt className="font-semibold">{t("contact")}</dt>
              <dd>{[venue.phone, venue.email].filter(Boolean).join(" · ") || none}</dd>
            </div>
            <div>
              <dt className="font-semibold">{t("ticketOffice")}</dt>
              <dd>{[venue.ticketOfficeName, venue.ticketOfficePhone, venue.ticketOfficeEmail].filter(Boolean).join(" · ")}</dd>
            </div>
            <div>
              <dt className="font-semibold">{t("website")}</dt>
              <dd>
                {venue.website ? (
                  <a href={venue.website} className="break-all text-brand-800 underline" rel="noopener noreferrer" target="_blank">
                    {venue.website}
                    <span className="sr-only"> {t("newWindow")}</span>
                  </a>
                ) : (
                  none
                )}
              </dd>
            </div>
          </dl>
          <details className="rounded-md border border-gray-300 p-3">
            <summary className="cursor-pointer font-semibold text-brand-800">{t("edit")}</summary>
            <ActionForm action={updateVenueAction} submit={t("save")} className="mt-3 space-y-3">
              {hidden}
              <VenueProfileFields venue={venue} withKind />
            </ActionForm>
          </details>
        </section>

        <section aria-labelledby="accessibilite" className={box}>
          <h2 id="accessibilite" className={h2}>
            {t("accessibilityTitle")}
          </h2>
          {venue.accessibility.length === 0 && !venue.accessibilityNotes ? (
            <p>{t("accessibilityNone")}</p>
          ) : (
            <>
              {venue.accessibility.length ? (
                <ul className="flex flex-wrap gap-2" aria-label={t("accessibilityTitle")}>
                  {venue.accessibility.map((a) => (
                    <li key={a} className="rounded-full bg-brand-50 px-3 py-1 text-sm font-semibold">
                      {labels(`accessibility.${a}`)}
                    </li>
                  ))}
                </ul>
              ) : null}
              {venue.accessibilityNotes ? <p className="whitespace-pre-line">{venue.accessibilityNotes}</p> : null}
            </>
          )}
          <p className="text-sm">{t("accessibilityEdit")}</p>
        </section>

        <section aria-labelledby="quota" className={box}>
          <h2 id="quota" className={h2}>
            {t("quotaTitle")}
          </h2>
          <p>
            <span className="font-semibold">{t("quotaCurrent")}</span> {ruleText}
          </p>
          <p className="text-sm">{v("quota.lead")}</p>
          <ActionForm action={setVenueQuotaAction} submit={v("quota.save")}>
            {hidden}
            <div className="grid gap-3 sm:grid-cols-3">
              <SelectField
                name="period"
                label={v("quota.period")}
                defaultValue={rule?.period ?? "NONE"}
                options={[
                  ["NONE", v("quota.none")],
                  ["SESSION", v("quota.SESSION")],
                  ["MONTH", v("quota.MONTH")],
                  ["SEASON", v("quota.SEASON")],
                ]}
              />
              <TextField name="maxPlaces" label={v("quota.maxPlaces")} type="number" defaultValue={rule?.maxPlaces ?? 4} />
              <TextField name="liftDaysBefore" label={v("quota.liftDaysBefore")} type="number" defaultValue={rule?.liftDaysBefore} />
            </div>
          </ActionForm>
          {venue.quotaExceptions.length ? (
            <>
              <h3 className="text-lg font-semibold">{t("exceptionsTitle")}</h3>
              <ul className="list-disc space-y-1 pl-5">
                {venue.quotaExceptions.map((exception) => (
                  <li key={exception.id}>
                    <Link href={`/admin/structures/${exception.partner.id}`} className="text-brand-800 underline">
                      {exception.partner.name}
                    </Link>{" "}
                    : {exception.maxPlaces === null ? t("exceptionNoLimit") : t("exceptionPlaces", { max: exception.maxPlaces })}
                    {/* An exception ends at the midnight after its last day: say that last day, as its structure's page does. */}
                    {exception.expiresAt ? `, ${t("exceptionUntil", { date: formatDay(new Date(exception.expiresAt.getTime() - 1)) })}` : ""}
                    {exception.reason ? ` (${exception.reason})` : ""}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>

        <section aria-labelledby="responsables" className={box}>
          <h2 id="responsables" className={h2}>
            {t("managersTitle")}
          </h2>
          <p>{t("managersLead")}</p>
          {venue.managers.length === 0 ? (
            <p className="rounded-lg bg-amber-50 p-4 font-semibold">{t("managersEmpty")}</p>
          ) : (
            <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={t("managersScroll")}>
              <table className="w-full min-w-[40rem] border-collapse text-left">
                <caption className="sr-only">{t("managersCaption", { name: venue.name })}</caption>
                <thead>
                  <tr className="border-b-2 border-brand-100">
                    <th scope="col" className="py-2 pr-3">{t("managerColumns.name")}</th>
                    <th scope="col" className="py-2 pr-3">{t("managerColumns.state")}</th>
                    <th scope="col" className="py-2 pr-3">{t("managerColumns.lastSignIn")}</th>
                    <th scope="col" className="py-2">{t("managerColumns.action")}</th>
                  </tr>
                </thead>
                <tbody>
                  {venue.managers.map((manager) => (
                    <tr key={manager.id} className="border-b border-brand-100 align-top">
                      <th scope="row" className="py-2 pr-3 font-normal">
                        <span className="font-semibold">{manager.name}</span>
                        <br />
                        <span className="break-all text-sm">{manager.email}</span>
                      </th>
                      <td className="py-2 pr-3">{!manager.active ? t("managerStates.inactive") : manager.pending ? t("managerStates.pending") : t("managerStates.active")}</td>
                      <td className="py-2 pr-3">{manager.lastSignInAt ? formatMoment(manager.lastSignInAt) : t("never")}</td>
                      <td className="py-2">
                        {manager.id === actor.userId ? (
                          t("you")
                        ) : (
                          <ActionForm
                            action={setManagerActiveAction}
                            submit={manager.active ? t("deactivate", { name: manager.name }) : t("reactivate", { name: manager.name })}
                            confirm={manager.active ? t("deactivateConfirm", { name: manager.name }) : undefined}
                            danger={manager.active}
                            className="space-y-2"
                          >
                            {hidden}
                            <input type="hidden" name="userId" value={manager.id} />
                            <input type="hidden" name="name" value={manager.name} />
                            <input type="hidden" name="active" value={manager.active ? "false" : "true"} />
                          </ActionForm>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3 className="text-lg font-semibold">{t("inviteTitle")}</h3>
          <p className="text-sm">{t("inviteLead")}</p>
          <ActionForm action={inviteManagerAction} submit={t("invite")} resetOnSuccess>
            {hidden}
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField name="name" label={t("inviteName")} required />
              <TextField name="email" label={t("inviteEmail")} type="email" required />
            </div>
          </ActionForm>
        </section>

        <section aria-labelledby="spectacles" className={box}>
          <h2 id="spectacles" className={h2}>
            {t("eventsTitle")}
          </h2>
          {events.events.length === 0 ? (
            <p>
              {events.total === 0 ? (
                t("eventsEmpty")
              ) : (
                <>
                  {t("emptyPage")}{" "}
                  <Link href={`/admin/lieux/${venue.id}#spectacles`} className="font-semibold text-brand-800 underline">
                    {t("firstPage")}
                  </Link>
                </>
              )}
            </p>
          ) : (
            <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={t("eventsScroll")}>
              <table className="w-full min-w-[40rem] border-collapse text-left">
                <caption className="sr-only">{t("eventsCaption", { name: venue.name })}</caption>
                <thead>
                  <tr className="border-b-2 border-brand-100">
                    <th scope="col" className="py-2 pr-3">{t("eventColumns.title")}</th>
                    <th scope="col" className="py-2 pr-3">{t("eventColumns.status")}</th>
                    <th scope="col" className="py-2 pr-3">{t("eventColumns.upcoming")}</th>
                    <th scope="col" className="py-2">{t("eventColumns.next")}</th>
                  </tr>
                </thead>
                <tbody>
                  {events.events.map((event) => (
                    <tr key={event.id} className="border-b border-brand-100 align-top">
                      <th scope="row" className="py-2 pr-3 font-normal">
                        <Link href={`/lieu/evenements/${event.id}`} className="font-semibold text-brand-800 underline">
                          {event.title}
                          <span className="sr-only"> {t("openForVenue")}</span>
                        </Link>
                        <br />
                        <span className="text-sm">{labels(`category.${event.category}`)}</span>
                      </th>
                      <td className="py-2 pr-3">{v(`status.${event.status}`)}</td>
                      <td className="py-2 pr-3">{event.upcomingSessions}</td>
                      <td className="py-2">{event.nextSession ? when(event.nextSession) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination path={`/admin/lieux/${venue.id}`} params={{}} page={events.page} pageCount={events.pageCount} total={events.total} />
        </section>

        <section aria-labelledby="seances" className={box}>
          <h2 id="seances" className={h2}>
            {t("sessionsTitle")}
          </h2>
          {venue.nextSessions.length === 0 ? (
            <p>{t("sessionsEmpty")}</p>
          ) : (
            <>
              {venue.upcomingSessions > venue.nextSessions.length ? <p>{t("sessionsMore", { shown: venue.nextSessions.length, total: venue.upcomingSessions })}</p> : null}
              <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={t("sessionsScroll")}>
                <table className="w-full min-w-[44rem] border-collapse text-left">
                  <caption className="sr-only">{t("sessionsCaption", { name: venue.name })}</caption>
                  <thead>
                    <tr className="border-b-2 border-brand-100">
                      <th scope="col" className="py-2 pr-3">{t("sessionColumns.when")}</th>
                      <th scope="col" className="py-2 pr-3">{t("sessionColumns.event")}</th>
                      <th scope="col" className="py-2 pr-3">{t("sessionColumns.places")}</th>
                      <th scope="col" className="py-2 pr-3">{t("sessionColumns.waitlist")}</th>
                      <th scope="col" className="py-2">{t("sessionColumns.guests")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {venue.nextSessions.map((session) => (
                      <tr key={session.id} className="border-b border-brand-100 align-top">
                        <th scope="row" className="py-2 pr-3 font-normal">
                          {when(session.startsAt)}
                          {session.status === "CANCELLED" ? <span className="block text-sm font-semibold text-red-800">{v("sessionStatus.CANCELLED")}</span> : null}
                        </th>
                        <td className="py-2 pr-3">{session.event.title}</td>
                        <td className="py-2 pr-3">{t("placesValue", { confirmed: session.confirmedPlaces, capacity: session.capacity })}</td>
                        <td className="py-2 pr-3">{session.waitlistedPlaces}</td>
                        <td className="py-2">
                          <Link href={`/lieu/seances/${session.id}`} className="text-brand-800 underline">
                            {t("guestsLink")}
                            <span className="sr-only"> {t("guestsLinkFor", { title: session.event.title, date: when(session.startsAt) })}</span>
                          </Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>

        <section aria-labelledby="historique" className={box}>
          <h2 id="historique" className={h2}>
            {t("journalTitle")}
          </h2>
          {journal.entries.length === 0 ? (
            <p>{t("journalEmpty")}</p>
          ) : (
            <ol className="divide-y divide-brand-100" aria-label={t("journalLabel")}>
              {journal.entries.map((entry) => (
                <li key={entry.id} className="py-2">
                  <span className="font-semibold">{actionLabel(entry.action)}</span> · {shared(`entityType.${entry.entityType}`)}
                  <br />
                  <span className="text-sm">
                    {formatMoment(entry.at)} · {entry.actorName ?? shared(`actorKind.${entry.actorKind}`)}
                  </span>
                </li>
              ))}
            </ol>
          )}
          <p>
            <Link href={`/admin/journal?lieu=${venue.id}`} className="font-semibold text-brand-800 underline">
              {t("journalAll", { count: journal.total })}
            </Link>
          </p>
        </section>
      </div>
    </ClientMessages>
  );
}

import type { Metadata } from "next";
import { actionLabeller } from "@/components/association/journal/audit-details";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { cache } from "react";
import { ConventionState } from "@/components/association/structures/convention-state";
import { NextStep } from "@/components/association/structures/next-step";
import { StepHistory } from "@/components/association/structures/step-history";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";
import { listJournal } from "@/lib/association/journal";
import { SECTORS } from "@/lib/association/partnership";
import { getStructure } from "@/lib/association/structures";
import type { Actor } from "@/lib/auth/actor";
import { searchChoicesAction } from "@/app/admin/choices-actions";
import { ChoicePicker } from "@/components/forms/choice-picker";
import { currentActor, requireUser } from "@/lib/auth/current";
import { NotFoundError } from "@/lib/errors";
import { organisationTitle } from "@/lib/page-titles";
import { formatDay, formatMoment } from "@/lib/format/dates";
import { nextParisDay, parisDate, seasonLabel, seasonOf } from "@/lib/time";
import { addConventionAction, grantQuotaExceptionAction, inviteReferentAction, recordStepAction, revokeQuotaExceptionAction, setReferentActiveAction, updateStructureAction } from "../actions";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";

// Once per request, for the page and its title.
const read = cache((actor: Actor, id: string) => getStructure(actor, id));
const load = async (actor: Actor, id: string) => {
  try {
    return await read(actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
};

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [{ id }, actor, t] = await Promise.all([params, currentActor(), getTranslations("pageTitles")]);
  // Anyone but the association is refused by the loader itself, and gets the neutral title.
  return { title: await organisationTitle(() => read(actor, id), "structureNeutral", t) };
}

const h2 = "text-2xl font-semibold";
const card = "space-y-3 rounded-lg border border-brand-100 p-4";
const cell = "px-3 py-2 align-top";
const ymd = (date: Date) => date.toISOString().slice(0, 10);

export default async function StructurePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireUser(`/admin/structures/${id}`, "ADMIN");
  const structure = await load(actor, id);
  const journal = await listJournal(actor, { structure: structure.id, page: 1 }, { pageSize: 10 });
  const t = await getTranslations("structuresAdmin.structure");
  const root = await getTranslations("structuresAdmin");
  const labels = await getTranslations("associationLabels");
  const actionLabel = await actionLabeller();
  const now = new Date();
  const today = parisDate(now);
  const season = seasonOf(now);
  // Days (stored as days, or the Paris day of an instant) and moments, written as everywhere else.
  const day = (date: Date) => formatDay(date);
  const when = (date: Date) => formatDay(date);
  const whenTime = formatMoment;
  const seasonName = (start: number) => labels("season", { start, end: start + 1 });
  const latestConvention = structure.conventions.reduce<Date | null>((latest, c) => (!latest || c.validUntil > latest ? c.validUntil : latest), null);
  const thisSeason = structure.memberships.find((m) => m.season === season);
  const activeReferents = structure.referents.filter((r) => r.active).length;
  // A renewal starts the day after the last convention ends (today if that day is past).
  const renewalFrom = latestConvention && ymd(latestConvention) >= today ? parisDate(nextParisDay(latestConvention)) : today;
  const bookingStatuses = ["CONFIRMED", "WAITLISTED", "CANCELLED"] as const;
  const sections = ["etape", "historique", "conventions", "referents", "acces-visiteur", "reservations", "adhesions", "quotas", "fiche", "demandes", "journal"] as const;

  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES, "choicePicker"]}>
      <div className="space-y-10">
        <p>
          <Link href="/admin/structures" className="text-brand-800 underline">
            {t("back")}
          </Link>
        </p>
        <header className="space-y-3">
          <h1 className="text-3xl font-bold text-brand-800">{structure.name}</h1>
          <p className="text-lg">{[labels(`sector.${structure.sector}`), structure.city].filter(Boolean).join(" · ")}</p>
          <dl className="grid gap-x-6 gap-y-2 rounded-lg bg-brand-50 p-4 sm:grid-cols-2 lg:grid-cols-3">
            <div>
              <dt className="font-semibold">{t("summary.stage")}</dt>
              <dd>{structure.stage ? labels(`stage.${structure.stage}`) : root("noStep")}</dd>
            </div>
            <div>
              <dt className="font-semibold">{t("summary.convention")}</dt>
              <dd>
                <ConventionState until={latestConvention} valid={structure.conventionValid} now={now} />
              </dd>
            </div>
            <div>
              <dt className="font-semibold">{t("summary.membership", { season: seasonLabel(season) })}</dt>
              <dd>{thisSeason ? labels(`membership.${thisSeason.status}`) : root("membershipNone")}</dd>
            </div>
            <div>
              <dt className="font-semibold">{t("summary.referents")}</dt>
              <dd>{activeReferents}</dd>
            </div>
            <div>
              <dt className="font-semibold">{t("summary.people")}</dt>
              <dd>{structure.people}</dd>
            </div>
            <div>
              <dt className="font-semibold">{t("summary.visitorCode")}</dt>
              <dd>{structure.visitorCodeActive ? t("visitor.active") : t("visitor.inactive")}</dd>
            </div>
          </dl>
        </header>

        <nav aria-label={t("toc")}>
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            {sections.map((section) => (
              <li key={section}>
                <a href={`#${section}`} className="text-brand-800 underline">
                  {t(`sections.${section}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>

        <section aria-labelledby="etape" className="space-y-3">
          <h2 id="etape" className={h2}>
            {t("sections.etape")}
          </h2>
          {/* Announced when a step is recorded, even the last one (whose form then goes away). */}
          <p aria-live="polite">
            {structure.stage ? t("currentStage", { stage: labels(`stage.${structure.stage}`) }) : root("noStep")}
            {structure.steps[0] ? ` ${t("stageSince", { date: when(structure.steps[0].at) })}` : null}
          </p>
          {structure.conventions.length > 0 && !structure.conventionValid ? (
            <p className="rounded-lg border-2 border-red-800 p-4 font-semibold text-red-800">
              {t("renewHint")}{" "}
              <a href="#conventions" className="underline">
                {t("renewLink")}
              </a>
            </p>
          ) : null}
          <NextStep partnerId={structure.id} stage={structure.stage} today={today} action={recordStepAction} />
        </section>

        <section aria-labelledby="historique" className="space-y-3">
          <h2 id="historique" className={h2}>
            {t("sections.historique")}
          </h2>
          <StepHistory steps={structure.steps} />
        </section>

        <section aria-labelledby="conventions" className="space-y-3">
          <h2 id="conventions" className={h2}>
            {t("sections.conventions")}
          </h2>
          {structure.conventions.length === 0 ? (
            <p>{t("conventions.empty")}</p>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-brand-100" tabIndex={0} role="region" aria-label={t("conventions.scroll")}>
              <table className="w-full min-w-[36rem] border-collapse text-left">
                <caption className="sr-only">{t("conventions.caption")}</caption>
                <thead className="bg-brand-50">
                  <tr>
                    <th scope="col" className={cell}>
                      {t("conventions.period")}
                    </th>
                    <th scope="col" className={cell}>
                      {t("conventions.signedOn")}
                    </th>
                    <th scope="col" className={cell}>
                      {t("conventions.reference")}
                    </th>
                    <th scope="col" className={cell}>
                      {t("conventions.state")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {structure.conventions.map((convention) => {
                    const state = ymd(convention.validFrom) > today ? "upcoming" : ymd(convention.validUntil) < today ? "ended" : "current";
                    return (
                      <tr key={convention.id} className="border-t border-brand-100">
                        <th scope="row" className={`${cell} font-normal`}>
                          {t("conventions.range", {
                            from: day(convention.validFrom),
                            until: day(convention.validUntil),
                          })}
                        </th>
                        <td className={cell}>{day(convention.signedOn)}</td>
                        <td className={cell}>{convention.reference ?? "—"}</td>
                        <td className={`${cell} ${state === "current" ? "font-semibold text-green-900" : ""}`}>{t(`conventions.states.${state}`)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {structure.conventions.length === 0 ? (
            <p className="text-sm">{t("conventions.firstHint")}</p>
          ) : (
            <div className={card}>
              <h3 className="text-lg font-semibold">{t("conventions.addTitle")}</h3>
              <p>{t("conventions.addHelp")}</p>
              <ActionForm action={addConventionAction} submit={t("conventions.add")} resetOnSuccess>
                <input type="hidden" name="partnerId" value={structure.id} />
                <div className="grid gap-3 sm:grid-cols-2">
                  <TextField name="signedOn" type="date" label={t("conventions.signedOnField")} defaultValue={today} required />
                  <TextField name="reference" label={t("conventions.referenceField")} />
                  <TextField name="validFrom" type="date" label={t("conventions.validFromField")} defaultValue={renewalFrom} required />
                  <TextField name="validUntil" type="date" label={t("conventions.validUntilField")} required />
                </div>
              </ActionForm>
            </div>
          )}
        </section>

        <section aria-labelledby="referents" className="space-y-3">
          <h2 id="referents" className={h2}>
            {t("sections.referents")}
          </h2>
          {structure.referents.length === 0 ? (
            <p>{t("referents.empty")}</p>
          ) : (
            <ul className="divide-y divide-brand-100 rounded-lg border border-brand-100">
              {structure.referents.map((referent) => (
                <li key={referent.id} className="flex flex-wrap items-start justify-between gap-3 p-3">
                  <div>
                    <p className="font-semibold">{referent.name}</p>
                    <p className="text-sm">
                      <a href={`mailto:${referent.email}`} className="underline">
                        {referent.email}
                      </a>
                    </p>
                    <p className="text-sm">
                      {!referent.active ? t("referents.inactive") : referent.pending ? t("referents.pending") : t("referents.active")}
                      {referent.lastSignInAt ? ` · ${t("referents.lastSignIn", { date: formatMoment(referent.lastSignInAt) })}` : null}
                    </p>
                  </div>
                  <ActionForm
                    action={setReferentActiveAction}
                    submit={referent.active ? t("referents.deactivate", { name: referent.name }) : t("referents.reactivate", { name: referent.name })}
                    confirm={
                      referent.active
                        ? t("referents.deactivateConfirm", {
                            name: referent.name,
                          })
                        : t("referents.reactivateConfirm", {
                            name: referent.name,
                          })
                    }
                    danger={referent.active}
                    className="space-y-2"
                  >
                    <input type="hidden" name="partnerId" value={structure.id} />
                    <input type="hidden" name="userId" value={referent.id} />
                    <input type="hidden" name="active" value={referent.active ? "false" : "true"} />
                  </ActionForm>
                </li>
              ))}
            </ul>
          )}
          {/* Before its account step, a structure's first referent comes with that step (it moves the stage on). */}
          {structure.referents.length === 0 && structure.stage !== "ACCOUNT_CREATED" && structure.stage !== "TRAINED" ? (
            <p className="text-sm">{t("referents.firstHint")}</p>
          ) : (
            <div className={card}>
              <h3 className="text-lg font-semibold">{structure.referents.length ? t("referents.inviteTitle") : t("referents.inviteFirstTitle")}</h3>
              <p>{t("referents.inviteHelp")}</p>
              <ActionForm action={inviteReferentAction} submit={t("referents.invite")} resetOnSuccess>
                <input type="hidden" name="partnerId" value={structure.id} />
                <div className="grid gap-3 sm:grid-cols-2">
                  <TextField name="name" label={t("referents.name")} required />
                  <TextField name="email" type="email" label={t("referents.email")} required />
                </div>
              </ActionForm>
            </div>
          )}
        </section>

        <section aria-labelledby="acces-visiteur" className="space-y-3">
          <h2 id="acces-visiteur" className={h2}>
            {t("sections.acces-visiteur")}
          </h2>
          <p>
            {structure.visitorCodeActive ? t("visitor.activeLong") : t("visitor.inactiveLong")}
            {structure.visitorCodeActive && structure.visitorCodeRenewedAt ? ` ${t("visitor.renewedOn", { date: when(structure.visitorCodeRenewedAt) })}` : null}
          </p>
          <p className="text-sm">{t("visitor.secret")}</p>
        </section>

        <section aria-labelledby="reservations" className="space-y-3">
          <h2 id="reservations" className={h2}>
            {t("sections.reservations")}
          </h2>
          <p>{t("people", { count: structure.people })}</p>
          <dl className="grid max-w-xl grid-cols-3 gap-3 text-center">
            {bookingStatuses.map((status) => (
              <div key={status} className="rounded-lg bg-brand-50 p-3">
                <dt className="text-sm">{labels(`bookingStatus.${status}`)}</dt>
                <dd className="text-2xl font-bold">{structure.bookings[status] ?? 0}</dd>
              </div>
            ))}
          </dl>
          <p>
            <Link href={`/admin/reservations?structure=${structure.id}`} className="font-semibold text-brand-800 underline">
              {t("bookingsLink", { name: structure.name })}
            </Link>
          </p>
        </section>

        <section aria-labelledby="adhesions" className="space-y-3">
          <h2 id="adhesions" className={h2}>
            {t("sections.adhesions")}
          </h2>
          <p className="text-sm">{t("memberships.help")}</p>
          {structure.memberships.length === 0 ? (
            <p>{t("memberships.empty")}</p>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-brand-100" tabIndex={0} role="region" aria-label={t("memberships.scroll")}>
              <table className="w-full min-w-[28rem] border-collapse text-left">
                <caption className="sr-only">{t("memberships.caption")}</caption>
                <thead className="bg-brand-50">
                  <tr>
                    <th scope="col" className={cell}>
                      {t("memberships.season")}
                    </th>
                    <th scope="col" className={cell}>
                      {t("memberships.state")}
                    </th>
                    <th scope="col" className={cell}>
                      {t("memberships.joinedOn")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {structure.memberships.map((membership) => (
                    <tr key={membership.id} className="border-t border-brand-100">
                      <th scope="row" className={`${cell} font-normal`}>
                        {seasonName(membership.season)}
                      </th>
                      <td className={cell}>{labels(`membership.${membership.status}`)}</td>
                      <td className={cell}>{membership.joinedOn ? day(membership.joinedOn) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section aria-labelledby="quotas" className="space-y-3">
          <h2 id="quotas" className={h2}>
            {t("sections.quotas")}
          </h2>
          <p className="text-sm">{t("quotas.help")}</p>
          {/* Announced when an exception is granted or revoked (a revoked one takes its form away). */}
          <p aria-live="polite">{t("quotas.count", { count: structure.quotaExceptions.length })}</p>
          {structure.quotaExceptions.length === 0 ? null : (
            <ul className="space-y-3">
              {structure.quotaExceptions.map((exception) => {
                const ended = exception.expiresAt !== null && exception.expiresAt <= now;
                // The last day it holds is the day before it ends (it ends at a midnight).
                const lastDay = exception.expiresAt ? when(new Date(exception.expiresAt.getTime() - 1)) : null;
                return (
                  <li key={exception.id} className={card}>
                    <h3 className="text-lg font-semibold">{exception.venue.name}</h3>
                    <p>
                      {exception.maxPlaces === null ? t("quotas.noLimit") : t("quotas.places", { count: exception.maxPlaces })}
                      {" · "}
                      {lastDay ? (ended ? t("quotas.ended", { date: lastDay }) : t("quotas.until", { date: lastDay })) : t("quotas.noEnd")}
                    </p>
                    {exception.reason ? <p className="whitespace-pre-line text-sm">{t("quotas.reason", { reason: exception.reason })}</p> : null}
                    <p className="text-sm">{t("quotas.grantedOn", { date: when(exception.createdAt) })}</p>
                    <ActionForm
                      action={revokeQuotaExceptionAction}
                      submit={t("quotas.revoke", { venue: exception.venue.name })}
                      confirm={t("quotas.revokeConfirm", {
                        venue: exception.venue.name,
                      })}
                      danger
                    >
                      <input type="hidden" name="partnerId" value={structure.id} />
                      <input type="hidden" name="venueId" value={exception.venue.id} />
                      <TextField name="reason" label={t("quotas.revokeReason")} />
                    </ActionForm>
                  </li>
                );
              })}
            </ul>
          )}
          <div className={card}>
            <h3 className="text-lg font-semibold">{t("quotas.grantTitle")}</h3>
            <p>{t("quotas.grantHelp")}</p>
            <ActionForm action={grantQuotaExceptionAction} submit={t("quotas.grant")} resetOnSuccess>
              <input type="hidden" name="partnerId" value={structure.id} />
              <div className="grid gap-3 sm:grid-cols-2">
                <div className="sm:col-span-2">
                  <ChoicePicker name="venueId" label={t("quotas.venue")} kind="VENUE" search={searchChoicesAction} />
                </div>
                <TextField name="maxPlaces" type="number" label={t("quotas.maxPlaces")} />
                <TextField name="expiresAt" type="date" label={t("quotas.expiresAt")} required />
              </div>
              <TextField name="reason" label={t("quotas.reasonField")} multiline required />
            </ActionForm>
          </div>
        </section>

        <section aria-labelledby="fiche" className="space-y-3">
          <h2 id="fiche" className={h2}>
            {t("sections.fiche")}
          </h2>
          <div className={card}>
            <ActionForm action={updateStructureAction} submit={t("identity.save")}>
              <input type="hidden" name="partnerId" value={structure.id} />
              <div className="grid gap-3 sm:grid-cols-2">
                <TextField name="name" label={t("identity.name")} defaultValue={structure.name} required />
                <SelectField name="sector" label={t("identity.sector")} defaultValue={structure.sector} options={SECTORS.map((sector): [string, string] => [sector, labels(`sector.${sector}`)])} />
                <TextField name="addressLine" label={t("identity.addressLine")} defaultValue={structure.addressLine} />
                <TextField name="postalCode" label={t("identity.postalCode")} defaultValue={structure.postalCode} />
                <TextField name="city" label={t("identity.city")} defaultValue={structure.city} />
                <TextField name="area" label={t("identity.area")} defaultValue={structure.area} />
                <TextField name="phone" type="tel" label={t("identity.phone")} defaultValue={structure.phone} />
                <TextField name="email" type="email" label={t("identity.email")} defaultValue={structure.email} />
              </div>
              <TextField name="notes" label={t("identity.notes")} defaultValue={structure.notes} multiline />
            </ActionForm>
          </div>
        </section>

        <section aria-labelledby="demandes" className="space-y-3">
          <h2 id="demandes" className={h2}>
            {t("sections.demandes")}
          </h2>
          {structure.requests.length === 0 ? (
            <p>{t("requests.empty")}</p>
          ) : (
            <ul className="space-y-3">
              {structure.requests.map((request) => (
                <li key={request.id} className={card}>
                  <h3 className="font-semibold">
                    {t("requests.receivedOn", {
                      date: whenTime(request.createdAt),
                    })}
                  </h3>
                  <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
                    <dt className="font-semibold">{t("requests.structure")}</dt>
                    <dd>{[request.structureName, labels(`sector.${request.sector}`), request.city].filter(Boolean).join(" · ")}</dd>
                    <dt className="font-semibold">{t("requests.contact")}</dt>
                    <dd>{request.contactRole ? `${request.contactName} (${request.contactRole})` : request.contactName}</dd>
                    <dt className="font-semibold">{t("requests.email")}</dt>
                    <dd>
                      <a href={`mailto:${request.email}`} className="underline">
                        {request.email}
                      </a>
                    </dd>
                    <dt className="font-semibold">{t("requests.phone")}</dt>
                    <dd>
                      {request.phone ? (
                        <a href={`tel:${request.phone.replace(/[^\d+]/g, "")}`} className="underline">
                          {request.phone}
                        </a>
                      ) : (
                        "—"
                      )}
                    </dd>
                    <dt className="font-semibold">{t("requests.message")}</dt>
                    <dd className="whitespace-pre-line">{request.message ?? t("requests.noMessage")}</dd>
                  </dl>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="journal" className="space-y-3">
          <h2 id="journal" className={h2}>
            {t("sections.journal")}
          </h2>
          {journal.entries.length === 0 ? (
            <p>{t("journal.empty")}</p>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-brand-100" tabIndex={0} role="region" aria-label={t("journal.scroll")}>
              <table className="w-full min-w-[36rem] border-collapse text-left">
                <caption className="sr-only">{t("journal.caption", { count: journal.entries.length })}</caption>
                <thead className="bg-brand-50">
                  <tr>
                    <th scope="col" className={cell}>
                      {t("journal.when")}
                    </th>
                    <th scope="col" className={cell}>
                      {t("journal.who")}
                    </th>
                    <th scope="col" className={cell}>
                      {t("journal.what")}
                    </th>
                    <th scope="col" className={cell}>
                      {t("journal.about")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {journal.entries.map((entry) => {
                    return (
                      <tr key={entry.id} className="border-t border-brand-100">
                        <th scope="row" className={`${cell} font-normal`}>
                          {whenTime(entry.at)}
                        </th>
                        <td className={cell}>{entry.actorName ?? (labels.has(`actorKind.${entry.actorKind}`) ? labels(`actorKind.${entry.actorKind}`) : entry.actorKind)}</td>
                        <td className={cell}>{actionLabel(entry.action)}</td>
                        <td className={cell}>{labels.has(`entityType.${entry.entityType}`) ? labels(`entityType.${entry.entityType}`) : entry.entityType}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <p>
            <Link href={`/admin/journal?structure=${structure.id}`} className="font-semibold text-brand-800 underline">
              {t("journal.link", { name: structure.name })}
            </Link>
          </p>
        </section>
      </div>
    </ClientMessages>
  );
}

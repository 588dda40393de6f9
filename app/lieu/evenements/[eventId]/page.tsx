import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxGroup, TextField } from "@/components/forms/fields";
import { EventFields } from "@/components/venue/event-fields";
import type { Actor } from "@/lib/auth/actor";
import { currentActor, requireUser } from "@/lib/auth/current";
import { loadOr404 } from "@/lib/http/load-or-404";
import { formatSessionShort } from "@/lib/format/dates";
import { eventTitle } from "@/lib/page-titles";
import { getVenueEvent } from "@/lib/venue/events";
import { MAX_IMAGE_BYTES } from "@/lib/venue/images";
import { addSessionsAction, cancelEventAction, changeCapacityAction, publishEventAction, setImageAction, updateEventAction } from "../../actions";
import { ImportedNote } from "@/components/venue/season/imported-note";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";

// One read per request for the title and the page (React's cache), through the venue's own loader.
const load = cache((actor: Actor, eventId: string) => getVenueEvent(actor, eventId));

export async function generateMetadata({ params }: { params: Promise<{ eventId: string }> }): Promise<Metadata> {
  const [{ eventId }, actor, t] = await Promise.all([params, currentActor(), getTranslations("pageTitles")]);
  return { title: await eventTitle(() => load(actor, eventId), t) };
}

export default async function VenueEventPage({ params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  const actor = await requireUser(`/lieu/evenements/${eventId}`, "VENUE", "ADMIN");
  const event = await loadOr404(load(actor, eventId));
  const t = await getTranslations("venue");
  const labels = await getTranslations("labels");
  const when = formatSessionShort;
  const days = ["1", "2", "3", "4", "5", "6", "7"] as const;
  const hidden = <input type="hidden" name="eventId" value={event.id} />;

  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES]}>
      <div className="space-y-8">
        <p>
          {/* The venue's own page for this venue: the association acting for several venues lands on the right one. */}
          <Link href={`/lieu?lieu=${event.venueId}`} className="font-semibold text-brand-800 underline">
            {t("event.back")}
          </Link>
        </p>
        <header className="space-y-2">
          <p className="font-semibold uppercase text-brand-700">{t(`status.${event.status}`)}</p>
          <h1 className="text-3xl font-bold text-brand-800">{event.title}</h1>
          {event.sourceId ? <ImportedNote venueId={event.venueId} editedFields={event.editedFields} /> : null}
          {event.status === "DRAFT" ? (
            <div className="space-y-2 rounded-lg bg-amber-50 p-4">
              <p>{t("event.draftNote", { noun: labels(`categoryNoun.${event.category}`), gender: labels(`categoryGender.${event.category}`) })}</p>
              <ActionForm action={publishEventAction} submit={t("event.publish")}>
                {hidden}
              </ActionForm>
            </div>
          ) : null}
        </header>

        <section aria-labelledby="seances" className="space-y-4">
          <h2 id="seances" className="text-2xl font-semibold">
            {t("event.sessions")}
          </h2>
          {event.sessions.length === 0 ? (
            <p>{t("event.noSessions")}</p>
          ) : (
            <ul className="space-y-3" aria-label={t("event.sessions")}>
              {event.sessions.map((session) => (
                <li key={session.id} className="flex flex-wrap items-end justify-between gap-4 rounded-lg border border-brand-100 p-4">
                  <div>
                    <p className="font-semibold">{when(session.startsAt)}</p>
                    <p className="text-sm">
                      {t(`sessionStatus.${session.status}`)} · {t("event.confirmed")} {session.confirmedPlaces}/{session.capacity} · {t("event.waitlist")}{" "}
                      {session.waitlistedBookings}
                    </p>
                    <p>
                      <Link href={`/lieu/seances/${session.id}`} className="text-brand-800 underline">
                        {t("event.guestList")}
                      </Link>
                    </p>
                  </div>
                  {session.status === "SCHEDULED" ? (
                    <ActionForm action={changeCapacityAction} submit={t("event.capacitySave")} className="flex flex-wrap items-end gap-2">
                      <input type="hidden" name="sessionId" value={session.id} />
                      <p>
                        <label htmlFor={`capacite-${session.id}`} className="mb-1 block text-sm font-semibold">
                          {t("event.capacityLabel", { date: when(session.startsAt) })}
                        </label>
                        <input
                          id={`capacite-${session.id}`}
                          name="capacity"
                          type="number"
                          min={0}
                          defaultValue={session.capacity}
                          className="w-28 rounded-md border border-gray-500 px-3 py-2"
                        />
                      </p>
                    </ActionForm>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {event.status !== "CANCELLED" ? (
            <section aria-labelledby="ajout-seances" className="rounded-lg bg-brand-50 p-4">
              <h3 id="ajout-seances" className="text-lg font-semibold">
                {t("event.addTitle")}
              </h3>
              <p className="my-2">{t("event.addLead")}</p>
              <ActionForm action={addSessionsAction} submit={t("event.addSubmit")} schema="sessionRun">
                {hidden}
                <div className="grid gap-3 sm:grid-cols-2">
                  <TextField name="from" label={t("event.from")} type="date" required />
                  <TextField name="to" label={t("event.to")} type="date" />
                </div>
                <CheckboxGroup name="weekdays" legend={t("event.weekdays")} options={days.map((d) => [d, t(`event.days.${d}`)])} />
                <div className="grid gap-3 sm:grid-cols-2">
                  <TextField name="times" label={t("event.times")} defaultValue="20:00" required />
                  <TextField name="capacity" label={t("event.runCapacity")} type="number" required />
                  <TextField name="opensDaysBefore" label={t("event.opensDaysBefore")} type="number" />
                  <TextField name="closesHoursBefore" label={t("event.closesHoursBefore")} type="number" />
                </div>
              </ActionForm>
            </section>
          ) : null}
          <p>
            <Link href={`/lieu/evenements/${event.id}/bilan`} className="text-brand-800 underline">
              {t("event.report")}
            </Link>
          </p>
        </section>

        <details className="rounded-lg border border-brand-100 p-4">
          <summary className="cursor-pointer text-lg font-semibold">{t("event.edit")}</summary>
          <ActionForm action={updateEventAction} submit={t("form.save")} className="mt-3 space-y-3" schema="event">
            {hidden}
            <EventFields values={{ ...event, accessibility: event.accessibility }} />
          </ActionForm>
        </details>

        <details className="rounded-lg border border-brand-100 p-4">
          <summary className="cursor-pointer text-lg font-semibold">{t("event.image")}</summary>
          {event.hasImage ? (
            // eslint-disable-next-line @next/next/no-img-element -- our own resized image
            <img src={`/api/events/${event.id}/image?apercu=1`} alt={event.imageAlt ?? ""} className="my-3 max-h-48 rounded" />
          ) : null}
          <ActionForm action={setImageAction} submit={t("event.imageSubmit")} encType="multipart/form-data" className="mt-3 space-y-3">
            {hidden}
            <p>
              <label htmlFor="image" className="mb-1 block font-semibold">
                {t("event.imageFile")}
              </label>
              <input id="image" name="image" type="file" accept="image/jpeg,image/png,image/webp" data-max-bytes={MAX_IMAGE_BYTES} required />
            </p>
            <TextField name="imageAlt" label={t("form.imageAlt")} defaultValue={event.imageAlt} />
          </ActionForm>
        </details>

        {event.status !== "CANCELLED" ? (
          <details className="rounded-lg border border-red-700 p-4">
            <summary className="cursor-pointer font-semibold text-red-800">{t("event.cancel")}</summary>
            <ActionForm action={cancelEventAction} submit={t("event.cancelSubmit")} danger className="mt-3 space-y-3">
              {hidden}
              <TextField name="note" label={t("event.cancelNote")} />
              <label className="flex items-start gap-2">
                <input type="checkbox" name="confirm" value="oui" required className="mt-1 h-5 w-5" />
                {t("event.cancelConfirm")}
              </label>
            </ActionForm>
          </details>
        ) : null}
      </div>
    </ClientMessages>
  );
}

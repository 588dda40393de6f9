import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getFormatter, getLanguage, getTranslations } from "@/lib/i18n/server";
import { EasyEvent } from "@/components/easy/easy-event";
import { EventSessionItem } from "@/components/offer/event-session";
import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/current";
import { getEventDetails, type EventDetails } from "@/lib/catalog/event";
import { READING_MODE_COOKIE, readsEasy } from "@/lib/catalog/reading-mode";
import { loadOr404 } from "@/lib/http/load-or-404";
import { eventTitle } from "@/lib/page-titles";
import { isUuid } from "@/lib/validation";
import { ClientMessages } from "@/components/i18n/client-messages";
import { WishForm } from "@/components/easy/wish-form";
import { Isolated } from "@/components/i18n/isolated";
import { VenueText } from "@/components/i18n/venue-text";
import { isolateAll } from "@/lib/i18n/bidi";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";
import { wishAction } from "./actions";

// One read per request for the title and the page (React's cache).
const read = cache((actor: Actor, eventId: string) => getEventDetails(actor, eventId));

async function load(eventId: string): Promise<EventDetails> {
  const actor = await currentActor();
  if (actor.kind === "anonymous") redirect(`/connexion?suite=/offre/${eventId}`);
  return loadOr404(read(actor, eventId));
}

export async function generateMetadata({ params }: { params: Promise<{ eventId: string }> }): Promise<Metadata> {
  const [{ eventId }, actor, t] = await Promise.all([params, currentActor(), getTranslations("pageTitles")]);
  return { title: await eventTitle(() => read(actor, eventId), t) };
}

export default async function EventPage({
  params,
  searchParams,
}: {
  params: Promise<{ eventId: string }>;
  searchParams: Promise<{ envie?: string | string[] }>;
}) {
  const { eventId } = await params;
  // Opened from a wish's "Toutes les dates" (issue 29.14): its booking links carry the wish on.
  const { envie } = await searchParams;
  const wishId = isUuid(envie) ? envie : undefined;
  const event = await load(eventId);
  const actor = await currentActor();
  if (readsEasy(actor, (await cookies()).get(READING_MODE_COOKIE)?.value)) {
    return (
      <ClientMessages namespaces={FORM_NAMESPACES}>
        <EasyEvent event={event} wish={wishAction} />
      </ClientMessages>
    );
  }
  const isPartner = actor.kind === "user" && actor.role === "PARTNER";
  const t = await getTranslations("event");
  const labels = await getTranslations("labels");
  const format = await getFormatter();
  const language = await getLanguage();
  const { venue } = event;

  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES, "event", "labels"]}>
      <article className="space-y-8">
        <p>
          <Link href="/offre" className="font-semibold text-brand-800 underline">
            {t("back")}
          </Link>
        </p>
        <header className="space-y-2">
          <p className="font-semibold uppercase text-brand-700">{labels(`category.${event.category}`)}</p>
          <h1 className="text-3xl font-bold text-brand-800">{event.title}</h1>
          <p className="text-lg">
            {venue.name}, {venue.city}
          </p>
        </header>
        <div className="grid gap-8 md:grid-cols-3">
          <div className="space-y-4 md:col-span-2">
            {event.hasImage ? (
              // eslint-disable-next-line @next/next/no-img-element -- served by our own route, already resized
              <img src={`/api/events/${event.id}/image`} alt={event.imageAlt ?? ""} className="w-full rounded-lg" />
            ) : null}
            <VenueText text={event.description} className="whitespace-pre-line" />
            <ul className="space-y-1">
              {event.durationMinutes ? <li>{t("duration", { minutes: event.durationMinutes })}</li> : null}
              {event.accessibility.map((access) => (
                <li key={access}>{labels(`accessibility.${access}`)}</li>
              ))}
              {event.publicPriceCents !== null ? (
                <li>{t("price", isolateAll({ price: format.number(event.publicPriceCents / 100, { style: "currency", currency: "EUR" }) }, language))}</li>
              ) : null}
            </ul>
            {event.ticketUrl ? (
              <p>
                <a href={event.ticketUrl} className="text-brand-800 underline" rel="noopener noreferrer">
                  {t("buy")}
                </a>
              </p>
            ) : null}
          </div>
          <aside aria-labelledby="lieu" className="space-y-2 rounded-lg bg-brand-50 p-4">
            <h2 id="lieu" className="text-lg font-semibold">
              {t("venue")}
            </h2>
            {/* Each line isolated: right to left, "7 rue Burdeau" would read "rue Burdeau 7" (issue 34.2). */}
            <address className="not-italic">
              <Isolated>{venue.name}</Isolated>
              <br />
              <Isolated>{venue.addressLine}</Isolated>
              <br />
              <Isolated>
                {venue.postalCode} {venue.city}
              </Isolated>
            </address>
            {venue.accessInfo ? (
              <>
                <h3 className="font-semibold">{t("gettingThere")}</h3>
                <p lang="fr" dir="auto">
                  {venue.accessInfo}
                </p>
              </>
            ) : null}
            {venue.accessibility.length || venue.accessibilityNotes ? (
              <>
                <h3 className="font-semibold">{t("accessibility")}</h3>
                <ul>
                  {venue.accessibility.map((access) => (
                    <li key={access}>{labels(`accessibility.${access}`)}</li>
                  ))}
                </ul>
                {venue.accessibilityNotes ? (
                  <p lang="fr" dir="auto">
                    {venue.accessibilityNotes}
                  </p>
                ) : null}
              </>
            ) : null}
          </aside>
        </div>

        {actor.kind === "visitor" && event.sessions.length ? <WishForm eventId={event.id} dates={event.sessions} action={wishAction} /> : null}

        <section aria-labelledby="seances" className="space-y-4">
          <h2 id="seances" className="text-2xl font-semibold">
            {t("sessions")}
          </h2>
          {event.quotaRule ? <p>{t("quotaRule", { max: event.quotaRule.maxPlaces, period: labels(`quotaPeriod.${event.quotaRule.period}`) })}</p> : null}
          {isPartner && !event.canBook ? <p className="rounded-md bg-brand-50 p-3">{t("conventionMissing")}</p> : null}
          {event.sessions.length === 0 ? (
            <p>{t("noSessions", { noun: labels(`categoryNoun.${event.category}`), gender: labels(`categoryGender.${event.category}`) })}</p>
          ) : (
            <ul className="space-y-3">
              {event.sessions.map((session) => (
                <EventSessionItem
                  key={session.id}
                  eventId={event.id}
                  session={session}
                  quotaRule={event.quotaRule}
                  isPartner={isPartner}
                  canBook={event.canBook}
                  wishId={wishId}
                />
              ))}
            </ul>
          )}
        </section>
      </article>
    </ClientMessages>
  );
}

import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getTranslations } from "@/lib/i18n/server";
import { BookingForm } from "@/components/offer/booking-form";
import { WaitlistNotice } from "@/components/offer/waitlist-notice";
import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/current";
import { getEventDetails } from "@/lib/catalog/event";
import { loadOr404 } from "@/lib/http/load-or-404";
import { formatSessionDate } from "@/lib/format/dates";
import { bookFormTitle } from "@/lib/page-titles";
import { peopleBookedOnSession } from "@/lib/partner/book-from-form";
import { ownWish } from "@/lib/wishes/wishes";
import { drawRecord } from "@/lib/booking/applications";
import { pendingSentence } from "@/lib/booking/draw-words";
import { lateOffers } from "@/lib/catalog/late-places";
import { applyAction, bookAction, bookLateAction, searchPeopleAction } from "./actions";
import { ClientMessages } from "@/components/i18n/client-messages";

// One read per request for the title and the page (React's cache).
const load = cache((actor: Actor, eventId: string) => getEventDetails(actor, eventId));

export async function generateMetadata({ params }: { params: Promise<{ eventId: string; sessionId: string }> }): Promise<Metadata> {
  const [{ eventId, sessionId }, actor, t] = await Promise.all([params, currentActor(), getTranslations("pageTitles")]);
  return { title: await bookFormTitle(() => load(actor, eventId), sessionId, t) };
}

export default async function BookPage({
  params,
  searchParams,
}: {
  params: Promise<{ eventId: string; sessionId: string }>;
  searchParams: Promise<{ envie?: string | string[]; tard?: string }>;
}) {
  const { eventId, sessionId } = await params;
  const { envie, tard } = await searchParams;
  const actor = await currentActor();
  if (actor.kind === "anonymous") redirect(`/connexion?suite=/offre/${eventId}/reserver/${sessionId}`);
  if (actor.kind !== "user" || actor.role !== "PARTNER") redirect(`/offre/${eventId}`);
  const event = await loadOr404(load(actor, eventId));
  const session = event.sessions.find((s) => s.id === sessionId);
  if (!session) notFound();
  const t = await getTranslations("bookingForm");
  const back = await getTranslations("event");
  // Opened from a person's wish (lib/wishes): what they said, above the form; booking handles the wish.
  const wish = envie ? await ownWish(actor, Array.isArray(envie) ? envie[0] : envie).catch(() => null) : null;
  const w = await getTranslations("visitor.wishes");
  // A session drawn by lot (issue 17): until its draw, the form files an application.
  const draw = await drawRecord(actor, sessionId);
  const drawOpen = draw?.window === "OPEN";
  const drawWords = await getTranslations("draw");
  const drawPage = await getTranslations("drawPage");
  // Marked in the person search before anything is sent (issue 29.12).
  const booked = await peopleBookedOnSession(actor, actor.partnerId, session.id);
  // From the alert of late places (issue 33.2): the late pool, while it has places and is open.
  const late = tard ? (await lateOffers(actor, { sessionId: session.id }))[0] : undefined;
  const lateWords = await getTranslations("latePlaces");

  return (
    <ClientMessages namespaces={["bookingForm", "event", "labels", "sms.booking"]}>
      <div className="space-y-6">
        <p>
          <Link href={`/offre/${event.id}`} className="font-semibold text-brand-800 underline">
            {back("back")}
          </Link>
        </p>
        <header className="space-y-1">
          <h1 className="text-3xl font-bold text-brand-800">{t("title", { event: event.title })}</h1>
          <p className="text-lg">
            {t("session", { date: formatSessionDate(session.startsAt) })}
            {" — "}
            {event.venue.name}
          </p>
        </header>
        {wish ? (
          <aside aria-label={w("banner", { name: wish.name })} className="space-y-1 rounded-lg border-l-4 border-brand-700 bg-brand-50 p-4">
            <p className="font-semibold">{w("banner", { name: wish.name })}</p>
            {wish.message ? <p className="whitespace-pre-line">« {wish.message} »</p> : null}
          </aside>
        ) : null}
        {late ? <p className="rounded-lg border-l-4 border-brand-700 bg-brand-50 p-4 font-semibold">{lateWords("bookLate")}</p> : null}
        {late ? null : draw && !draw.drawnAt ? (
          <section aria-labelledby="tirage" className="space-y-2 rounded-lg border-l-4 border-brand-700 bg-brand-50 p-4">
            <h2 id="tirage" className="text-xl font-semibold">
              {drawPage("applyTitle")}
            </h2>
            <p>{pendingSentence(drawWords, formatSessionDate(draw.closesAt))}</p>
            {!drawOpen ? <p className="font-semibold">{drawPage("opensOn", { date: formatSessionDate(draw.opensAt) })}</p> : null}
            {draw.own ? <p className="font-semibold">{drawPage("ownApplication", { places: draw.own.places, minPlaces: draw.own.minPlaces })}</p> : null}
            <p>
              <Link href={`/tirages/${sessionId}`} className="font-semibold text-brand-800 underline">
                {drawPage("see")}
              </Link>
            </p>
          </section>
        ) : (
          <WaitlistNotice session={session} quotaRule={event.quotaRule} />
        )}
        {!late && draw && !draw.drawnAt && !drawOpen ? null : (
          <BookingForm
            sessionId={session.id}
            partnerId={actor.partnerId}
            placesLeft={late ? late.left : session.placesLeft}
            quotaLeft={late ? null : session.quotaLeft}
            search={searchPeopleAction}
            book={late ? bookLateAction : draw && !draw.drawnAt ? applyAction : bookAction}
            // New at each showing of the form: sending this form twice books once (lib/booking).
            idempotencyKey={randomUUID()}
            booked={booked}
            wishId={wish?.id}
            apply={!late && Boolean(draw && !draw.drawnAt)}
          />
        )}
      </div>
    </ClientMessages>
  );
}

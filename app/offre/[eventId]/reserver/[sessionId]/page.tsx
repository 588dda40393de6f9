import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { BookingForm } from "@/components/offer/booking-form";
import { WaitlistNotice } from "@/components/offer/waitlist-notice";
import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/current";
import { getEventDetails } from "@/lib/catalog/event";
import { NotFoundError } from "@/lib/errors";
import { formatSessionDate } from "@/lib/format/dates";
import { bookFormTitle } from "@/lib/page-titles";
import { bookAction, searchPeopleAction } from "./actions";
import { ClientMessages } from "@/components/i18n/client-messages";

// One read per request for the title and the page (React's cache).
const load = cache((actor: Actor, eventId: string) => getEventDetails(actor, eventId));

export async function generateMetadata({ params }: { params: Promise<{ eventId: string; sessionId: string }> }): Promise<Metadata> {
  const [{ eventId, sessionId }, actor, t] = await Promise.all([params, currentActor(), getTranslations("pageTitles")]);
  return { title: await bookFormTitle(() => load(actor, eventId), sessionId, t) };
}

export default async function BookPage({ params }: { params: Promise<{ eventId: string; sessionId: string }> }) {
  const { eventId, sessionId } = await params;
  const actor = await currentActor();
  if (actor.kind === "anonymous") redirect(`/connexion?suite=/offre/${eventId}/reserver/${sessionId}`);
  if (actor.kind !== "user" || actor.role !== "PARTNER") redirect(`/offre/${eventId}`);
  const event = await load(actor, eventId).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const session = event.sessions.find((s) => s.id === sessionId);
  if (!session) notFound();
  const t = await getTranslations("bookingForm");
  const back = await getTranslations("event");

  return (
    <ClientMessages namespaces={["bookingForm", "event", "labels"]}>
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
        <WaitlistNotice session={session} quotaRule={event.quotaRule} />
        <BookingForm
          sessionId={session.id}
          partnerId={actor.partnerId}
          placesLeft={session.placesLeft}
          quotaLeft={session.quotaLeft}
          search={searchPeopleAction}
          book={bookAction}
          // New at each showing of the form: sending this form twice books once (lib/booking).
          idempotencyKey={randomUUID()}
        />
      </div>
    </ClientMessages>
  );
}

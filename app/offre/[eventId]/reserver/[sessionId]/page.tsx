import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { BookingForm } from "@/components/offer/booking-form";
import { WaitlistNotice } from "@/components/offer/waitlist-notice";
import { currentActor } from "@/lib/auth/current";
import { getEventDetails } from "@/lib/catalog/event";
import { NotFoundError } from "@/lib/errors";
import { bookAction, searchPeopleAction } from "./actions";

export const metadata: Metadata = { title: "Réserver" };

export default async function BookPage({ params }: { params: Promise<{ eventId: string; sessionId: string }> }) {
  const { eventId, sessionId } = await params;
  const actor = await currentActor();
  if (actor.kind === "anonymous") redirect(`/connexion?suite=/offre/${eventId}/reserver/${sessionId}`);
  if (actor.kind !== "user" || actor.role !== "PARTNER") redirect(`/offre/${eventId}`);
  const event = await getEventDetails(actor, eventId).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const session = event.sessions.find((s) => s.id === sessionId);
  if (!session) notFound();
  const t = await getTranslations("bookingForm");
  const back = await getTranslations("event");
  const format = await getFormatter();

  return (
    <div className="space-y-6">
      <p>
        <Link href={`/offre/${event.id}`} className="font-semibold text-brand-800 underline">
          {back("back")}
        </Link>
      </p>
      <header className="space-y-1">
        <h1 className="text-3xl font-bold text-brand-800">{t("title", { event: event.title })}</h1>
        <p className="text-lg">
          {t("session", { date: format.dateTime(session.startsAt, { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" }) })}
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
  );
}

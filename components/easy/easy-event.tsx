// An event as the people supported read it (issue 16; rules: docs/decisions/012-easy-to-read.md): what,
// free with their structure, where, the dates in words with whether places are left, and who books. The
// venue's own description is shown as the venue's words, under its name.
import Link from "next/link";
import { IconGift } from "@tabler/icons-react";
import { getLanguage, getTranslations } from "@/lib/i18n/server";
import { Isolated } from "@/components/i18n/isolated";
import { VenueText } from "@/components/i18n/venue-text";
import { ListenButton } from "@/components/easy/listen-button";
import { ACCESS_PICTOGRAMS, CATEGORY_PICTOGRAMS, Pictogram } from "@/components/easy/pictograms";
import { WishForm } from "@/components/easy/wish-form";
import { durationInWords, placesInWords } from "@/components/easy/words";
import type { ActionState } from "@/lib/actions/state";
import type { EventDetails } from "@/lib/catalog/event";
import { formatDateInWords } from "@/lib/format/dates";

export async function EasyEvent({
  event,
  wish,
  now = new Date(),
}: {
  event: EventDetails;
  /** "J'aimerais y aller" (lib/wishes). */
  wish: (state: ActionState, data: FormData) => Promise<ActionState>;
  now?: Date;
}) {
  const t = await getTranslations("easy");
  const labels = await getTranslations("labels");
  const language = await getLanguage();
  const { venue } = event;
  const access = [...new Set([...event.accessibility, ...venue.accessibility])];
  const dates = event.sessions.map((session) => ({
    id: session.id,
    startsAt: session.startsAt,
    words: formatDateInWords(session.startsAt, now, language),
    places: placesInWords(session, t),
  }));
  const heard = [
    labels(`category.${event.category}`),
    `${event.title}.`,
    `${t("free")}.`,
    `${t("where")} ${venue.name}, ${venue.city}.`,
    event.durationMinutes ? durationInWords(event.durationMinutes, t) : null,
    dates.length ? `${t("dates")} :` : t("noDates"),
    ...dates.map((date) => `${date.words}. ${date.places}`),
    ...(t.raw("ask") as string[]),
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <article className="space-y-8 text-xl leading-relaxed">
      <p>
        <Link href="/offre" className="font-semibold text-brand-800 underline underline-offset-4">
          {t("back")}
        </Link>
      </p>
      <header className="space-y-3">
        <p className="font-semibold text-brand-800">
          <Pictogram icon={CATEGORY_PICTOGRAMS[event.category]} label={labels(`category.${event.category}`)} />
        </p>
        <h1 className="text-4xl font-bold text-brand-800 break-words">{event.title}</h1>
        <p className="inline-flex items-center gap-2 font-bold text-green-800">
          <IconGift size={32} stroke={1.75} aria-hidden="true" className="shrink-0" />
          {t("free")}
        </p>
        {(t.raw("ask") as string[]).map((line) => (
          <p key={line}>{line}</p>
        ))}
        <ListenButton text={heard} labels={{ listen: t("listen"), stop: t("stop"), context: event.title, unavailable: t("cannotSpeak") }} />
      </header>
      {event.hasImage ? (
        // eslint-disable-next-line @next/next/no-img-element -- served by our own route, already resized
        <img src={`/api/events/${event.id}/image`} alt={event.imageAlt ?? ""} className="w-full max-w-2xl rounded-2xl" />
      ) : null}

      <section aria-labelledby="dates" className="space-y-3">
        <h2 id="dates" className="text-2xl font-bold">
          {t("dates")}
        </h2>
        {dates.length === 0 ? (
          <p>{t("noDates")}</p>
        ) : (
          <ul className="space-y-3">
            {dates.map((date) => (
              <li key={date.id} id={`seance-${date.id}`} className="rounded-2xl border-2 border-brand-100 p-4">
                <p className="font-semibold">
                  <time dateTime={date.startsAt.toISOString()}>{date.words}</time>
                </p>
                <p>{date.places}</p>
              </li>
            ))}
          </ul>
        )}
        {event.durationMinutes ? <p>{durationInWords(event.durationMinutes, t)}</p> : null}
      </section>

      {dates.length ? <WishForm eventId={event.id} dates={dates} action={wish} now={now} /> : null}

      <section aria-labelledby="ou" className="space-y-3">
        <h2 id="ou" className="text-2xl font-bold">
          {t("where")}
        </h2>
        <p className="font-semibold">{venue.name}</p>
        <h3 className="font-bold">{t("address")}</h3>
        {/* Each line isolated: right to left, "7 rue Burdeau" would read "rue Burdeau 7" (issue 34.2). */}
        <address className="not-italic">
          <Isolated>{venue.addressLine}</Isolated>
          <br />
          <Isolated>
            {venue.postalCode} {venue.city}
          </Isolated>
        </address>
        {venue.accessInfo ? (
          <>
            <h3 className="font-bold">{t("gettingThere")}</h3>
            <p lang="fr" dir="auto">
              {venue.accessInfo}
            </p>
          </>
        ) : null}
        {access.length ? (
          <>
            <h3 className="font-bold">{t("access")}</h3>
            <ul className="space-y-2">
              {access.map((item) => (
                <li key={item}>
                  <Pictogram icon={ACCESS_PICTOGRAMS[item]} label={t(`accessNames.${item}`)} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="presentation" className="space-y-3">
        <h2 id="presentation" className="text-2xl font-bold">
          {t("venueSays")}
        </h2>
        {/* The venue's own words, not written for easy reading: said before they are read (issue 29.3). */}
        {(t.raw("venueSaysNote") as string[]).map((line) => (
          <p key={line} className="font-semibold">
            {line}
          </p>
        ))}
        <VenueText text={event.description} className="whitespace-pre-line" />
      </section>

      <p>
        <Link
          href="/mon-referent"
          className="inline-flex min-h-12 items-center rounded-full bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800"
        >
          {t("contact")}
        </Link>
      </p>
    </article>
  );
}

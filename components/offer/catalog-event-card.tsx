// One event of the catalog: what, where, and the sessions that match the search (how many, from when to
// when, the first few with their places), each date linking to its session on the event page.
import Link from "next/link";
import { getLanguage, getTranslations } from "@/lib/i18n/server";
import { isolateAll } from "@/lib/i18n/bidi";
import type { CatalogSession, EventCard } from "@/lib/catalog/search";
import { formatDay, formatSessionShort } from "@/lib/format/dates";
import { parisDate } from "@/lib/time";
import { FrenchNeedBadge } from "@/components/offer/french-need";

/**
 * "12 séances du 3 au 28 février", "du 28 février au 3 mars", "du 28 décembre 2026 au 3 janvier 2027",
 * "2 séances le 3 février", "Une séance le 3 février": each date written by formatDay, compared as Paris days.
 */
export function sessionSpan(event: EventCard, t: Awaited<ReturnType<typeof getTranslations<"offer">>>, language = "fr"): string {
  const { sessionCount: count, firstStartsAt: first, lastStartsAt: last } = event;
  // "2027-02-03": the same year, month or day when the first 4, 7 or 10 characters are.
  const [a, b] = [parisDate(first), parisDate(last)];
  const same = (length: number) => a.slice(0, length) === b.slice(0, length);
  const lastPart = same(4) ? "dayMonth" : "full";
  if (same(10)) return t("sessionSpanDay", isolateAll({ count, day: formatDay(first, lastPart, language) }, language));
  return t(
    "sessionSpan",
    isolateAll({ count, first: formatDay(first, same(7) ? "day" : lastPart, language), last: formatDay(last, lastPart, language) }, language),
  );
}

function SessionLine({ session, href, date, status }: { session: CatalogSession; href: string; date: string; status: string }) {
  return (
    <li className="flex flex-wrap gap-x-2">
      <Link href={href} className="underline underline-offset-2">
        <time dateTime={session.startsAt.toISOString()}>{date}</time>
      </Link>
      <span className={session.window === "OPEN" && session.placesLeft > 0 ? "font-semibold text-green-800" : "font-semibold text-ink"}>{status}</span>
    </li>
  );
}

export async function CatalogEventCard({ event }: { event: EventCard }) {
  const t = await getTranslations("offer");
  const labels = await getTranslations("labels");
  const language = await getLanguage();
  const href = `/offre/${event.eventId}`;
  const more = event.sessionCount - event.sessions.length;
  const status = (session: CatalogSession) =>
    (session.window === "OPEN" ? t("placesLeft", { count: session.placesLeft }) : session.window === "NOT_YET_OPEN" ? t("notOpen") : t("closed")) +
    (session.waitlistLength > 0 ? ` · ${t("waitlist", { count: session.waitlistLength })}` : "");

  return (
    <article className="flex h-full gap-4 rounded-lg border border-brand-100 p-4">
      {event.hasImage ? (
        // eslint-disable-next-line @next/next/no-img-element -- served by our own route, already resized
        <img
          src={`/api/events/${event.eventId}/image`}
          alt={event.imageAlt ?? ""}
          width={96}
          height={96}
          className="h-16 w-16 shrink-0 rounded object-cover sm:h-24 sm:w-24"
        />
      ) : null}
      <div className="min-w-0 flex-1 space-y-2">
        <p className="text-sm font-semibold uppercase text-brand-700">{labels(`category.${event.category}`)}</p>
        <h3 className="text-lg font-semibold break-words">
          <Link href={href} className="underline-offset-2 hover:underline">
            {event.title}
          </Link>
        </h3>
        <FrenchNeedBadge event={event} />
        <p className="break-words">
          <bdi>
            {event.venueName}, {event.city}
            {event.area ? ` (${event.area})` : ""}
          </bdi>
        </p>
        <p className="font-semibold">{sessionSpan(event, t, language)}</p>
        <ul aria-label={t("nextDates", { title: event.title })} className="space-y-1">
          {event.sessions.map((session) => (
            <SessionLine
              key={session.sessionId}
              session={session}
              href={`${href}#seance-${session.sessionId}`}
              date={formatSessionShort(session.startsAt, language)}
              status={status(session)}
            />
          ))}
        </ul>
        {more > 0 ? (
          <p>
            <Link href={`${href}#seances`} className="font-semibold text-brand-800 underline underline-offset-2">
              {t.rich("moreSessions", { count: more, title: event.title, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
            </Link>
          </p>
        ) : null}
        {event.sessionCount > 1 ? <p className="text-sm">{t("openSessions", { open: event.openSessionCount, places: event.openPlaces })}</p> : null}
        {event.minAge ? <p className="text-sm">{t("minAge", { age: event.minAge })}</p> : null}
        {event.accessibility.length ? <p className="text-sm">{event.accessibility.map((a) => labels(`accessibility.${a}`)).join(" · ")}</p> : null}
      </div>
    </article>
  );
}

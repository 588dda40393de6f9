// One session on the event page: when, the places left, the waitlist, the structure's quota, and the way
// to book; when a booking would wait, the page says so and why before the partner asks (rule 1), and the
// button says what it does. Opened from a person's wish (the referent chose "Toutes les dates" on it), the
// booking link carries the wish on, so that booking handles it (issue 29.14).
import Link from "next/link";
import { useId } from "react";
import { useLocale, useTranslations } from "next-intl";
import { languageOf } from "@/lib/i18n/languages";
import type { EventDetails, EventSession } from "@/lib/catalog/event";
import { formatSessionDate, formatSessionShort } from "@/lib/format/dates";
import { WaitlistNotice } from "./waitlist-notice";

export function EventSessionItem({
  eventId,
  session,
  quotaRule,
  isPartner,
  canBook,
  wishId,
}: {
  eventId: string;
  session: EventSession;
  quotaRule: EventDetails["quotaRule"];
  isPartner: boolean;
  canBook: boolean;
  /** The wish this page was opened from (lib/wishes), checked by the booking page itself. */
  wishId?: string;
}) {
  const t = useTranslations("event");
  const language = languageOf(useLocale()).code;
  const noticeId = useId();
  // Said only where the partner may book now: a closed session has nothing to announce.
  const bookable = isPartner && canBook && session.conventionValid && session.window === "OPEN";
  const waits = bookable && session.waitsFor !== null;
  const label = waits || session.placesLeft === 0 ? t("bookFull") : t("book");

  return (
    <li id={`seance-${session.id}`} className="flex flex-wrap items-center justify-between gap-4 rounded-lg border border-brand-100 p-4">
      <div className="space-y-1">
        <p className="text-lg font-semibold">
          <time dateTime={session.startsAt.toISOString()}>{formatSessionShort(session.startsAt, language)}</time>
        </p>
        <p>{t("placesLeft", { count: session.placesLeft })}</p>
        <p className="text-sm">{t("waitlist", { count: session.waitlistLength })}</p>
        {isPartner && quotaRule && !(waits && session.waitsFor === "QUOTA_REACHED") ? (
          <p className="text-sm">{session.quotaMax === null ? t("quotaLifted") : t("quotaLeft", { count: session.quotaLeft ?? 0 })}</p>
        ) : null}
        {waits ? <WaitlistNotice id={noticeId} session={session} quotaRule={quotaRule} /> : null}
      </div>
      {isPartner && canBook ? (
        !session.conventionValid ? (
          <p className="font-semibold">{t("conventionEnds")}</p>
        ) : session.window === "OPEN" ? (
          <Link
            href={`/offre/${eventId}/reserver/${session.id}${wishId ? `?envie=${wishId}` : ""}`}
            className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800"
            aria-label={`${label} — ${formatSessionDate(session.startsAt)}`}
            aria-describedby={waits ? noticeId : undefined}
          >
            {label}
          </Link>
        ) : (
          <p className="font-semibold">{session.window === "NOT_YET_OPEN" ? t("notOpen") : t("closed")}</p>
        )
      ) : null}
    </li>
  );
}

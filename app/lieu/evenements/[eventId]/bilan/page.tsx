import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { getTranslations } from "@/lib/i18n/server";
import type { Actor } from "@/lib/auth/actor";
import { currentActor, requireUser } from "@/lib/auth/current";
import { loadOr404 } from "@/lib/http/load-or-404";
import { formatSessionShort } from "@/lib/format/dates";
import { attendanceTitle } from "@/lib/page-titles";
import { MOODS } from "@/lib/feedback/guest-feedback";
import { getEventAttendance } from "@/lib/venue/attendance";

// One read per request for the title and the page (React's cache), through the venue's own loader.
const load = cache((actor: Actor, eventId: string) => getEventAttendance(actor, eventId));

export async function generateMetadata({ params }: { params: Promise<{ eventId: string }> }): Promise<Metadata> {
  const [{ eventId }, actor, t] = await Promise.all([params, currentActor(), getTranslations("pageTitles")]);
  return { title: await attendanceTitle(() => load(actor, eventId), t) };
}

export default async function AttendancePage({ params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  const actor = await requireUser(`/lieu/evenements/${eventId}/bilan`, "VENUE", "ADMIN");
  const report = await loadOr404(load(actor, eventId));
  const t = await getTranslations("venue.report");
  return (
    <div className="space-y-6">
      <p>
        <Link href={`/lieu/evenements/${eventId}`} className="font-semibold text-brand-800 underline">
          {report.title}
        </Link>
      </p>
      <h1 className="text-3xl font-bold text-brand-800">{t("title", { event: report.title })}</h1>
      <ul className="space-y-4">
        {report.sessions.map((session) => (
          <li key={session.id} className="space-y-2 rounded-lg border border-brand-100 p-4">
            <h2 className="text-lg font-semibold">{formatSessionShort(session.startsAt)}</h2>
            <p>
              {t("confirmed", { count: session.confirmed })} · {t("attended", { count: session.attended })} · {t("noShow", { count: session.noShow })} ·{" "}
              {t("unknown", { count: session.unknown })}
            </p>
            <h3 className="font-semibold">{t("feedback")}</h3>
            {session.feedback.length === 0 ? (
              <p>{t("noFeedback")}</p>
            ) : (
              <ul className="space-y-1">
                {session.feedback.map((item, index) => (
                  <li key={index}>
                    <span className="font-semibold">{t(`mood.${item.mood}`)}</span>
                    {item.comment ? ` — « ${item.comment} »` : ""} <span className="text-sm">({item.partnerName})</span>
                  </li>
                ))}
              </ul>
            )}
            <h3 className="font-semibold">{t("peopleFeedback")}</h3>
            {session.peopleFeedback ? (
              <>
                <p>{MOODS.map((mood) => `${t(`mood.${mood}`)} : ${session.peopleFeedback!.moods[mood]}`).join(" · ")}</p>
                {session.peopleFeedback.comments.length ? (
                  <ul className="space-y-1">
                    {session.peopleFeedback.comments.map((item, index) => (
                      <li key={index}>
                        <span className="font-semibold">{t(`mood.${item.mood}`)}</span> — « {item.comment} »
                      </li>
                    ))}
                  </ul>
                ) : null}
              </>
            ) : (
              <p>{t("noPeopleFeedback")}</p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/current";
import { NotFoundError } from "@/lib/errors";
import { getEventAttendance } from "@/lib/venue/attendance";

export const metadata: Metadata = { title: "Présences et retours" };

export default async function AttendancePage({ params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  const actor = await requireUser(`/lieu/evenements/${eventId}/bilan`, "VENUE", "ADMIN");
  const report = await getEventAttendance(actor, eventId).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const t = await getTranslations("venue.report");
  const format = await getFormatter();
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
            <h2 className="text-lg font-semibold">{format.dateTime(session.startsAt, { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" })}</h2>
            <p>
              {t("confirmed", { count: session.confirmed })} · {t("attended", { count: session.attended })} · {t("noShow", { count: session.noShow })} · {t("unknown", { count: session.unknown })}
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
          </li>
        ))}
      </ul>
    </div>
  );
}

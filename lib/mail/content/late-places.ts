// The alert of late places released (issue 33.2), to the structures that asked for it: the places left and
// the closing time as they are when the mail leaves.
import "server-only";
import { getPrisma } from "@/lib/db/client";
import { formatSessionDate } from "@/lib/format/dates";
import { appUrl } from "@/lib/http/app-url";
import { frame, t, type MailBody } from "./frame";

export async function latePlacesMail(sessionId: string, recipientName: string | null): Promise<MailBody | null> {
  const session = /^[0-9a-f-]{36}$/i.test(sessionId)
    ? await getPrisma().session.findUnique({
        where: { id: sessionId },
        select: {
          startsAt: true,
          status: true,
          latePlaces: true,
          lateConfirmedPlaces: true,
          lateMarginMinutes: true,
          event: { select: { id: true, title: true, venue: { select: { name: true } } } },
        },
      })
    : null;
  if (!session || session.status === "CANCELLED") return null;
  const left = session.latePlaces - session.lateConfirmedPlaces;
  const closes = new Date(session.startsAt.getTime() - session.lateMarginMinutes * 60_000);
  const facts = {
    event: session.event.title,
    venue: session.event.venue.name,
    places: session.latePlaces,
    closes: formatSessionDate(closes),
    left: String(left),
  };
  const page = appUrl(`/offre/${session.event.id}/reserver/${sessionId}?tard=1`);
  return {
    ...frame(recipientName, {
      subject: t("LATE_PLACES.subject", facts),
      paragraphs: [t("LATE_PLACES.lead", facts), formatSessionDate(session.startsAt), left > 0 ? t("LATE_PLACES.closes", facts) : t("LATE_PLACES.gone")],
      action: { label: t("LATE_PLACES.action"), url: page },
      notes: [t("LATE_PLACES.why")],
    }),
    url: page,
  };
}

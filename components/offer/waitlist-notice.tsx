// Why a booking of this session would go on the waitlist now (rule 1), and what may change it: said on
// the event page beside its button and above the booking form, before the partner asks.
import { useTranslations } from "next-intl";
import type { EventDetails, EventSession } from "@/lib/catalog/event";
import { formatMonth, formatSessionDate } from "@/lib/format/dates";
import { seasonLabel, seasonOf } from "@/lib/time";

export function WaitlistNotice({ id, session, quotaRule }: { id?: string; session: EventSession; quotaRule: EventDetails["quotaRule"] }) {
  const t = useTranslations("event");
  const labels = useTranslations("labels");
  if (!session.waitsFor) return null;
  if (session.waitsFor === "NO_PLACES" || !quotaRule) {
    return (
      <div id={id} className="rounded-md border-l-4 border-brand-700 bg-brand-50 p-3">
        <p className="font-semibold">{t("waitPlaces")}</p>
      </div>
    );
  }
  const { period, liftDaysBefore } = quotaRule;
  return (
    <div id={id} className="space-y-1 rounded-md border-l-4 border-brand-700 bg-brand-50 p-3">
      <p className="font-semibold">{t("waitQuota", { period, month: formatMonth(session.startsAt), season: seasonLabel(seasonOf(session.startsAt)) })}</p>
      <p>{t("waitQuotaWhy", { max: session.quotaMax ?? quotaRule.maxPlaces, period: labels(`quotaPeriod.${period}`) })}</p>
      <p>
        {t("waitQuotaFrees")}
        {session.quotaLiftsAt && liftDaysBefore !== null ? (
          <>
            {" "}
            {t("waitQuotaLifts", {
              date: formatSessionDate(session.quotaLiftsAt),
              days: liftDaysBefore,
            })}
          </>
        ) : null}
      </p>
    </div>
  );
}

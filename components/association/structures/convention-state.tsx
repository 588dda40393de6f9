// How a structure's convention stands today, in words: valid until a date (with a warning when it ends
// soon), ended, not started yet, or none. Convention days are calendar days stored as UTC midnights.
import { getTranslations } from "@/lib/i18n/server";
import { CONVENTION_WARNING_DAYS } from "@/lib/association/convention-warnings";
import { formatDay } from "@/lib/format/dates";
import { daysBetween, parisDate } from "@/lib/time";

export async function ConventionState({ until, valid, now = new Date() }: { until: Date | null; valid: boolean; now?: Date }) {
  const t = await getTranslations("structuresAdmin.convention");
  if (!until) return <span>{t("none")}</span>;
  const date = formatDay(until);
  const today = parisDate(now);
  const last = until.toISOString().slice(0, 10);
  if (valid) {
    const daysLeft = daysBetween(now, until);
    return daysLeft <= CONVENTION_WARNING_DAYS ? (
      <span className="font-semibold text-amber-900">{t("endsSoon", { date, days: daysLeft })}</span>
    ) : (
      <span>{t("valid", { date })}</span>
    );
  }
  if (last < today) return <span className="font-semibold text-red-800">{t("ended", { date })}</span>;
  return <span>{t("notYet", { date })}</span>;
}

// Words the easy-to-read pages share (decision 012).
import type { WindowState } from "@/lib/booking/rules";

/** Whether a date can still be had, in one everyday sentence (the catalogue's "5 places", "Réservations closes" in words). */
export function placesInWords(session: { window: WindowState; placesLeft: number }, t: (key: "notOpen" | "placesYes" | "placesNo") => string): string {
  if (session.window === "NOT_YET_OPEN") return t("notOpen");
  return session.window === "OPEN" && session.placesLeft > 0 ? t("placesYes") : t("placesNo");
}

type DurationKey = "duration" | "durationHours" | "durationQuarter" | "durationHalf" | "durationAlmost";

/**
 * How long an outing lasts, as people say it (issue 29.3): "2 heures", "1 heure et demie", not "120 minutes".
 * Under an hour in minutes; from an hour, to the nearest quarter of an hour.
 */
export function durationInWords(minutes: number, t: (key: DurationKey, values: Record<string, number>) => string): string {
  if (minutes < 60) return t("duration", { minutes });
  const quarters = Math.round(minutes / 15);
  const hours = Math.floor(quarters / 4);
  switch (quarters % 4) {
    case 1:
      return t("durationQuarter", { hours });
    case 2:
      return t("durationHalf", { hours });
    case 3:
      return t("durationAlmost", { hours: hours + 1 });
    default:
      return t("durationHours", { hours });
  }
}

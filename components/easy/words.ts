// Words the easy-to-read pages share (decision 012).
import type { WindowState } from "@/lib/booking/rules";

/** Whether a date can still be had, in one everyday sentence (the catalogue's "5 places", "Réservations closes" in words). */
export function placesInWords(session: { window: WindowState; placesLeft: number }, t: (key: "notOpen" | "placesYes" | "placesNo") => string): string {
  if (session.window === "NOT_YET_OPEN") return t("notOpen");
  return session.window === "OPEN" && session.placesLeft > 0 ? t("placesYes") : t("placesNo");
}

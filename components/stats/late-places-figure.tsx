// One figure of "Des places ce soir" (issue 33.2) on the statistics pages: the late places released on the
// season's sessions and how many were booked (lib/stats/late-places.ts). Nothing shown when none was released.
import type { Actor } from "@/lib/auth/actor";
import { getTranslations } from "@/lib/i18n/server";
import { latePlacesFigure } from "@/lib/stats/late-places";

export async function LatePlacesFigure({ actor, season, venueId }: { actor: Actor; season: number; venueId?: string }) {
  const figure = await latePlacesFigure(actor, { season, venueId });
  if (figure.released === 0) return null;
  const t = await getTranslations("latePlaces");
  return (
    <section aria-labelledby="places-ce-soir" className="space-y-2">
      <h2 id="places-ce-soir" className="text-2xl font-semibold">
        {t("statsTitle")}
      </h2>
      <p>{t("statsLine", { ...figure })}</p>
    </section>
  );
}

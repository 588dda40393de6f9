// What the venue offers for access (wheelchair places, hearing loop…): its managers keep it up to date.
import { getTranslations } from "@/lib/i18n/server";
import { box, h2, type VenueForAssociation } from "./types";

export async function AccessibilitySection({ venue }: { venue: VenueForAssociation }) {
  const t = await getTranslations("venuesAdmin");
  const labels = await getTranslations("labels");
  return (
    <section aria-labelledby="accessibilite" className={box}>
      <h2 id="accessibilite" className={h2}>
        {t("accessibilityTitle")}
      </h2>
      {venue.accessibility.length === 0 && !venue.accessibilityNotes ? (
        <p>{t("accessibilityNone")}</p>
      ) : (
        <>
          {venue.accessibility.length ? (
            <ul className="flex flex-wrap gap-2" aria-label={t("accessibilityTitle")}>
              {venue.accessibility.map((a) => (
                <li key={a} className="rounded-full bg-brand-50 px-3 py-1 text-sm font-semibold">
                  {labels(`accessibility.${a}`)}
                </li>
              ))}
            </ul>
          ) : null}
          {venue.accessibilityNotes ? <p className="whitespace-pre-line">{venue.accessibilityNotes}</p> : null}
        </>
      )}
      <p className="text-sm">{t("accessibilityEdit")}</p>
    </section>
  );
}

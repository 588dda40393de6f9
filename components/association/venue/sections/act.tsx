// Acting as the venue: the association can do whatever its managers can, from their own pages.
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { h2, type VenueForAssociation } from "./types";

const actLink = "block rounded-md border border-brand-700 px-4 py-3 font-semibold text-brand-800 hover:bg-brand-50";

export async function ActSection({ venue }: { venue: VenueForAssociation }) {
  const t = await getTranslations("venuesAdmin");
  return (
    <section aria-labelledby="agir" className="space-y-3 rounded-lg bg-brand-50 p-4">
      <h2 id="agir" className={h2}>
        {t("actTitle")}
      </h2>
      <p>{t("actLead")}</p>
      <ul className="flex flex-wrap gap-3">
        <li>
          <Link href={`/lieu?lieu=${venue.id}`} className={actLink}>
            {t("actHome", { name: venue.name })}
          </Link>
        </li>
        <li>
          <Link href={`/lieu/evenements/nouveau?lieu=${venue.id}`} className={actLink}>
            {t("actNewEvent", { name: venue.name })}
          </Link>
        </li>
        <li>
          <Link href={`/lieu/profil?lieu=${venue.id}`} className={actLink}>
            {t("actProfile", { name: venue.name })}
          </Link>
        </li>
      </ul>
    </section>
  );
}

// The offer's first block (issue 33.2): sessions with late places left, soonest closing first, each with
// the places left and the time left to book; a structure's referent books from here.
import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { lateOffers, timeLeft } from "@/lib/catalog/late-places";
import { formatSessionDate } from "@/lib/format/dates";
import { getTranslations } from "@/lib/i18n/server";

export async function LatePlacesOffer({ actor, now = new Date() }: { actor: Actor; now?: Date }) {
  const offers = await lateOffers(actor, { now });
  if (!offers.length) return null;
  const t = await getTranslations("latePlaces");
  const books = actor.kind === "user" && actor.role === "PARTNER";
  return (
    <section aria-labelledby="places-ce-soir" className="space-y-3 rounded-lg border-s-4 border-brand-700 bg-brand-50 p-4">
      <h2 id="places-ce-soir" className="text-2xl font-semibold">
        {t("offerTitle")}
      </h2>
      <p>{t("offerLead")}</p>
      <ul className="space-y-2">
        {offers.map((offer) => (
          <li key={offer.sessionId} className="space-y-1">
            <p className="font-semibold">
              {offer.title} — {offer.venueName}, {formatSessionDate(offer.startsAt)}
            </p>
            <p>
              {t("left", { left: offer.left, time: timeLeft(offer.closesAt, now) })}
              {books ? (
                <>
                  {" · "}
                  <Link href={`/offre/${offer.eventId}/reserver/${offer.sessionId}?tard=1`} className="font-semibold text-brand-800 underline">
                    {t("book")}
                  </Link>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { CatalogEventCard } from "@/components/offer/catalog-event-card";
import { EasyOffer } from "@/components/easy/easy-offer";
import { ReadingModeSwitch } from "@/components/easy/reading-mode-switch";
import { CatalogFiltersForm } from "@/components/offer/catalog-filters";
import { CatalogPagination } from "@/components/offer/catalog-pagination";
import { currentActor } from "@/lib/auth/current";
import { readCatalogFilters } from "@/lib/catalog/filters";
import { READING_MODE_COOKIE, readsEasy } from "@/lib/catalog/reading-mode";
import { catalogPlaces, searchSessions } from "@/lib/catalog/search";
import { requestedNow } from "@/lib/http/demo-clock";
import { ClientMessages } from "@/components/i18n/client-messages";
import { EmptyPageNotice } from "@/components/empty-page-notice";
import { LatePlacesOffer } from "@/components/offer/offer-page/sections/late-places";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("offer"))("title") };
}

export default async function OfferPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await currentActor();
  if (actor.kind === "anonymous") redirect("/connexion?suite=/offre");
  const filters = readCatalogFilters(await searchParams);
  const mode = (await cookies()).get(READING_MODE_COOKIE)?.value;
  // The real clock, but in the demo an e2e may fix it for its own requests (lib/http/demo-clock.ts).
  const now = await requestedNow();
  if (readsEasy(actor, mode)) return <EasyOffer filters={filters} result={await searchSessions(actor, filters, { now })} now={now} />;
  const [result, places] = await Promise.all([searchSessions(actor, filters, { now }), catalogPlaces(actor)]);
  const t = await getTranslations("offer");
  const easy = await getTranslations("easy");

  return (
    <ClientMessages namespaces={["offer"]}>
      <div className="space-y-6">
        <header className="space-y-2">
          <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
          <p>{t("lead")}</p>
          {actor.kind === "visitor" ? (
            <div>
              {/* A form cannot sit in a <p> (see components/easy/easy-offer.tsx). */}
              <ReadingModeSwitch to="facile" label={easy("easy")} />
            </div>
          ) : null}
        </header>
        <LatePlacesOffer actor={actor} />
        <CatalogFiltersForm filters={filters} places={places} />
        <section aria-labelledby="resultats" className="space-y-4">
          <h2 id="resultats" className="text-xl font-semibold" aria-live="polite">
            {t("results", { events: result.totalEvents, sessions: result.totalSessions })}
          </h2>
          {result.items.length === 0 ? (
            <EmptyPageNotice>{t("empty")}</EmptyPageNotice>
          ) : (
            <ul className="grid gap-4 sm:grid-cols-2">
              {result.items.map((event) => (
                <li key={event.eventId}>
                  <CatalogEventCard event={event} />
                </li>
              ))}
            </ul>
          )}
          <CatalogPagination
            filters={filters}
            page={result.page}
            pageCount={result.pageCount}
            words={{ label: t("pagination"), previous: t("previous"), next: t("next"), pageOf: t("pageOf", { page: result.page, count: result.pageCount }) }}
          />
        </section>
      </div>
    </ClientMessages>
  );
}

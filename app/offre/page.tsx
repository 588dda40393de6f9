import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CatalogFiltersForm } from "@/components/offer/catalog-filters";
import { currentActor } from "@/lib/auth/current";
import { catalogQuery, readCatalogFilters } from "@/lib/catalog/filters";
import { catalogPlaces, searchSessions } from "@/lib/catalog/search";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("offer"))("title") };
}

export default async function OfferPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await currentActor();
  if (actor.kind === "anonymous") redirect("/connexion?suite=/offre");
  const filters = readCatalogFilters(await searchParams);
  const [result, places] = await Promise.all([searchSessions(actor, filters), catalogPlaces(actor)]);
  const t = await getTranslations("offer");
  const labels = await getTranslations("labels");
  const format = await getFormatter();

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <p>{t("lead")}</p>
      </header>
      <CatalogFiltersForm filters={filters} places={places} />
      <section aria-labelledby="resultats" className="space-y-4">
        <h2 id="resultats" className="text-xl font-semibold" aria-live="polite">
          {t("results", { total: result.total })}
        </h2>
        {result.items.length === 0 ? (
          <p className="rounded-lg bg-brand-50 p-4">{t("empty")}</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {result.items.map((item) => (
              <li key={item.sessionId} className="flex gap-4 rounded-lg border border-brand-100 p-4">
                {item.hasImage ? (
                  // eslint-disable-next-line @next/next/no-img-element -- served by our own route, already resized
                  <img src={`/api/events/${item.eventId}/image`} alt={item.imageAlt ?? ""} width={96} height={96} className="h-24 w-24 rounded object-cover" />
                ) : null}
                <div className="min-w-0 flex-1 space-y-1">
                  <p className="text-sm font-semibold uppercase text-brand-700">{labels(`category.${item.category}`)}</p>
                  <h3 className="text-lg font-semibold">
                    <Link href={`/offre/${item.eventId}#seance-${item.sessionId}`} className="underline-offset-2 hover:underline">
                      {item.title}
                    </Link>
                  </h3>
                  <p>
                    <time dateTime={item.startsAt.toISOString()}>
                      {format.dateTime(item.startsAt, { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" })}
                    </time>
                  </p>
                  <p>
                    {item.venueName}, {item.city}
                    {item.area ? ` (${item.area})` : ""}
                  </p>
                  <p className={item.placesLeft > 0 ? "font-semibold text-green-800" : "font-semibold text-ink"}>
                    {item.bookingOpen ? t("placesLeft", { count: item.placesLeft }) : t("closed")}
                    {item.waitlistLength > 0 ? ` · ${t("waitlist", { count: item.waitlistLength })}` : ""}
                  </p>
                  {item.minAge ? <p className="text-sm">{t("minAge", { age: item.minAge })}</p> : null}
                  {item.accessibility.length ? (
                    <p className="text-sm">{item.accessibility.map((a) => labels(`accessibility.${a}`)).join(" · ")}</p>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        )}
        {result.pageCount > 1 ? (
          <nav aria-label={t("pagination")} className="flex items-center justify-between gap-4">
            {result.page > 1 ? (
              <Link href={`/offre${catalogQuery({ ...filters, page: result.page - 1 })}`} className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800">
                {t("previous")}
              </Link>
            ) : (
              <span />
            )}
            <span>{t("pageOf", { page: result.page, count: result.pageCount })}</span>
            {result.page < result.pageCount ? (
              <Link href={`/offre${catalogQuery({ ...filters, page: result.page + 1 })}`} className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800">
                {t("next")}
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </section>
    </div>
  );
}

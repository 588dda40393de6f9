// The offer as the people supported read it (issue 16): easy to read and to understand (the rules we
// follow: docs/decisions/012-easy-to-read.md). Large type, one idea per line, the words of every day, one
// event per card with its picture, the date in words, "Gratuit avec ta structure", a pictogram beside each
// category and accessibility item, and a button that reads the card aloud. Two simple choices (when,
// what) instead of the filter form; the classic catalogue stays one link away.
import Link from "next/link";
import { IconGift } from "@tabler/icons-react";
import { getLanguage, getTranslations } from "@/lib/i18n/server";
import { ListenButton } from "@/components/easy/listen-button";
import { ReadingModeSwitch } from "@/components/easy/reading-mode-switch";
import { placesInWords } from "@/components/easy/words";
import { ACCESS_PICTOGRAMS, CATEGORY_PICTOGRAMS, Pictogram } from "@/components/easy/pictograms";
import { CatalogPagination } from "@/components/offer/catalog-pagination";
import { DayChoice } from "@/components/easy/day-choice";
import { FrenchNeedBadge, WithoutFrenchChoice } from "@/components/offer/french-need";
import { catalogQuery, type CatalogFilters, type When } from "@/lib/catalog/filters";
import type { CatalogPage, EventCard } from "@/lib/catalog/search";
import { formatDateInWords } from "@/lib/format/dates";
import { EventCategory } from "@/lib/generated/prisma/enums";

type Easy = Awaited<ReturnType<typeof getTranslations<"easy">>>;
type Labels = Awaited<ReturnType<typeof getTranslations<"labels">>>;

/** The card's lines, as read and as heard. */
function cardLines(event: EventCard, t: Easy, labels: Labels, now: Date, language: string) {
  const first = event.sessions[0];
  const places = first ? placesInWords(first, t) : null;
  const more = event.sessionCount - 1;
  return {
    category: labels(`category.${event.category}`),
    when: first ? formatDateInWords(first.startsAt, now, language) : "",
    where: `${event.venueName}, ${event.city}`,
    places,
    more: more > 0 ? t("moreDates", { count: more }) : null,
    access: event.accessibility.map((item) => ({ item, words: t(`accessNames.${item}`) })),
    minAge: event.minAge ? t("minAge", { age: event.minAge }) : null,
  };
}

async function EasyCard({ event, now }: { event: EventCard; now: Date }) {
  const t = await getTranslations("easy");
  const labels = await getTranslations("labels");
  const language = await getLanguage();
  const lines = cardLines(event, t, labels, now, language);
  const href = `/offre/${event.eventId}`;
  const heard = [
    lines.category,
    `${event.title}.`,
    `${t("free")}.`,
    `${t("where")} ${lines.where}.`,
    `${t("next")} ${lines.when}.`,
    lines.places,
    lines.more,
    ...(lines.access.length ? [t("access"), ...lines.access.map((access) => access.words)] : []),
    lines.minAge,
    ...(t.raw("ask") as string[]),
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <article
      aria-labelledby={`sortie-${event.eventId}`}
      className="flex h-full flex-col gap-3 rounded-2xl border-2 border-brand-100 p-5 text-xl leading-relaxed"
    >
      {event.hasImage ? (
        // eslint-disable-next-line @next/next/no-img-element -- served by our own route, already resized
        <img
          src={`/api/events/${event.eventId}/image`}
          alt={event.imageAlt ?? ""}
          width={480}
          height={270}
          className="aspect-video w-full rounded-xl object-cover"
        />
      ) : null}
      <p className="font-semibold text-brand-800">
        <Pictogram icon={CATEGORY_PICTOGRAMS[event.category]} label={lines.category} />
      </p>
      <h3 id={`sortie-${event.eventId}`} className="text-2xl font-bold break-words">
        {event.title}
      </h3>
      <FrenchNeedBadge event={event} size={32} />
      <p className="inline-flex items-center gap-2 font-bold text-green-800">
        <IconGift size={32} stroke={1.75} aria-hidden="true" className="shrink-0" />
        {t("free")}
      </p>
      <p>
        <span className="font-bold">{t("where")}</span> <span className="break-words">{lines.where}</span>
      </p>
      {lines.when ? (
        <p>
          <span className="font-bold">{t("next")}</span> <time dateTime={event.sessions[0]!.startsAt.toISOString()}>{lines.when}</time>
        </p>
      ) : null}
      {lines.places ? <p>{lines.places}</p> : null}
      {lines.more ? <p>{lines.more}</p> : null}
      {lines.access.length ? (
        <div>
          <p className="font-bold">{t("access")}</p>
          <ul className="space-y-2">
            {lines.access.map(({ item, words }) => (
              <li key={item}>
                <Pictogram icon={ACCESS_PICTOGRAMS[item]} label={words} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {lines.minAge ? <p>{lines.minAge}</p> : null}
      {(t.raw("ask") as string[]).map((line) => (
        <p key={line}>{line}</p>
      ))}
      <div className="mt-auto flex flex-wrap items-center gap-3 pt-2">
        <ListenButton text={heard} labels={{ listen: t("listen"), stop: t("stop"), context: event.title, unavailable: t("cannotSpeak") }} />
        <Link href={href} className="inline-flex min-h-12 items-center rounded-full bg-brand-700 px-5 py-2 text-lg font-semibold text-white hover:bg-brand-800">
          {t("see")}
          <span className="sr-only"> : {event.title}</span>
        </Link>
      </div>
    </article>
  );
}

/** A row of big choices (links), the one shown marked for screen readers too. */
function Choices({ label, items }: { label: string; items: { key: string; href: string; current: boolean; content: React.ReactNode }[] }) {
  return (
    <nav aria-label={label}>
      <p className="mb-2 text-xl font-bold" aria-hidden="true">
        {label}
      </p>
      <ul className="flex flex-wrap gap-3">
        {items.map((item) => (
          <li key={item.key}>
            <Link
              href={item.href}
              aria-current={item.current ? "true" : undefined}
              className={`inline-flex min-h-12 items-center rounded-full border-2 px-4 py-2 text-lg ${item.current ? "border-brand-800 bg-brand-800 font-bold text-white" : "border-brand-700 text-brand-800 hover:bg-brand-50"}`}
            >
              {item.content}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The spans the easy reading offers as buttons; a chosen day has its own field, the month its classic filter. */
const EASY_WHEN = ["today", "weekend", "week", "day", "month", "all"] as const satisfies readonly When[];
const WHEN_LABELS = { today: "whenToday", weekend: "whenWeekend", week: "whenWeek", all: "whenAll" } as const;

/** "Choisir un jour": a plain GET form, so it works before JavaScript and lands in the URL like the buttons. */
export async function EasyOffer({ filters, result, now = new Date() }: { filters: CatalogFilters; result: CatalogPage; now?: Date }) {
  const t = await getTranslations("easy");
  const labels = await getTranslations("labels");
  const when: When = filters.when && (EASY_WHEN as readonly When[]).includes(filters.when) ? filters.when : "all";
  const category = filters.categories.length === 1 ? filters.categories[0] : undefined;
  const href = (changes: Partial<CatalogFilters>) =>
    `/offre${catalogQuery({ when: when === "all" ? undefined : when, fromDay: when === "day" ? filters.fromDay : undefined, categories: category ? [category] : [], withoutFrench: filters.withoutFrench, ...changes, page: 1 })}`;
  return (
    <div className="space-y-8 text-xl leading-relaxed">
      <header className="space-y-3">
        <h1 className="text-4xl font-bold text-brand-800">{t("title")}</h1>
        {(t.raw("lead") as string[]).map((line) => (
          <p key={line}>{line}</p>
        ))}
        {/* A <div>, not a <p>: the switch is a form, which a paragraph cannot hold (the browser would close the
            paragraph before it, and React, finding another tree, redraws the page: issue 35.2). */}
        <div className="flex flex-wrap gap-x-6 gap-y-2 text-lg">
          <Link href="/faq/facile" className="text-brand-800 underline underline-offset-4">
            {t("questions")}
          </Link>
          <Link href="/offre/avis" className="text-brand-800 underline underline-offset-4">
            {t("giveFeedback")}
          </Link>
          <ReadingModeSwitch to="classique" label={t("plain")} />
        </div>
      </header>
      <section aria-label={t("choices")} className="space-y-6 rounded-2xl bg-brand-50 p-5">
        <Choices
          label={t("when")}
          items={(["today", "weekend", "week", "all"] as const).map((key) => ({
            key,
            href: href({ when: key === "all" ? undefined : key }),
            current: when === key,
            content: t(WHEN_LABELS[key]),
          }))}
        />
        <WithoutFrenchChoice on={filters.withoutFrench} href={(withoutFrench) => href({ withoutFrench })} />
        <DayChoice
          label={t("whenDay")}
          submit={t("whenDaySee")}
          day={when === "day" ? filters.fromDay : undefined}
          category={category}
          withoutFrench={filters.withoutFrench}
        />
        {/* The count where the eye is, right under the choices that change it (issue 29). */}
        <p className="text-xl font-bold" role="status">
          {t("found", { count: result.totalEvents })}
        </p>
        <Choices
          label={t("what")}
          items={[
            { key: "all", href: href({ categories: [] }), current: !category, content: t("whatAll") },
            ...Object.values(EventCategory).map((item) => ({
              key: item,
              href: href({ categories: [item] }),
              current: category === item,
              content: <Pictogram icon={CATEGORY_PICTOGRAMS[item]} label={labels(`category.${item}`)} size={28} />,
            })),
          ]}
        />
      </section>
      <section aria-labelledby="sorties" className="space-y-5">
        <h2 id="sorties" className="text-2xl font-bold">
          {t("found", { count: result.totalEvents })}
        </h2>
        {result.items.length === 0 ? (
          <div className="space-y-2 rounded-2xl bg-brand-50 p-5">
            <p>{t("empty")}</p>
            <p>{t("emptyHint")}</p>
          </div>
        ) : (
          <ul className="grid gap-6 md:grid-cols-2">
            {result.items.map((event) => (
              <li key={event.eventId}>
                <EasyCard event={event} now={now} />
              </li>
            ))}
          </ul>
        )}
        <CatalogPagination
          filters={filters}
          page={result.page}
          pageCount={result.pageCount}
          words={{ label: t("pages"), previous: t("previous"), next: t("nextPage"), pageOf: t("pageOf", { page: result.page, count: result.pageCount }) }}
          large
        />
      </section>
    </div>
  );
}

// On a structure's home: the wishes its people sent with the visitor code ("J'aimerais y aller", issue 16),
// each with a link that opens the booking form on the date wanted (booking it handles the wish) and a
// button that sets it aside. A wish disappears by itself once its session has started. A wish for "date au
// choix" opens no date unasked: the referent chooses one of the dates to come, here or on the event's page,
// and the wish goes along (issue 29.14).
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import type { ActionState } from "@/lib/actions/state";
import type { Actor } from "@/lib/auth/actor";
import { formatMoment, formatSessionShort } from "@/lib/format/dates";
import { listWishes } from "@/lib/wishes/wishes";
import { EmptyPageNotice } from "@/components/empty-page-notice";

export async function WishesPanel({
  actor,
  partnerId,
  setAside,
}: {
  actor: Actor;
  partnerId: string;
  setAside: (state: ActionState, data: FormData) => Promise<ActionState>;
}) {
  const wishes = await listWishes(actor, partnerId);
  const t = await getTranslations("visitor.wishes");
  return (
    <section aria-labelledby="envies" className="space-y-3">
      <h2 id="envies" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p>{t("lead")}</p>
      {wishes.length === 0 ? (
        <EmptyPageNotice>{t("empty")}</EmptyPageNotice>
      ) : (
        <ul className="space-y-3">
          {wishes.map((wish) => (
            <li key={wish.id} className="space-y-2 rounded-lg border border-brand-100 p-4">
              <p>
                <span className="font-semibold">{wish.name}</span> —{" "}
                <Link href={`/offre/${wish.event.id}`} className="text-brand-800 underline">
                  {wish.event.title}
                </Link>{" "}
                ({wish.event.venueName}), {wish.session ? formatSessionShort(wish.session.startsAt) : t("anyDate")}
              </p>
              {wish.message ? <p className="whitespace-pre-line">« {wish.message} »</p> : null}
              <p className="text-sm">{t("received", { date: formatMoment(wish.createdAt) })}</p>
              <div className="flex flex-wrap items-start gap-3">
                {wish.bookSessionId ? (
                  <Link
                    href={`/offre/${wish.event.id}/reserver/${wish.bookSessionId}?envie=${wish.id}`}
                    aria-label={t("bookLabel", { name: wish.name, event: wish.event.title })}
                    className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
                  >
                    {t("book")}
                  </Link>
                ) : wish.dates.length ? (
                  <div role="group" aria-labelledby={`envie-${wish.id}`} className="space-y-1">
                    <p id={`envie-${wish.id}`} className="font-semibold">
                      {t("chooseDate", { name: wish.name })}
                    </p>
                    <ul className="flex flex-wrap gap-2">
                      {wish.dates.map((date) => (
                        <li key={date.id}>
                          <Link
                            href={`/offre/${wish.event.id}/reserver/${date.id}?envie=${wish.id}`}
                            // The visible date is in the link's name, as it is written (WCAG 2.5.3, label in name).
                            aria-label={t("bookDateLabel", { name: wish.name, event: wish.event.title, date: formatSessionShort(date.startsAt) })}
                            className="inline-block rounded-md bg-brand-700 px-3 py-2 font-semibold text-white hover:bg-brand-800"
                          >
                            {formatSessionShort(date.startsAt)}
                          </Link>
                        </li>
                      ))}
                    </ul>
                    {wish.moreDates ? (
                      <Link
                        href={`/offre/${wish.event.id}?envie=${wish.id}`}
                        aria-label={t("allDatesLabel", { name: wish.name, event: wish.event.title })}
                        className="text-brand-800 underline"
                      >
                        {t("allDates")}
                      </Link>
                    ) : null}
                  </div>
                ) : (
                  <p>{t("noDate")}</p>
                )}
                <ActionForm action={setAside} submit={t("aside")} confirm={t("asideConfirm")} className="">
                  <input type="hidden" name="wishId" value={wish.id} />
                </ActionForm>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

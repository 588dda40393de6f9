// The partner's news, on its home page: a waiting booking confirmed, a cancellation by the venue or the
// association (who and why), one guest's place cancelled; the words come from notice-text.ts.
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import type { Actor } from "@/lib/auth/actor";
import { formatSessionShort } from "@/lib/format/dates";
import { listNotifications } from "@/lib/partner/notifications";
import { noticeText } from "./notice-text";

/** `markRead`: the page's server action that marks the news read (components never import app/). */
export async function NotificationsPanel({ actor, partnerId, markRead }: { actor: Actor; partnerId: string; markRead: (formData: FormData) => Promise<void> }) {
  const news = await listNotifications(actor, partnerId);
  const t = await getTranslations("partnerHome");
  const codes = await getTranslations("cancelCodes");
  const words = { t, codes, date: formatSessionShort };
  const unread = news.some((item) => !item.read);
  return (
    <section aria-labelledby="nouvelles" className="space-y-3">
      <h2 id="nouvelles" className="text-xl font-semibold">
        {t("news")}
      </h2>
      {news.length === 0 ? (
        <p>{t("noNews")}</p>
      ) : (
        <ul className="space-y-2">
          {news.map((item) => {
            const { text, why } = noticeText(item, words);
            return (
              <li key={item.id} className={`rounded-md p-3 ${item.read ? "bg-gray-50" : "border-l-4 border-brand-700 bg-brand-50"}`}>
                {!item.read ? <span className="mr-2 font-semibold text-brand-800">{t("unread")} :</span> : null}
                {item.bookingId ? (
                  <Link href={`/partenaire/reservations/${item.bookingId}`} className="underline">
                    {text}
                  </Link>
                ) : (
                  text
                )}
                {why ? <p className="mt-1">{why}</p> : null}
              </li>
            );
          })}
        </ul>
      )}
      {unread ? (
        <form action={markRead}>
          <input type="hidden" name="partnerId" value={partnerId} />
          <button type="submit" className="rounded-md border border-brand-700 px-3 py-2 font-semibold text-brand-800">
            {t("markRead")}
          </button>
        </form>
      ) : null}
    </section>
  );
}

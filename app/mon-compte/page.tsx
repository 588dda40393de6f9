import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { requireUser } from "@/lib/auth/current";
import { OPTIONAL_KINDS_BY_ROLE } from "@/lib/mail/kinds";
import { DELIVERIES, getMailPreferences } from "@/lib/mail/preferences";
import { currentFeed } from "@/lib/calendar/feed-token";
import { LateAlertsSection } from "@/components/account/my-account/sections/late-alerts";
import { renewCalendarFeedAction, setLateAlertChoiceAction, setMailPreferencesAction } from "./actions";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("myAccount") };
}

export default async function MyAccountPage() {
  const actor = await requireUser("/mon-compte");
  const preferences = await getMailPreferences(actor);
  const t = await getTranslations("myAccount");
  const kinds = await getTranslations("mail.kinds");
  // Only the kinds this role receives: a choice about mails one never gets would only puzzle.
  const offered = OPTIONAL_KINDS_BY_ROLE[actor.role];
  // The calendar feed is a structure's (issue 30.2): its referents only.
  const feed = actor.role === "PARTNER" ? await currentFeed(actor) : null;
  const calendar = await getTranslations("calendar");
  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES]}>
      <div className="space-y-6">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <section aria-labelledby="courriels" className="space-y-4">
          <h2 id="courriels" className="text-2xl font-semibold">
            {t("mailsTitle")}
          </h2>
          {offered.length === 0 ? (
            <p>{t("mailsNone")}</p>
          ) : (
            <>
              <p>{t("mailsLead")}</p>
              <ActionForm action={setMailPreferencesAction} submit={t("save")} className="space-y-4">
                {offered.map((kind) => (
                  <fieldset key={kind} className="rounded-md border border-brand-100 p-3">
                    <legend className="px-1 font-semibold">{kinds(kind)}</legend>
                    <div className="flex flex-wrap gap-x-6 gap-y-2">
                      {DELIVERIES.map((choice) => (
                        <label key={choice} className="flex items-center gap-2">
                          <input type="radio" name={kind} value={choice} defaultChecked={preferences[kind] === choice} className="h-5 w-5" />
                          {t(`choices.${choice}`)}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                ))}
              </ActionForm>
            </>
          )}
        </section>
        {actor.role === "PARTNER" ? <LateAlertsSection actor={actor} partnerId={actor.partnerId} action={setLateAlertChoiceAction} /> : null}
        {actor.role === "PARTNER" ? (
          <section aria-labelledby="agenda" className="space-y-4">
            <h2 id="agenda" className="text-2xl font-semibold">
              {calendar("feedTitle")}
            </h2>
            <p>{calendar("feedLead")}</p>
            {feed ? (
              <>
                <p>
                  <a href={feed.webcal} className="inline-block rounded-md bg-brand-700 px-5 py-3 text-lg font-semibold text-white hover:bg-brand-800">
                    {calendar("feedSubscribe")}
                  </a>
                </p>
                <label className="block space-y-1">
                  <span className="font-semibold">{calendar("feedAddress")}</span>
                  <input type="text" readOnly value={feed.https} className="block w-full rounded-md border border-brand-100 p-2 font-mono text-sm" />
                </label>
                <p>{calendar("feedPrivate")}</p>
                <ActionForm action={renewCalendarFeedAction} submit={calendar("feedRenew")} confirm={calendar("feedRenewConfirm")} danger>
                  <input type="hidden" name="intent" value="renew" />
                </ActionForm>
              </>
            ) : (
              <>
                <p>{calendar("feedNone")}</p>
                <ActionForm action={renewCalendarFeedAction} submit={calendar("feedCreate")}>
                  <input type="hidden" name="intent" value="create" />
                </ActionForm>
              </>
            )}
          </section>
        ) : null}
      </div>
    </ClientMessages>
  );
}

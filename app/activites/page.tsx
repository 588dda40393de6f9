// The association's own activities (issue 16): meetings, trainings and critique workshops, free and open
// to all. Anyone registers by name, without an account (lib/activities, on lib/booking's rules), and
// cancels with the number given at registration.
import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import { ClientMessages } from "@/components/i18n/client-messages";
import { listUpcomingActivities } from "@/lib/activities/registrations";
import { formatSessionDate } from "@/lib/format/dates";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";
import { cancelRegistrationAction, registerAction } from "./actions";
import { EmptyPageNotice } from "@/components/empty-page-notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("activities") };
}

export default async function ActivitiesPage() {
  const activities = await listUpcomingActivities();
  const t = await getTranslations("activities");
  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES]}>
      <div className="space-y-8">
        <header className="space-y-2">
          <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
          <p className="text-lg">{t("lead")}</p>
        </header>
        {activities.length === 0 ? (
          <EmptyPageNotice>{t("empty")}</EmptyPageNotice>
        ) : (
          <ul className="space-y-6">
            {activities.map((activity) => (
              <li key={activity.id}>
                <article aria-labelledby={`activite-${activity.id}`} className="space-y-3 rounded-lg border-2 border-brand-100 p-5">
                  <p className="font-semibold text-brand-800">{t(`kinds.${activity.kind}`)}</p>
                  <h2 id={`activite-${activity.id}`} className="text-2xl font-bold break-words">
                    {activity.title}
                  </h2>
                  <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
                    <dt className="font-semibold">{t("when")}</dt>
                    <dd>
                      <time dateTime={activity.startsAt.toISOString()}>{formatSessionDate(activity.startsAt)}</time>
                      {activity.durationMinutes ? ` · ${t("duration", { minutes: activity.durationMinutes })}` : ""}
                    </dd>
                    <dt className="font-semibold">{t("where")}</dt>
                    <dd className="break-words">{activity.place}</dd>
                  </dl>
                  {activity.description ? <p className="whitespace-pre-line">{activity.description}</p> : null}
                  <p className="font-semibold">
                    {activity.placesLeft > 0
                      ? t("placesLeft", { count: activity.placesLeft, capacity: activity.capacity })
                      : `${t("full")} ${t("waiting", { count: activity.waiting })}`}
                  </p>
                  <details className="rounded-md bg-brand-50 p-4">
                    <summary className="cursor-pointer font-semibold text-brand-800">{t("registerTitle", { title: activity.title })}</summary>
                    <ActionForm
                      action={registerAction}
                      submit={activity.placesLeft > 0 ? t("register") : t("registerWaitlist")}
                      resetOnSuccess
                      className="mt-3 space-y-3"
                    >
                      <input type="hidden" name="activityId" value={activity.id} />
                      <div className="grid gap-3 sm:grid-cols-2">
                        <TextField name="firstName" label={t("firstName")} required />
                        <TextField name="lastName" label={t("lastName")} required />
                      </div>
                      <TextField name="email" label={t("email")} type="email" hint={t("emailHint")} />
                    </ActionForm>
                  </details>
                </article>
              </li>
            ))}
          </ul>
        )}
        <section aria-labelledby="annuler" className="space-y-3 rounded-lg border border-brand-100 p-5">
          <h2 id="annuler" className="text-2xl font-semibold">
            {t("cancelTitle")}
          </h2>
          <p>{t("cancelLead")}</p>
          <ActionForm action={cancelRegistrationAction} submit={t("cancel")} confirm={t("cancelConfirm")} danger resetOnSuccess>
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField name="number" label={t("number")} hint={t("numberHint")} required />
              <TextField name="lastName" label={t("lastName")} required />
            </div>
          </ActionForm>
        </section>
      </div>
    </ClientMessages>
  );
}

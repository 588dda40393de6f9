// One activity of the association and the people registered, in order of registration: the association
// cancels a registration (the person called) or the whole activity. Names and addresses: its eyes only.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getActivity } from "@/lib/activities/admin";
import { requireUser } from "@/lib/auth/current";
import { formatBookingNumber } from "@/lib/booking/number";
import { loadOr404 } from "@/lib/http/load-or-404";
import { formatMoment, formatSessionDate } from "@/lib/format/dates";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";
import { cancelActivityAction, cancelRegistrationAction } from "../actions";
import { ScrollTable } from "@/components/scroll-table";
import { EmptyPageNotice } from "@/components/empty-page-notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("adminActivities") };
}

export default async function ActivityAdminPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const actor = await requireUser(`/admin/activites/${id}`, "ADMIN");
  const activity = await loadOr404(getActivity(actor, id));
  const t = await getTranslations("activitiesAdmin");
  const kinds = await getTranslations("activities.kinds");
  const open = !activity.cancelledAt && activity.startsAt > new Date();
  // What the last cancellation did, said at the top (its form is gone with what it cancelled).
  const done =
    query.annulation === "inscription"
      ? t("registrationCancelled")
      : query.annulation === "activite"
        ? t("activityCancelled", { count: Math.max(0, Number(query.inscriptions) || 0) })
        : null;
  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES]}>
      <div className="space-y-8">
        <p>
          <Link href="/admin/activites" className="font-semibold text-brand-800 underline">
            {t("back")}
          </Link>
        </p>
        {done ? (
          <p role="status" className="rounded-md border-2 border-green-800 bg-green-50 p-3 font-semibold text-green-900">
            {done}
          </p>
        ) : null}
        <header className="space-y-2">
          <p className="font-semibold text-brand-800">{kinds(activity.kind)}</p>
          <h1 className="text-3xl font-bold text-brand-800 break-words">{activity.title}</h1>
          <p>
            <time dateTime={activity.startsAt.toISOString()}>{formatSessionDate(activity.startsAt)}</time> · {activity.place}
          </p>
          <p className="font-semibold">
            {t("registeredOf", { count: activity.confirmedPlaces, capacity: activity.capacity })}
            {activity.cancelledAt ? <span className="ml-2 rounded bg-red-100 px-2 text-sm text-red-900">{t("cancelledBadge")}</span> : null}
          </p>
        </header>
        <section aria-labelledby="inscriptions" className="space-y-3">
          <h2 id="inscriptions" className="text-2xl font-semibold">
            {t("registrations")}
          </h2>
          {activity.registrations.length === 0 ? (
            <EmptyPageNotice>{t("noRegistrations")}</EmptyPageNotice>
          ) : (
            <ScrollTable label={t("registrationsCaption")}>
              <table className="w-full min-w-[40rem] border-collapse text-left">
                <caption className="sr-only">{t("registrationsCaption")}</caption>
                <thead>
                  <tr className="border-b-2 border-brand-100">
                    <th scope="col" className="py-2 pr-3">
                      {t("regColumns.name")}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t("regColumns.status")}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t("regColumns.number")}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t("regColumns.email")}
                    </th>
                    <th scope="col" className="py-2">
                      {t("regColumns.at")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {activity.registrations.map((registration) => {
                    const name = `${registration.firstName} ${registration.lastName}`;
                    return (
                      <tr key={registration.id} className="border-b border-brand-100 align-top">
                        <th scope="row" className="py-2 pr-3 font-semibold">
                          {name}
                        </th>
                        <td className="py-2 pr-3">
                          {t(`status.${registration.status}`)}
                          {open && registration.status !== "CANCELLED" ? (
                            <ActionForm
                              action={cancelRegistrationAction}
                              submit={t("cancelRegistration", { name })}
                              confirm={t("cancelRegistrationConfirm", { name })}
                              danger
                              className="mt-2"
                            >
                              <input type="hidden" name="registrationId" value={registration.id} />
                              <input type="hidden" name="activityId" value={activity.id} />
                            </ActionForm>
                          ) : null}
                        </td>
                        <td className="py-2 pr-3 font-mono whitespace-nowrap">{formatBookingNumber(registration.number)}</td>
                        <td className="py-2 pr-3 break-all">{registration.email ?? "—"}</td>
                        <td className="py-2">{formatMoment(registration.createdAt)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollTable>
          )}
        </section>
        {open ? (
          <section aria-labelledby="annuler-activite" className="space-y-3 rounded-lg border-2 border-red-200 p-5">
            <h2 id="annuler-activite" className="text-xl font-semibold">
              {t("cancelActivity")}
            </h2>
            <ActionForm action={cancelActivityAction} submit={t("cancelActivity")} confirm={t("cancelActivityConfirm", { title: activity.title })} danger>
              <input type="hidden" name="activityId" value={activity.id} />
            </ActionForm>
          </section>
        ) : null}
      </div>
    </ClientMessages>
  );
}

// The association's activities: plan one (it appears on the public page /activites at once), and see
// those to come and past with their registrations counted.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ACTIVITY_KINDS, listActivities, type ActivityRow } from "@/lib/activities/activities";
import { requireUser } from "@/lib/auth/current";
import { formatSessionShort } from "@/lib/format/dates";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";
import { createActivityAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("adminActivities") };
}

const PATH = "/admin/activites";

async function ActivityTable({ rows, empty, id }: { rows: ActivityRow[]; empty: string; id: string }) {
  const t = await getTranslations("activitiesAdmin");
  const kinds = await getTranslations("activities.kinds");
  if (!rows.length) return <p className="rounded-lg bg-brand-50 p-4">{empty}</p>;
  return (
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={t("scrollLabel")} id={id}>
      <table className="w-full min-w-[36rem] border-collapse text-left">
        <caption className="sr-only">{t("tableCaption")}</caption>
        <thead>
          <tr className="border-b-2 border-brand-100">
            <th scope="col" className="py-2 pr-3">{t("columns.when")}</th>
            <th scope="col" className="py-2 pr-3">{t("columns.activity")}</th>
            <th scope="col" className="py-2 pr-3">{t("columns.registered")}</th>
            <th scope="col" className="py-2">{t("columns.waiting")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-brand-100 align-top">
              <td className="py-2 pr-3 whitespace-nowrap">{formatSessionShort(row.startsAt)}</td>
              <th scope="row" className="py-2 pr-3 font-normal">
                <Link href={`${PATH}/${row.id}`} className="font-semibold text-brand-800 underline">
                  {row.title}
                </Link>
                <br />
                <span className="text-sm">{kinds(row.kind)}</span>
                {row.cancelledAt ? <span className="ml-2 rounded bg-red-100 px-2 text-sm font-semibold text-red-900">{t("cancelledBadge")}</span> : null}
              </th>
              <td className="py-2 pr-3">{t("registeredOf", { count: row.confirmed, capacity: row.capacity })}</td>
              <td className="py-2">{row.waiting}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function ActivitiesAdminPage() {
  const actor = await requireUser(PATH, "ADMIN");
  const { upcoming, past } = await listActivities(actor);
  const t = await getTranslations("activitiesAdmin");
  const kinds = await getTranslations("activities.kinds");
  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES]}>
      <div className="space-y-10">
        <header className="space-y-3">
          <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
          <p>{t("lead")}</p>
          <p>
            <Link href="/activites" className="font-semibold text-brand-800 underline">
              {t("publicPage")}
            </Link>
          </p>
        </header>
        <section aria-labelledby="a-venir" className="space-y-3">
          <h2 id="a-venir" className="text-2xl font-semibold">
            {t("upcoming")}
          </h2>
          <ActivityTable rows={upcoming} empty={t("emptyUpcoming")} id="activites-a-venir" />
        </section>
        <section aria-labelledby="prevoir" className="space-y-3 rounded-lg border border-brand-100 p-5">
          <h2 id="prevoir" className="text-2xl font-semibold">
            {t("createTitle")}
          </h2>
          <ActionForm action={createActivityAction} submit={t("create")} resetOnSuccess>
            <div className="grid gap-3 sm:grid-cols-2">
              <SelectField name="kind" label={t("kind")} options={ACTIVITY_KINDS.map((kind): [string, string] => [kind, kinds(kind)])} required />
              <TextField name="title" label={t("titleField")} required />
              <TextField name="day" label={t("day")} type="date" required />
              <TextField name="time" label={t("time")} type="time" required />
              <TextField name="durationMinutes" label={t("durationMinutes")} type="number" />
              <TextField name="capacity" label={t("capacity")} type="number" required />
            </div>
            <TextField name="place" label={t("place")} required />
            <TextField name="description" label={t("description")} multiline />
          </ActionForm>
        </section>
        <section aria-labelledby="passees" className="space-y-3">
          <h2 id="passees" className="text-2xl font-semibold">
            {t("past")}
          </h2>
          <ActivityTable rows={past} empty={t("emptyPast")} id="activites-passees" />
        </section>
      </div>
    </ClientMessages>
  );
}

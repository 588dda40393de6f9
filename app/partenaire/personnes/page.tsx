import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { PersonForm } from "@/components/partner/person-form";
import { requireUser } from "@/lib/auth/current";
import { listPeople } from "@/lib/people/people";
import { createPersonAction } from "./actions";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";
import { EmptyPageNotice } from "@/components/empty-page-notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("people") };
}

export default async function PeoplePage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const actor = await requireUser("/partenaire/personnes", "PARTNER");
  const { q = "", page: pageText } = await searchParams;
  const page = Math.max(1, Number(pageText) || 1);
  const result = await listPeople(actor, actor.partnerId, { q, page });
  const t = await getTranslations("people");
  const link = (p: number) => `/partenaire/personnes?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;

  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES, "people"]}>
      <div className="space-y-8">
        <header className="space-y-2">
          <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
          <p>{t("lead")}</p>
        </header>
        <form method="get" role="search" className="flex flex-wrap items-end gap-3">
          <p className="flex-1">
            <label htmlFor="q" className="mb-1 block font-semibold">
              {t("search")}
            </label>
            <input id="q" name="q" type="search" defaultValue={q} className="w-full rounded-md border border-gray-500 px-3 py-2" />
          </p>
          <button type="submit" className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800">
            {t("searchSubmit")}
          </button>
        </form>
        <section aria-labelledby="liste" className="space-y-3">
          <h2 id="liste" className="text-xl font-semibold" aria-live="polite">
            {t("count", { count: result.total })}
          </h2>
          {result.people.length === 0 ? (
            <EmptyPageNotice>{t("empty")}</EmptyPageNotice>
          ) : (
            <ul className="divide-y divide-brand-100 rounded-lg border border-brand-100">
              {result.people.map((person) => (
                <li key={person.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                  <Link href={`/partenaire/personnes/${person.id}`} className="font-semibold underline-offset-2 hover:underline">
                    {person.lastName} {person.firstName}
                  </Link>
                  <span className="text-sm">{t("outings", { count: person.outings })}</span>
                </li>
              ))}
            </ul>
          )}
          {result.pageCount > 1 ? (
            <nav className="flex justify-between">
              {page > 1 ? <Link href={link(page - 1)}>{t("previous")}</Link> : <span />}
              {page < result.pageCount ? <Link href={link(page + 1)}>{t("next")}</Link> : <span />}
            </nav>
          ) : null}
        </section>
        <section aria-labelledby="ajout" className="space-y-3 rounded-lg bg-brand-50 p-4">
          <h2 id="ajout" className="text-xl font-semibold">
            {t("addTitle")}
          </h2>
          <PersonForm save={createPersonAction} />
        </section>
      </div>
    </ClientMessages>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { ActiveToggle, InviteForm, ResendInvitation } from "@/components/auth/accounts-forms";
import { ACCOUNT_SORTS, ACCOUNT_WORDS as WORDS, listAccounts, readAccountFilters, type AccountSort } from "@/lib/auth/account-list";
import { requireUser } from "@/lib/auth/current";
import { SelectField } from "@/components/forms/fields";
import { listHref, Pagination } from "@/components/pagination";
import { SortableHeader } from "@/components/sortable-header";
import { sortOf, urlParams } from "@/lib/lists";
import { searchChoicesAction } from "@/app/admin/choices-actions";
import { inviteAction, resendInvitationAction, setActiveAction } from "./actions";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";
import { ScrollTable } from "@/components/scroll-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("accounts") };
}

/** As the other lists of the association (25 rows): each row carries its own form to turn the account off or on. */
const PAGE_SIZE = 25;

export default async function AccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUser("/comptes");
  const filters = readAccountFilters(await searchParams);
  const q = filters.text ?? "";
  const { accounts, total, page, pageCount } = await listAccounts(actor, { ...filters, pageSize: PAGE_SIZE });
  const t = await getTranslations("accounts");
  // Sorted by a column's header (tri, ordre: lib/lists.ts); the search and the page stay in the links.
  const sort = sortOf(ACCOUNT_SORTS, "role", filters.sort, filters.direction);
  const params = urlParams(WORDS, { ...filters, page: undefined });
  const header = (column: AccountSort, label: string, className: string) => (
    <SortableHeader
      column={column}
      label={label}
      path="/comptes"
      params={{ [WORDS.text]: filters.text }}
      columns={ACCOUNT_SORTS}
      sortWords={WORDS.sort.values}
      sort={sort}
      className={className}
    />
  );
  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES, "accounts", "choicePicker"]}>
      <div className="space-y-8">
        <header className="space-y-2">
          <h1 id="comptes-titre" className="text-3xl font-bold text-brand-800">
            {t("title")}
          </h1>
          <p>{t("lead")}</p>
        </header>
        {/* Thousands of accounts in a national network: found by a part of the name or the address. */}
        {q || total > PAGE_SIZE ? (
          <form
            key={JSON.stringify(params)}
            method="get"
            action="/comptes"
            role="search"
            aria-label={t("searchLabel")}
            className="flex flex-wrap items-end gap-3"
          >
            {/* The direction chosen by a column's header stays while the same column sorts. */}
            {filters.sort && filters.direction ? <input type="hidden" name={WORDS.direction} value={filters.direction} /> : null}
            <p className="min-w-60 flex-1">
              <label htmlFor="comptes-q" className="mb-1 block font-semibold">
                {t("searchLabel")}
              </label>
              <input id="comptes-q" name={WORDS.text} type="search" defaultValue={q} className="w-full rounded-md border border-gray-500 px-3 py-2" />
            </p>
            <SelectField
              name={WORDS.sort.word}
              label={t("sort")}
              defaultValue={WORDS.sort.values[filters.sort ?? "role"]}
              options={(Object.keys(ACCOUNT_SORTS) as AccountSort[]).map((key): [string, string] => [WORDS.sort.values[key], t(`sorts.${key}`)])}
            />
            <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {t("searchSubmit")}
            </button>
          </form>
        ) : null}
        {accounts.length === 0 ? (
          <p>
            {q ? (
              t("noMatch")
            ) : total === 0 ? (
              t("empty")
            ) : (
              <>
                {t("emptyPage")}{" "}
                <Link href={listHref("/comptes", params)} className="font-semibold text-brand-800 underline">
                  {t("firstPage")}
                </Link>
              </>
            )}
          </p>
        ) : (
          // On a phone the role and the structure go under the name (their columns would not fit), and the
          // table scrolls within its own box rather than widening the page if a name still does not fit.
          <ScrollTable labelledBy="comptes-titre">
            <table className="w-full border-collapse text-left">
              <thead>
                <tr className="border-b border-brand-100">
                  {/* The address, under the name, is sorted by from the search form's order. */}
                  {header("name", t("name"), "py-2 pr-3")}
                  {header("role", t("role"), "py-2 pr-3 max-sm:hidden")}
                  {header("structure", t("structure"), "py-2 pr-3 max-sm:hidden")}
                  {header("state", t("state"), "py-2")}
                </tr>
              </thead>
              <tbody>
                {accounts.map((account) => (
                  <tr key={account.id} className="border-b border-brand-100 align-top">
                    <td className="py-2 pr-3">
                      <span className="font-semibold wrap-anywhere">{account.name}</span>
                      <br />
                      <span className="text-sm wrap-anywhere">{account.email}</span>
                      <span className="block text-sm sm:hidden">
                        {t(`roles.${account.role}`)}
                        {account.structure ? ` · ${account.structure}` : ""}
                      </span>
                    </td>
                    <td className="py-2 pr-3 max-sm:hidden">{t(`roles.${account.role}`)}</td>
                    <td className="py-2 pr-3 max-sm:hidden">{account.structure ?? "—"}</td>
                    <td className="py-2">
                      <p className="text-sm">{!account.active ? t("inactive") : account.pending ? t("pending") : t("active")}</p>
                      {account.id === actor.userId ? (
                        <p className="text-sm">({t("you")})</p>
                      ) : (
                        <ActiveToggle userId={account.id} name={account.name} active={account.active} setActive={setActiveAction} />
                      )}
                      {account.active && account.pending && account.id !== actor.userId ? (
                        <ResendInvitation userId={account.id} resend={resendInvitationAction} />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
        <Pagination path="/comptes" params={params} page={page} pageCount={pageCount} total={total} />
        <section aria-labelledby="inviter" className="space-y-3 rounded-lg bg-brand-50 p-4">
          <h2 id="inviter" className="text-xl font-semibold">
            {t("inviteTitle")}
          </h2>
          <InviteForm invite={inviteAction} searchChoices={actor.role === "ADMIN" ? searchChoicesAction : null} />
        </section>
      </div>
    </ClientMessages>
  );
}

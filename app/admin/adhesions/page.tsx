import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { SelectField } from "@/components/forms/fields";
import { AssemblySection } from "@/components/association/memberships/sections/assembly";
import { CampaignSection } from "@/components/association/memberships/sections/campaign";
import { RecordSection } from "@/components/association/memberships/sections/record";
import { listHref, Pagination } from "@/components/pagination";
import {
  campaignWindow,
  listMemberships,
  membershipCampaign,
  MEMBERSHIP_SORTS,
  MEMBERSHIP_WORDS as WORDS,
  readMembershipFilters,
} from "@/lib/association/memberships";
import { sortOf, urlParams } from "@/lib/lists";
import { searchChoicesAction } from "@/app/admin/choices-actions";
import { choiceById } from "@/lib/association/choices";
import { requireUser } from "@/lib/auth/current";
import { seasonLabel, seasonOf } from "@/lib/time";
import { inviteAllAction, recordMembershipAction, remindAction } from "./actions";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";
import { MembersTable } from "@/components/association/memberships/sections/members-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("memberships") };
}

const PATH = "/admin/adhesions";
/** As the other lists of the association: each row carries its own form (issue 14: 50 rows made a 143 kB page). */
const PAGE_SIZE = 25;
/** The states, in the order of the filters (their words in the URL: MEMBERSHIP_WORDS). */
const STATES = ["INVITED", "JOINING", "DECLINED", "MEMBER"] as const;

export default async function MembershipsAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUser(PATH, "ADMIN");
  const filters = readMembershipFilters(await searchParams);
  const now = new Date();
  const current = seasonOf(now);
  const season = filters.season ?? current;
  const status = filters.status;
  const [campaign, memberships, asked] = await Promise.all([
    membershipCampaign(actor, season, { now }),
    listMemberships(actor, season, { status, page: filters.page, pageSize: PAGE_SIZE, sort: filters.sort, direction: filters.direction }),
    choiceById(actor, "PARTNER", filters.partner),
  ]);
  const t = await getTranslations("membershipsAdmin");
  const format = await getFormatter();
  const euros = (cents: number) => format.number(cents / 100, { style: "currency", currency: "EUR" });
  const label = seasonLabel(season);
  const seasonParam = season === current ? undefined : season;
  // Links in the URL's words; the order chosen by a column's header is kept by the state filters, the
  // pages and the rows' links.
  const order = { sort: filters.sort, direction: filters.direction };
  const link = (fields: Parameters<typeof urlParams<keyof typeof WORDS>>[1]) => urlParams(WORDS, { season: seasonParam, ...fields });
  const sort = sortOf(MEMBERSHIP_SORTS, "partner", filters.sort, filters.direction);
  const headerParams = link({ status: filters.status });
  const allCount = Object.values(campaign.counts).reduce((a, b) => a + b, 0);
  const total = status ? (campaign.counts[status] ?? 0) : allCount;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const members = campaign.counts.MEMBER ?? 0;
  // Invitations and reminders: the season under way, or the next from June (lib/association/memberships.ts).
  const opening = campaignWindow(season, now);
  const campaignOpen = opening === "OPEN" || opening === "NEXT";
  const seasons = [...new Set([current + 1, ...Array.from({ length: 6 }, (_, n) => current - n), season])].sort((a, b) => b - a);
  const seasonName = (s: number) =>
    s === current ? t("seasonCurrent", { label: seasonLabel(s) }) : s === current + 1 ? t("seasonNext", { label: seasonLabel(s) }) : seasonLabel(s);
  const counts: [string, number | string, string?][] = [
    [t("counts.inPartnership"), campaign.inPartnership],
    [t("counts.notInvited"), campaign.notInvited],
    [t("counts.INVITED"), campaign.counts.INVITED ?? 0, listHref(PATH, link({ status: "INVITED" }))],
    [t("counts.JOINING"), campaign.counts.JOINING ?? 0, listHref(PATH, link({ status: "JOINING" }))],
    [t("counts.DECLINED"), campaign.counts.DECLINED ?? 0, listHref(PATH, link({ status: "DECLINED" }))],
    [t("counts.MEMBER"), members, listHref(PATH, link({ status: "MEMBER" }))],
    [t("counts.collected"), euros(campaign.collectedCents)],
  ];

  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES, "choicePicker"]}>
      <div className="space-y-10">
        <header className="space-y-3">
          <h1 className="text-3xl font-bold text-brand-800">
            {t("title")} · <span className="whitespace-nowrap">{label}</span>
          </h1>
          <p>{t("lead")}</p>
          <form method="get" action={PATH} aria-label={t("seasonPickerLabel")} className="flex flex-wrap items-end gap-3">
            <SelectField
              name={WORDS.season}
              label={t("seasonPicker")}
              defaultValue={String(season)}
              options={seasons.map((s): [string, string] => [String(s), seasonName(s)])}
            />
            <p>
              <button type="submit" className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50">
                {t("seasonShow")}
              </button>
            </p>
          </form>
        </header>

        <section aria-labelledby="bilan" className="space-y-3">
          <h2 id="bilan" className="text-2xl font-semibold">
            {t("countsTitle", { season: label })}
          </h2>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {counts.map(([name, value, href]) => (
              <div key={name} className="rounded-lg bg-brand-50 p-3">
                <dt className="text-sm">{name}</dt>
                <dd className="text-2xl font-bold">
                  {href ? (
                    <Link href={href} className="text-brand-800 underline" aria-label={t("countLink", { name, count: value })}>
                      {value}
                    </Link>
                  ) : (
                    value
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>

        <CampaignSection
          season={season}
          label={label}
          opening={opening}
          notInvited={campaign.notInvited}
          invited={campaign.counts.INVITED ?? 0}
          inviteAll={inviteAllAction}
          remind={remindAction}
        />

        <RecordSection
          season={season}
          label={label}
          noStructures={allCount === 0}
          askedId={filters.partner}
          asked={asked}
          record={recordMembershipAction}
          search={searchChoicesAction}
          now={now}
        />

        <section aria-labelledby="liste" className="space-y-4">
          <h2 id="liste" className="text-2xl font-semibold">
            {t("listTitle", { season: label })}
          </h2>
          <nav aria-label={t("filterLabel")}>
            <ul className="flex flex-wrap gap-2">
              {(
                [[undefined, t("filterAll"), allCount], ...STATES.map((state) => [state, t(`filters.${state}`), campaign.counts[state] ?? 0])] as [
                  (typeof STATES)[number] | undefined,
                  string,
                  number,
                ][]
              ).map(([slug, name, count]) => (
                <li key={slug ?? "all"}>
                  <Link
                    href={listHref(PATH, link({ status: slug, ...order }))}
                    aria-current={filters.status === slug ? "page" : undefined}
                    className={`block rounded-full border px-3 py-1 font-semibold ${filters.status === slug ? "border-brand-800 bg-brand-800 text-white" : "border-brand-700 text-brand-800 hover:bg-brand-50"}`}
                  >
                    {name} ({count})
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {memberships.length === 0 ? (
            <p className="rounded-lg bg-brand-50 p-4">
              {allCount === 0 ? (
                campaignOpen ? (
                  t("listEmpty")
                ) : (
                  t("listEmptyPast")
                )
              ) : total === 0 ? (
                t("listEmptyFiltered")
              ) : (
                <>
                  {t("emptyPage")}{" "}
                  <Link href={listHref(PATH, link({ status: filters.status, ...order }))} className="font-semibold text-brand-800 underline">
                    {t("firstPage")}
                  </Link>
                </>
              )}
            </p>
          ) : (
            <MembersTable
              memberships={memberships}
              caption={t("tableCaption", { season: label, filter: status ? t(`filters.${status}`) : t("filterAll") })}
              path={PATH}
              headerParams={headerParams}
              sort={sort}
              rowLink={(partnerId) => `${listHref(PATH, link({ status: filters.status, partner: partnerId, page: filters.page, ...order }))}#enregistrer`}
            />
          )}
          <Pagination path={PATH} params={link({ status: filters.status, ...order })} page={filters.page} pageCount={pageCount} total={total} />
        </section>

        <AssemblySection
          path={PATH}
          season={season}
          seasonParam={seasonParam}
          label={label}
          members={members}
          collected={euros(campaign.collectedCents)}
          showingMembers={filters.status === "MEMBER"}
        />
      </div>
    </ClientMessages>
  );
}

// The season's memberships, one row per structure, each header sorting the list and each row linking to
// the form that records or corrects its membership (the memberships page, /admin/adhesions).
import Link from "next/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { ScrollTable } from "@/components/scroll-table";
import { SortableHeader } from "@/components/sortable-header";
import { MEMBERSHIP_SORTS, MEMBERSHIP_WORDS, type listMemberships } from "@/lib/association/memberships";
import { formatDay } from "@/lib/format/dates";
import type { Sort } from "@/lib/lists";

/** Each sortable column and the words of its header. */
const COLUMNS = [
  ["partner", "structure"],
  ["status", "status"],
  ["invited", "invited"],
  ["answered", "answered"],
  ["joined", "membership"],
] as const satisfies readonly (readonly [keyof typeof MEMBERSHIP_SORTS, string])[];

type Membership = Awaited<ReturnType<typeof listMemberships>>[number];

export async function MembersTable({
  memberships,
  caption,
  path,
  headerParams,
  sort,
  rowLink,
}: {
  memberships: Membership[];
  caption: string;
  path: string;
  headerParams: Record<string, string | number | readonly string[] | undefined>;
  sort: Sort<keyof typeof MEMBERSHIP_SORTS>;
  rowLink: (partnerId: string) => string;
}) {
  const t = await getTranslations("membershipsAdmin");
  const shared = await getTranslations("associationLabels");
  const format = await getFormatter();
  // A day each: the membership date is stored as one, the others are read as their day in Paris.
  const day = (date: Date) => formatDay(date);
  const instant = (date: Date) => formatDay(date);
  const euros = (cents: number) => format.number(cents / 100, { style: "currency", currency: "EUR" });
  return (
    <ScrollTable label={t("scrollLabel")}>
      <table className="w-full min-w-[52rem] border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-brand-100">
            {COLUMNS.map(([column, label]) => (
              <SortableHeader
                key={column}
                column={column}
                label={t(`columns.${label}`)}
                path={path}
                params={headerParams}
                columns={MEMBERSHIP_SORTS}
                sortWords={MEMBERSHIP_WORDS.sort.values}
                sort={sort}
                className="py-2 pr-3"
              />
            ))}
            <th scope="col" className="py-2">
              {t("columns.action")}
            </th>
          </tr>
        </thead>
        <tbody>
          {memberships.map((m) => (
            <tr key={m.id} className="border-b border-brand-100 align-top">
              <th scope="row" className="py-2 pr-3 font-normal">
                <Link href={`/admin/structures/${m.partner.id}`} className="font-semibold text-brand-800 underline">
                  {m.partner.name}
                </Link>
                <br />
                <span className="text-sm">
                  {shared(`sector.${m.partner.sector}`)}
                  {m.partner.city ? ` · ${m.partner.city}` : ""}
                </span>
              </th>
              <td className="py-2 pr-3">{shared(`membership.${m.status}`)}</td>
              <td className="py-2 pr-3">
                {m.invitedAt ? instant(m.invitedAt) : "—"}
                {m.remindedAt ? <span className="block text-sm">{t("remindedOn", { date: instant(m.remindedAt) })}</span> : null}
              </td>
              <td className="py-2 pr-3">{m.answeredAt ? instant(m.answeredAt) : "—"}</td>
              <td className="py-2 pr-3">
                {m.status === "MEMBER" ? (
                  <>
                    {m.joinedOn ? day(m.joinedOn) : "—"}
                    <span className="block text-sm">
                      {[
                        m.amountCents === null ? null : euros(m.amountCents),
                        m.paymentMeans,
                        m.receiptNumber ? t("receipt", { number: m.receiptNumber }) : null,
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </span>
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td className="py-2">
                <Link href={rowLink(m.partner.id)} className="text-brand-800 underline">
                  {m.status === "MEMBER" ? t("correct") : t("recordOne")}
                  <span className="sr-only"> {t("forStructure", { name: m.partner.name })}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

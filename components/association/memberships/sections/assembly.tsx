// For the general assembly: the season's members and what they paid, as a CSV file.
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { listHref } from "@/components/pagination";
import { MEMBERSHIP_WORDS } from "@/lib/association/memberships";
import { toUrl, urlParams } from "@/lib/lists";

export async function AssemblySection({
  path,
  season,
  seasonParam,
  label,
  members,
  collected,
  showingMembers,
}: {
  path: string;
  season: number;
  seasonParam: number | undefined;
  label: string;
  members: number;
  collected: string;
  showingMembers: boolean;
}) {
  const t = await getTranslations("membershipsAdmin");
  const PATH = path;
  return (
    <section aria-labelledby="assemblee" className="space-y-3 rounded-lg bg-brand-50 p-4">
      <h2 id="assemblee" className="text-2xl font-semibold">
        {t("assemblyTitle")}
      </h2>
      <p>{t("assemblyLead", { count: members, amount: collected, season: label })}</p>
      {members > 0 ? (
        <ul className="flex flex-wrap gap-3">
          <li>
            <a
              href={`${PATH}/export${toUrl(MEMBERSHIP_WORDS, { season })}`}
              download
              className="block rounded-md bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800"
            >
              {t("csv", { season: label })}
            </a>
          </li>
          {!showingMembers ? (
            <li>
              <Link
                href={listHref(PATH, urlParams(MEMBERSHIP_WORDS, { season: seasonParam, status: "MEMBER" }))}
                className="block rounded-md border border-brand-700 px-4 py-3 font-semibold text-brand-800 hover:bg-white"
              >
                {t("showMembers")}
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}
    </section>
  );
}

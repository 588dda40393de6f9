// The last night's retention run and what it did (lib/retention.ts's report).
import { getTranslations } from "@/lib/i18n/server";
import { formatMoment } from "@/lib/format/dates";
import type { PlatformState } from "@/lib/association/platform-state";
import { Fact } from "./fact";

export async function RetentionSection({ retention }: { retention: PlatformState["retention"] }) {
  const t = await getTranslations("platformState.retention");
  const run = retention.lastRun;
  return (
    <Fact
      id="nettoyage"
      title={t("title")}
      level={retention.level}
      todo={retention.level === "attention" ? t("todo") : undefined}
      link={{ href: "/admin/donnees-personnelles", label: t("link") }}
    >
      <p>{t("what")}</p>
      <p>
        {run
          ? t("lastRun", {
              date: formatMoment(run.at),
              names: run.counts.guestNamesReplaced ?? 0,
              people: run.counts.peopleErased ?? 0,
              mails: run.counts.mailBodiesPurged ?? 0,
            })
          : t("never")}
      </p>
    </Fact>
  );
}

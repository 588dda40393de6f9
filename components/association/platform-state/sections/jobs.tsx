// The job queue: late, failed and stuck jobs (lib/association/platform-state.ts decides what is late).
import { getTranslations } from "@/lib/i18n/server";
import { formatMoment } from "@/lib/format/dates";
import { LATE_AFTER_MINUTES, type PlatformState } from "@/lib/association/platform-state";
import { Fact } from "./fact";

export async function JobsSection({ jobs }: { jobs: PlatformState["jobs"] }) {
  const t = await getTranslations("platformState.jobs");
  const todo = [jobs.late || jobs.stuck ? t("todoLate") : null, jobs.failed ? t("todoFailed") : null].filter(Boolean).join(" Et ");
  return (
    <Fact
      id="taches"
      title={t("title")}
      level={jobs.level}
      todo={todo || undefined}
      link={jobs.failed ? { href: "/admin/courriels#taches-en-echec", label: t("link") } : undefined}
    >
      <p>{t("what")}</p>
      {jobs.level === "ok" ? <p>{t("allGood")}</p> : null}
      {jobs.late ? <p>{t("late", { count: jobs.late, minutes: LATE_AFTER_MINUTES, since: jobs.lateSince ? formatMoment(jobs.lateSince) : "" })}</p> : null}
      {jobs.failed ? <p>{t("failed", { count: jobs.failed })}</p> : null}
      {jobs.stuck ? <p>{t("stuck", { count: jobs.stuck })}</p> : null}
    </Fact>
  );
}

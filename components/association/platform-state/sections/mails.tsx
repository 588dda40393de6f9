// Mails and texts waiting or failed: counts only, the outbox page has the rest.
import { getTranslations } from "@/lib/i18n/server";
import { formatMoment } from "@/lib/format/dates";
import type { PlatformState } from "@/lib/association/platform-state";
import { Fact } from "./fact";

export async function MailsSection({ mails }: { mails: PlatformState["mails"] }) {
  const t = await getTranslations("platformState.mails");
  return (
    <Fact
      id="courriels"
      title={t("title")}
      level={mails.level}
      todo={mails.level === "attention" ? t("todo") : undefined}
      link={{ href: "/admin/courriels", label: t("link") }}
    >
      <p>
        {mails.waiting && mails.waitingSince
          ? t("waitingSince", { count: mails.waiting, since: formatMoment(mails.waitingSince) })
          : t("waiting", { count: mails.waiting })}
      </p>
      <p>{t("failed", { count: mails.failed })}</p>
      <p>{t("texts", { waiting: mails.textsWaiting, failed: mails.textsFailed })}</p>
    </Fact>
  );
}

// The season page: dates the venue's agenda cancelled while structures had booked them (issue 33.1). They
// are never cancelled silently: the venue cancels the session (its structures told, as for any
// cancellation) or keeps it (the agenda no longer follows it).
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { ConfirmBox } from "@/components/forms/fields";
import type { ActionState } from "@/lib/actions/state";
import { formatSessionDate } from "@/lib/format/dates";
import { getTranslations } from "@/lib/i18n/server";
import type { LinkedSource } from "@/lib/venue/season/sources";

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

export async function ToConfirmSection({ sessions, cancel, keep }: { sessions: LinkedSource["toConfirm"]; cancel: Action; keep: Action }) {
  if (!sessions.length) return null;
  const t = await getTranslations("seasonImport");
  return (
    <section aria-labelledby="a-confirmer" className="space-y-3">
      <h2 id="a-confirmer" className="text-2xl font-semibold">
        {t("toConfirmTitle")}
      </h2>
      <p>{t("toConfirmLead")}</p>
      <ul className="space-y-4">
        {sessions.map((session) => (
          <li key={session.sessionId} className="space-y-2 rounded-lg border border-brand-100 p-3">
            <p>
              <Link href={`/lieu/seances/${session.sessionId}`} className="font-semibold underline">
                {t("toConfirmLine", { event: session.title, date: formatSessionDate(session.startsAt), places: session.places })}
              </Link>
            </p>
            <div className="flex flex-wrap gap-4">
              <ActionForm action={cancel} submit={t("confirmCancel")} danger>
                <input type="hidden" name="sessionId" value={session.sessionId} />
                <ConfirmBox label={t("confirmCancelAsk")} />
              </ActionForm>
              <ActionForm action={keep} submit={t("keep")}>
                <input type="hidden" name="sessionId" value={session.sessionId} />
              </ActionForm>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

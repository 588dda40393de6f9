// The season page: which agenda is linked (issue 33.1), and the two ways to link one, an iCalendar address
// or an OpenAgenda agenda. The OpenAgenda key is never shown back: its last four characters only.
import { ActionForm } from "@/components/forms/action-form";
import { ConfirmBox, TextField } from "@/components/forms/fields";
import type { ActionState } from "@/lib/actions/state";
import { formatMoment } from "@/lib/format/dates";
import { getTranslations } from "@/lib/i18n/server";
import type { LinkedSource } from "@/lib/venue/season/sources";

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

export async function LinkSection({ venueId, source, link, unlink }: { venueId: string; source: LinkedSource | null; link: Action; unlink: Action }) {
  const t = await getTranslations("seasonImport");
  const what =
    source?.kind === "ICAL"
      ? t("linkedIcal", { url: source.url ?? "" })
      : source
        ? t("linkedOpenAgenda", { uid: source.agendaUid ?? "", hint: source.keyHint ?? "" })
        : null;
  return (
    <section aria-labelledby="agenda-relie" className="space-y-4">
      <h2 id="agenda-relie" className="text-2xl font-semibold">
        {t("linkTitle")}
      </h2>
      {source && what ? (
        <div className="space-y-2">
          <p className="font-semibold">{t("linked", { what })}</p>
          <p>{source.lastSyncedAt ? t("lastSynced", { date: formatMoment(source.lastSyncedAt) }) : t("neverSynced")}</p>
          {source.lastError ? (
            <p role="alert" className="rounded-lg bg-red-50 p-3 font-semibold text-red-900">
              {t("lastError", { error: source.lastError })}
            </p>
          ) : null}
          <ActionForm action={unlink} submit={t("unlinkSubmit")} danger>
            <input type="hidden" name="venueId" value={venueId} />
            <ConfirmBox label={t("unlinkConfirm")} />
          </ActionForm>
        </div>
      ) : null}
      <div className="grid gap-6 md:grid-cols-2">
        <div className="space-y-2 rounded-lg border border-brand-100 p-4">
          <h3 className="text-lg font-semibold">{t("icalTitle")}</h3>
          <ActionForm action={link} submit={t("linkSubmit")}>
            <input type="hidden" name="venueId" value={venueId} />
            <input type="hidden" name="kind" value="ICAL" />
            <TextField name="url" type="url" label={t("icalUrl")} hint={t("icalHint")} required defaultValue={source?.kind === "ICAL" ? source.url : null} />
          </ActionForm>
        </div>
        <div className="space-y-2 rounded-lg border border-brand-100 p-4">
          <h3 className="text-lg font-semibold">{t("openAgendaTitle")}</h3>
          <ActionForm action={link} submit={t("linkSubmit")}>
            <input type="hidden" name="venueId" value={venueId} />
            <input type="hidden" name="kind" value="OPENAGENDA" />
            <TextField
              name="agendaUid"
              label={t("openAgendaUid")}
              hint={t("openAgendaUidHint")}
              required
              defaultValue={source?.kind === "OPENAGENDA" ? source.agendaUid : null}
            />
            <TextField name="apiKey" type="password" label={t("openAgendaKey")} hint={t("openAgendaKeyHint")} />
          </ActionForm>
        </div>
      </div>
    </section>
  );
}

// The venue's session page: "Des places ce soir" (issue 33.2). Within 48 hours of the start, a form
// releases late places; the counter says how many were released and booked. The rules are lib/booking's.
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import type { ActionState } from "@/lib/actions/state";
import { LATE_RELEASE_HOURS } from "@/lib/booking/late-places";
import { getTranslations } from "@/lib/i18n/server";

export async function LatePlacesSection({
  sessionId,
  startsAt,
  latePlaces,
  lateConfirmedPlaces,
  now,
  release,
}: {
  sessionId: string;
  startsAt: Date;
  latePlaces: number;
  lateConfirmedPlaces: number;
  now: Date;
  release: (state: ActionState, data: FormData) => Promise<ActionState>;
}) {
  const t = await getTranslations("latePlaces");
  const open = now < startsAt && startsAt.getTime() - now.getTime() <= LATE_RELEASE_HOURS * 3_600_000;
  if (!open && latePlaces === 0) return null;
  return (
    <section aria-labelledby="places-ce-soir" className="space-y-3 print:hidden">
      <h2 id="places-ce-soir" className="text-xl font-semibold">
        {t("releaseTitle")}
      </h2>
      {latePlaces > 0 ? <p>{t("counter", { used: lateConfirmedPlaces, released: latePlaces })}</p> : null}
      {open ? (
        <>
          <p>{t("releaseLead")}</p>
          <ActionForm action={release} submit={t("releaseSubmit")}>
            <input type="hidden" name="sessionId" value={sessionId} />
            <TextField name="places" type="number" label={t("releasePlaces")} required defaultValue={2} />
            <TextField name="marginMinutes" type="number" label={t("releaseMargin")} defaultValue={30} />
          </ActionForm>
        </>
      ) : null}
    </section>
  );
}

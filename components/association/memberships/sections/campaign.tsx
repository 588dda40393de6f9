// The season's campaign: invite every structure in partnership not yet invited, then remind those who have
// not answered. Only for the season under way or, from June, the next (lib/association/memberships.ts,
// campaignWindow; decision 018); both ask first. The next season's campaign says so, and when that season
// starts, so that nobody invites for it thinking of the current one (issue 29.10).
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import type { ActionState } from "@/lib/actions/state";

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

export async function CampaignSection({
  season,
  label,
  opening,
  notInvited,
  invited,
  inviteAll,
  remind,
}: {
  season: number;
  label: string;
  opening: "OPEN" | "NEXT" | "PAST" | "TOO_EARLY";
  notInvited: number;
  invited: number;
  inviteAll: Action;
  remind: Action;
}) {
  const t = await getTranslations("membershipsAdmin");
  const hiddenSeason = <input type="hidden" name="season" value={season} />;
  return (
    <section aria-labelledby="campagne" className="space-y-4 rounded-lg border border-brand-100 p-4">
      <h2 id="campagne" className="text-2xl font-semibold">
        {t("campaignTitle")}
      </h2>
      {opening === "OPEN" || opening === "NEXT" ? (
        <>
          {opening === "NEXT" ? <p className="rounded-md bg-brand-50 p-3 font-semibold">{t("nextSeason", { label, year: season })}</p> : null}
          <div className="space-y-2">
            <h3 className="text-lg font-semibold">{t("inviteTitle")}</h3>
            <p>{t("inviteLead", { count: notInvited })}</p>
            <ActionForm action={inviteAll} submit={t("inviteAll", { season: label })} danger confirm={t("inviteConfirm", { season: label, count: notInvited })}>
              {hiddenSeason}
            </ActionForm>
          </div>
          <div className="space-y-2">
            <h3 className="text-lg font-semibold">{t("remindTitle")}</h3>
            <p>{t("remindLead", { count: invited })}</p>
            <ActionForm action={remind} submit={t("remind")} confirm={t("remindConfirm", { season: label })}>
              {hiddenSeason}
              <div className="max-w-xs">
                <TextField name="afterDays" label={t("afterDays")} type="number" defaultValue={14} required />
              </div>
            </ActionForm>
          </div>
        </>
      ) : (
        <p>{opening === "PAST" ? t("pastSeason") : t("futureSeason", { label, year: season })}</p>
      )}
    </section>
  );
}

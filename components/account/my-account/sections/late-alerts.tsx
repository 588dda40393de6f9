// /mon-compte, a structure's referents: whether and when to hear of late places (issue 33.2).
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxGroup, SelectField } from "@/components/forms/fields";
import type { ActionState } from "@/lib/actions/state";
import type { Actor } from "@/lib/auth/actor";
import { EventCategory } from "@/lib/generated/prisma/enums";
import { getTranslations } from "@/lib/i18n/server";
import { getLateAlertChoice, lateAlertAreas } from "@/lib/partner/late-alerts";

const HOURS = Array.from({ length: 25 }, (_, hour) => [String(hour), `${hour} h`] as [string, string]);

export async function LateAlertsSection({
  actor,
  partnerId,
  action,
}: {
  actor: Actor;
  partnerId: string;
  action: (state: ActionState, data: FormData) => Promise<ActionState>;
}) {
  const [choice, areas, t, labels] = await Promise.all([
    getLateAlertChoice(actor, partnerId),
    lateAlertAreas(),
    getTranslations("latePlaces"),
    getTranslations("labels.category"),
  ]);
  return (
    <section aria-labelledby="derniere-minute" className="space-y-4">
      <h2 id="derniere-minute" className="text-2xl font-semibold">
        {t("alertTitle")}
      </h2>
      <p>{t("alertLead")}</p>
      <ActionForm action={action} submit={t("save")} className="space-y-4">
        <input type="hidden" name="partnerId" value={partnerId} />
        <label className="flex items-center gap-2 font-semibold">
          <input type="checkbox" name="wanted" defaultChecked={choice.wanted} className="h-5 w-5" />
          {t("alertWanted")}
        </label>
        <CheckboxGroup
          name="categories"
          legend={t("alertCategories")}
          options={Object.values(EventCategory).map((category) => [category, labels(category)])}
          checked={choice.categories}
        />
        {areas.length ? <CheckboxGroup name="areas" legend={t("alertAreas")} options={areas.map((area) => [area, area])} checked={choice.areas} /> : null}
        <div className="flex flex-wrap gap-6">
          <SelectField name="fromHour" label={t("alertFrom")} options={HOURS.slice(0, 24)} defaultValue={String(choice.fromHour)} />
          <SelectField name="untilHour" label={t("alertUntil")} options={HOURS.slice(1)} defaultValue={String(choice.untilHour)} />
        </div>
      </ActionForm>
    </section>
  );
}

// The venue's quota rule and the exceptions granted to structures (DESIGN, "Quota rule"): the association
// and the venue can both set the rule; only the association grants exceptions, from a structure's page.
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";
import { formatDay } from "@/lib/format/dates";
import { box, h2, type Action, type VenueForAssociation } from "./types";
import { VenueIdField } from "./venue-id-field";

export async function QuotaSection({ venue, setQuota }: { venue: VenueForAssociation; setQuota: Action }) {
  const t = await getTranslations("venuesAdmin");
  const v = await getTranslations("venue");
  const labels = await getTranslations("labels");
  const hidden = <VenueIdField venueId={venue.id} />;
  const rule = venue.quotaRule;
  const ruleText = rule
    ? t("quotaRule", { max: rule.maxPlaces, period: labels(`quotaPeriod.${rule.period}`) }) +
      (rule.liftDaysBefore === null ? "" : ` ${t("quotaLift", { days: rule.liftDaysBefore })}`)
    : t("quotaNone");
  return (
    <section aria-labelledby="quota" className={box}>
      <h2 id="quota" className={h2}>
        {t("quotaTitle")}
      </h2>
      <p>
        <span className="font-semibold">{t("quotaCurrent")}</span> {ruleText}
      </p>
      <p className="text-sm">{v("quota.lead")}</p>
      <ActionForm action={setQuota} submit={v("quota.save")}>
        {hidden}
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField
            name="period"
            label={v("quota.period")}
            defaultValue={rule?.period ?? "NONE"}
            options={[
              ["NONE", v("quota.none")],
              ["SESSION", v("quota.SESSION")],
              ["MONTH", v("quota.MONTH")],
              ["SEASON", v("quota.SEASON")],
            ]}
          />
          <TextField name="maxPlaces" label={v("quota.maxPlaces")} type="number" defaultValue={rule?.maxPlaces ?? 4} />
          <TextField name="liftDaysBefore" label={v("quota.liftDaysBefore")} type="number" defaultValue={rule?.liftDaysBefore} />
        </div>
      </ActionForm>
      {venue.quotaExceptions.length ? (
        <>
          <h3 className="text-lg font-semibold">{t("exceptionsTitle")}</h3>
          <ul className="list-disc space-y-1 pl-5">
            {venue.quotaExceptions.map((exception) => (
              <li key={exception.id}>
                <Link href={`/admin/structures/${exception.partner.id}`} className="text-brand-800 underline">
                  {exception.partner.name}
                </Link>{" "}
                : {exception.maxPlaces === null ? t("exceptionNoLimit") : t("exceptionPlaces", { max: exception.maxPlaces })}
                {/* An exception ends at the midnight after its last day: say that last day, as its structure's page does. */}
                {exception.expiresAt ? `, ${t("exceptionUntil", { date: formatDay(new Date(exception.expiresAt.getTime() - 1)) })}` : ""}
                {exception.reason ? ` (${exception.reason})` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

// The structure's conventions, each with its period and whether it holds today, and the form of a renewal
// (its first convention comes with the onboarding's signature step).
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import { formatDay } from "@/lib/format/dates";
import { parisDate, nextParisDay } from "@/lib/time";
import { card, cell, Section, type FormAction, type StructureFile } from "../section";
import { ScrollTable } from "@/components/scroll-table";

const ymd = (date: Date) => date.toISOString().slice(0, 10);

export async function ConventionsSection({
  structure,
  latestConvention,
  now,
  addConvention,
}: {
  structure: StructureFile;
  latestConvention: Date | null;
  now: Date;
  addConvention: FormAction;
}) {
  const t = await getTranslations("structuresAdmin.structure");
  const today = parisDate(now);
  // A renewal starts the day after the last convention ends (today if that day is past).
  const renewalFrom = latestConvention && ymd(latestConvention) >= today ? parisDate(nextParisDay(latestConvention)) : today;
  return (
    <Section id="conventions">
      {structure.conventions.length === 0 ? (
        <p>{t("conventions.empty")}</p>
      ) : (
        <ScrollTable label={t("conventions.scroll")} className="rounded-lg border border-brand-100">
          <table className="w-full min-w-[36rem] border-collapse text-left">
            <caption className="sr-only">{t("conventions.caption")}</caption>
            <thead className="bg-brand-50">
              <tr>
                {(["period", "signedOn", "reference", "state"] as const).map((column) => (
                  <th key={column} scope="col" className={cell}>
                    {t(`conventions.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {structure.conventions.map((convention) => {
                const state = ymd(convention.validFrom) > today ? "upcoming" : ymd(convention.validUntil) < today ? "ended" : "current";
                return (
                  <tr key={convention.id} className="border-t border-brand-100">
                    <th scope="row" className={`${cell} font-normal`}>
                      {t("conventions.range", { from: formatDay(convention.validFrom), until: formatDay(convention.validUntil) })}
                    </th>
                    <td className={cell}>{formatDay(convention.signedOn)}</td>
                    <td className={cell}>{convention.reference ?? "—"}</td>
                    <td className={`${cell} ${state === "current" ? "font-semibold text-green-900" : ""}`}>{t(`conventions.states.${state}`)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {structure.conventions.length === 0 ? (
        <p className="text-sm">{t("conventions.firstHint")}</p>
      ) : (
        <div className={card}>
          <h3 className="text-lg font-semibold">{t("conventions.addTitle")}</h3>
          <p>{t("conventions.addHelp")}</p>
          <ActionForm action={addConvention} submit={t("conventions.add")} resetOnSuccess>
            <input type="hidden" name="partnerId" value={structure.id} />
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField name="signedOn" type="date" label={t("conventions.signedOnField")} defaultValue={today} required />
              <TextField name="reference" label={t("conventions.referenceField")} />
              <TextField name="validFrom" type="date" label={t("conventions.validFromField")} defaultValue={renewalFrom} required />
              <TextField name="validUntil" type="date" label={t("conventions.validUntilField")} required />
            </div>
          </ActionForm>
        </div>
      )}
    </Section>
  );
}

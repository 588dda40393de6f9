// The structure's quota exceptions, venue by venue (each with its end and reason, and revocable), and the
// form of a new one: it asks for an end and a reason, so that no exception is forgotten or unexplained.
import type { ComponentProps } from "react";
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { ChoicePicker } from "@/components/forms/choice-picker";
import { TextField } from "@/components/forms/fields";
import { formatDay } from "@/lib/format/dates";
import { card, Section, type FormAction, type StructureFile } from "../section";

interface Props {
  structure: StructureFile;
  now: Date;
  grant: FormAction;
  revoke: FormAction;
  searchChoices: ComponentProps<typeof ChoicePicker>["search"];
}

export async function QuotasSection({ structure, now, grant, revoke, searchChoices }: Props) {
  const t = await getTranslations("structuresAdmin.structure");
  return (
    <Section id="quotas">
      <p className="text-sm">{t("quotas.help")}</p>
      {/* Announced when an exception is granted or revoked (a revoked one takes its form away). */}
      <p aria-live="polite">{t("quotas.count", { count: structure.quotaExceptions.length })}</p>
      {structure.quotaExceptions.length === 0 ? null : (
        <ul className="space-y-3">
          {structure.quotaExceptions.map((exception) => {
            const ended = exception.expiresAt !== null && exception.expiresAt <= now;
            // The last day it holds is the day before it ends (it ends at a midnight).
            const lastDay = exception.expiresAt ? formatDay(new Date(exception.expiresAt.getTime() - 1)) : null;
            return (
              <li key={exception.id} className={card}>
                <h3 className="text-lg font-semibold">{exception.venue.name}</h3>
                <p>
                  {exception.maxPlaces === null ? t("quotas.noLimit") : t("quotas.places", { count: exception.maxPlaces })}
                  {" · "}
                  {lastDay ? (ended ? t("quotas.ended", { date: lastDay }) : t("quotas.until", { date: lastDay })) : t("quotas.noEnd")}
                </p>
                {exception.reason ? <p className="whitespace-pre-line text-sm">{t("quotas.reason", { reason: exception.reason })}</p> : null}
                <p className="text-sm">{t("quotas.grantedOn", { date: formatDay(exception.createdAt) })}</p>
                <ActionForm
                  action={revoke}
                  submit={t("quotas.revoke", { venue: exception.venue.name })}
                  confirm={t("quotas.revokeConfirm", { venue: exception.venue.name })}
                  danger
                >
                  <input type="hidden" name="partnerId" value={structure.id} />
                  <input type="hidden" name="venueId" value={exception.venue.id} />
                  <TextField name="reason" label={t("quotas.revokeReason")} />
                </ActionForm>
              </li>
            );
          })}
        </ul>
      )}
      <div className={card}>
        <h3 className="text-lg font-semibold">{t("quotas.grantTitle")}</h3>
        <p>{t("quotas.grantHelp")}</p>
        <ActionForm action={grant} submit={t("quotas.grant")} resetOnSuccess>
          <input type="hidden" name="partnerId" value={structure.id} />
          <div className="grid gap-3 sm:grid-cols-2">
            <div className="sm:col-span-2">
              <ChoicePicker name="venueId" label={t("quotas.venue")} kind="VENUE" search={searchChoices} />
            </div>
            <TextField name="maxPlaces" type="number" label={t("quotas.maxPlaces")} />
            <TextField name="expiresAt" type="date" label={t("quotas.expiresAt")} required />
          </div>
          <TextField name="reason" label={t("quotas.reasonField")} multiline required />
        </ActionForm>
      </div>
    </Section>
  );
}

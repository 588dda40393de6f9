// The structure's referents (its accounts): each can be deactivated or reactivated, and more invited once
// the first one came with the onboarding's account step.
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import { formatMoment } from "@/lib/format/dates";
import { card, Section, type FormAction, type StructureFile } from "../section";

export async function ReferentsSection({ structure, setActive, invite }: { structure: StructureFile; setActive: FormAction; invite: FormAction }) {
  const t = await getTranslations("structuresAdmin.structure");
  return (
    <Section id="referents">
      {structure.referents.length === 0 ? (
        <p>{t("referents.empty")}</p>
      ) : (
        <ul className="divide-y divide-brand-100 rounded-lg border border-brand-100">
          {structure.referents.map((referent) => (
            <li key={referent.id} className="flex flex-wrap items-start justify-between gap-3 p-3">
              <div>
                <p className="font-semibold">{referent.name}</p>
                <p className="text-sm">
                  <a href={`mailto:${referent.email}`} className="underline">
                    {referent.email}
                  </a>
                </p>
                <p className="text-sm">
                  {!referent.active ? t("referents.inactive") : referent.pending ? t("referents.pending") : t("referents.active")}
                  {referent.lastSignInAt ? ` · ${t("referents.lastSignIn", { date: formatMoment(referent.lastSignInAt) })}` : null}
                </p>
              </div>
              <ActionForm
                action={setActive}
                submit={referent.active ? t("referents.deactivate", { name: referent.name }) : t("referents.reactivate", { name: referent.name })}
                confirm={
                  referent.active ? t("referents.deactivateConfirm", { name: referent.name }) : t("referents.reactivateConfirm", { name: referent.name })
                }
                danger={referent.active}
                className="space-y-2"
              >
                <input type="hidden" name="partnerId" value={structure.id} />
                <input type="hidden" name="userId" value={referent.id} />
                <input type="hidden" name="active" value={referent.active ? "false" : "true"} />
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      {/* Before its account step, a structure's first referent comes with that step (it moves the stage on). */}
      {structure.referents.length === 0 && structure.stage !== "ACCOUNT_CREATED" && structure.stage !== "TRAINED" ? (
        <p className="text-sm">{t("referents.firstHint")}</p>
      ) : (
        <div className={card}>
          <h3 className="text-lg font-semibold">{structure.referents.length ? t("referents.inviteTitle") : t("referents.inviteFirstTitle")}</h3>
          <p>{t("referents.inviteHelp")}</p>
          <ActionForm action={invite} submit={t("referents.invite")} resetOnSuccess>
            <input type="hidden" name="partnerId" value={structure.id} />
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField name="name" label={t("referents.name")} required />
              <TextField name="email" type="email" label={t("referents.email")} required />
            </div>
          </ActionForm>
        </div>
      )}
    </Section>
  );
}

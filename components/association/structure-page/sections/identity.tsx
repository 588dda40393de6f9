// The structure's identity card as the association keeps it (name, sector, address, contact, notes).
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";
import { SECTORS } from "@/lib/association/partnership";
import { card, Section, type FormAction, type StructureFile } from "../section";

export async function IdentitySection({ structure, update }: { structure: StructureFile; update: FormAction }) {
  const t = await getTranslations("structuresAdmin.structure");
  const labels = await getTranslations("associationLabels");
  return (
    <Section id="fiche">
      <div className={card}>
        <ActionForm action={update} submit={t("identity.save")}>
          <input type="hidden" name="partnerId" value={structure.id} />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField name="name" label={t("identity.name")} defaultValue={structure.name} required />
            <SelectField
              name="sector"
              label={t("identity.sector")}
              defaultValue={structure.sector}
              options={SECTORS.map((sector): [string, string] => [sector, labels(`sector.${sector}`)])}
            />
            <TextField name="addressLine" label={t("identity.addressLine")} defaultValue={structure.addressLine} />
            <TextField name="postalCode" label={t("identity.postalCode")} defaultValue={structure.postalCode} />
            <TextField name="city" label={t("identity.city")} defaultValue={structure.city} />
            <TextField name="area" label={t("identity.area")} defaultValue={structure.area} />
            <TextField name="phone" type="tel" label={t("identity.phone")} defaultValue={structure.phone} />
            <TextField name="email" type="email" label={t("identity.email")} defaultValue={structure.email} />
          </div>
          <TextField name="notes" label={t("identity.notes")} defaultValue={structure.notes} multiline />
        </ActionForm>
      </div>
    </Section>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";
import { VenueProfileFields } from "@/components/venue/venue-profile-fields";
import { requireUser } from "@/lib/auth/current";
import { pickVenue } from "@/lib/venue/pick-venue";
import { getVenueProfile } from "@/lib/venue/profile";
import { setQuotaAction, updateProfileAction } from "../actions";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("venueProfile") };
}

export default async function VenueProfilePage({ searchParams }: { searchParams: Promise<{ lieu?: string }> }) {
  const actor = await requireUser("/lieu/profil", "VENUE", "ADMIN");
  const picked = await pickVenue(actor, (await searchParams).lieu);
  if (!picked) notFound();
  const venue = await getVenueProfile(actor, picked.id);
  const t = await getTranslations("venue");
  const hidden = <input type="hidden" name="venueId" value={venue.id} />;
  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES]}>
      <div className="max-w-3xl space-y-10">
        <section aria-labelledby="quota" className="space-y-3 rounded-lg bg-brand-50 p-4">
          <h1 id="quota" className="text-3xl font-bold text-brand-800">
            {t("quota.title")}
          </h1>
          <p>{t("quota.lead")}</p>
          <ActionForm action={setQuotaAction} submit={t("quota.save")}>
            {hidden}
            <div className="grid gap-3 sm:grid-cols-3">
              <SelectField
                name="period"
                label={t("quota.period")}
                defaultValue={venue.quotaRule?.period ?? "NONE"}
                options={[
                  ["NONE", t("quota.none")],
                  ["SESSION", t("quota.SESSION")],
                  ["MONTH", t("quota.MONTH")],
                  ["SEASON", t("quota.SEASON")],
                ]}
              />
              <TextField name="maxPlaces" label={t("quota.maxPlaces")} type="number" defaultValue={venue.quotaRule?.maxPlaces ?? 4} />
              <TextField name="liftDaysBefore" label={t("quota.liftDaysBefore")} type="number" defaultValue={venue.quotaRule?.liftDaysBefore} />
            </div>
          </ActionForm>
        </section>
        <section aria-labelledby="profil" className="space-y-3">
          <h2 id="profil" className="text-2xl font-semibold">
            {t("profileForm.title")}
          </h2>
          <ActionForm action={updateProfileAction} submit={t("profileForm.save")}>
            {hidden}
            <VenueProfileFields venue={venue} />
          </ActionForm>
        </section>
      </div>
    </ClientMessages>
  );
}

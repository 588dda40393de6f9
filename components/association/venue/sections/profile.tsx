// The venue's card (address, access, contacts, the ticket office printed on invitations), and its edit form.
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { VenueProfileFields } from "@/components/venue/venue-profile-fields";
import { box, h2, type Action, type VenueForAssociation } from "./types";
import { VenueIdField } from "./venue-id-field";

export async function ProfileSection({ venue, update }: { venue: VenueForAssociation; update: Action }) {
  const t = await getTranslations("venuesAdmin");
  const hidden = <VenueIdField venueId={venue.id} />;
  const none = <span className="text-gray-700">{t("none")}</span>;
  return (
    <section aria-labelledby="fiche" className={box}>
      <h2 id="fiche" className={h2}>
        {t("profileTitle")}
      </h2>
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
        <div>
          <dt className="font-semibold">{t("address")}</dt>
          <dd>
            {venue.addressLine}, {venue.postalCode} {venue.city}
            {venue.area ? ` (${venue.area})` : ""}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">{t("accessInfo")}</dt>
          <dd className="whitespace-pre-line">{venue.accessInfo ?? none}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("contact")}</dt>
          <dd>{[venue.phone, venue.email].filter(Boolean).join(" · ") || none}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("ticketOffice")}</dt>
          <dd>{[venue.ticketOfficeName, venue.ticketOfficePhone, venue.ticketOfficeEmail].filter(Boolean).join(" · ")}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("website")}</dt>
          <dd>
            {venue.website ? (
              <a href={venue.website} className="break-all text-brand-800 underline" rel="noopener noreferrer" target="_blank">
                {venue.website}
                <span className="sr-only"> {t("newWindow")}</span>
              </a>
            ) : (
              none
            )}
          </dd>
        </div>
      </dl>
      <details className="rounded-md border border-gray-300 p-3">
        <summary className="cursor-pointer font-semibold text-brand-800">{t("edit")}</summary>
        <ActionForm action={update} submit={t("save")} className="mt-3 space-y-3">
          {hidden}
          <VenueProfileFields venue={venue} withKind />
        </ActionForm>
      </details>
    </section>
  );
}

// A venue's own words on a person's page (issue 34.3): in French, said so in the page's language when the
// page is in another one, and marked lang="fr" so that a screen reader reads them with a French voice.
import { getLanguage, getTranslations } from "@/lib/i18n/server";
import { venueText } from "@/lib/i18n/venue-text";

export async function VenueText({ text, className }: { text: string; className?: string }) {
  const language = await getLanguage();
  const shown = venueText(text, language);
  const t = await getTranslations("language");
  return (
    <>
      {shown.lang !== language ? <p className="text-base font-semibold text-brand-800">{t("venueText")}</p> : null}
      <p lang={shown.lang === language ? undefined : shown.lang} dir="auto" className={className}>
        {shown.text}
      </p>
    </>
  );
}

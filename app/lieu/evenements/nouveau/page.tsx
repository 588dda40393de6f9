import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { EventFields } from "@/components/venue/event-fields";
import { requireUser } from "@/lib/auth/current";
import { pickVenue } from "@/lib/venue/pick-venue";
import { createEventAction } from "../../actions";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("newEvent") };
}

export default async function NewEventPage({ searchParams }: { searchParams: Promise<{ lieu?: string }> }) {
  const actor = await requireUser("/lieu/evenements/nouveau", "VENUE", "ADMIN");
  const venue = await pickVenue(actor, (await searchParams).lieu);
  if (!venue) notFound();
  const t = await getTranslations("venue");
  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES]}>
      <div className="max-w-3xl space-y-6">
        <h1 className="text-3xl font-bold text-brand-800">{t("newEvent")}</h1>
        <p>{venue.name}</p>
        <ActionForm action={createEventAction} submit={t("form.create")} schema="event">
          <input type="hidden" name="venueId" value={venue.id} />
          <EventFields />
        </ActionForm>
      </div>
    </ClientMessages>
  );
}

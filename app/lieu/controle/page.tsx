import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { DoorCheck } from "@/components/venue/door-check";
import { OfflineDoor } from "@/components/venue/door-offline/offline-door";
import { RegisterDoorWorker } from "@/components/venue/door-offline/register-worker";
import { requireUser } from "@/lib/auth/current";
import { pickVenue } from "@/lib/venue/pick-venue";
import { checkInvitationAction, markArrivedAction, syncArrivalsAction } from "../actions";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  // The door check installs as an app of its own (issue 32.4): app/manifest.ts.
  return { title: (await getTranslations("pageTitles"))("doorCheck"), manifest: "/manifest.webmanifest" };
}

export default async function DoorCheckPage({ searchParams }: { searchParams: Promise<{ lieu?: string }> }) {
  const actor = await requireUser("/lieu/controle", "VENUE", "ADMIN");
  const [t, venue] = await Promise.all([getTranslations("venue.door"), pickVenue(actor, (await searchParams).lieu)]);
  return (
    <ClientMessages namespaces={["venue.door"]}>
      <div className="space-y-4">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <p>{t("lead")}</p>
        <DoorCheck check={checkInvitationAction} mark={markArrivedAction} />
        {venue ? <OfflineDoor venueId={venue.id} sync={syncArrivalsAction} /> : null}
        <RegisterDoorWorker />
      </div>
    </ClientMessages>
  );
}

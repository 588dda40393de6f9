import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { DoorCheck } from "@/components/venue/door-check";
import { requireUser } from "@/lib/auth/current";
import { checkInvitationAction, markArrivedAction } from "../actions";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("doorCheck") };
}

export default async function DoorCheckPage() {
  await requireUser("/lieu/controle", "VENUE", "ADMIN");
  const t = await getTranslations("venue.door");
  return (
    <ClientMessages namespaces={["venue.door"]}>
      <div className="space-y-4">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <p>{t("lead")}</p>
        <DoorCheck check={checkInvitationAction} mark={markArrivedAction} />
      </div>
    </ClientMessages>
  );
}

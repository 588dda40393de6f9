import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Mon lieu" };

export default async function VenueHome() {
  await requireUser("/lieu", "VENUE", "ADMIN");
  const t = await getTranslations("homes");
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold text-brand-800">{t("venue")}</h1>
      <p>{t("venueLead")}</p>
    </div>
  );
}

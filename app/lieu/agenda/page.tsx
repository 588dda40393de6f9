// The venue's season from its own agenda (issue 33.1): a table of contents of its sections. The association
// reaches it for a venue from the venue's page (?lieu=).
import type { Metadata } from "next";
import Link from "next/link";
import { ClientMessages } from "@/components/i18n/client-messages";
import { LinkSection } from "@/components/venue/season/sections/link";
import { PreviewSection } from "@/components/venue/season/sections/preview";
import { ToConfirmSection } from "@/components/venue/season/sections/to-confirm";
import { actionFailure } from "@/lib/actions/result";
import { requireUser } from "@/lib/auth/current";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { pickVenue } from "@/lib/venue/pick-venue";
import { getSeasonSource, previewSeasonImport } from "@/lib/venue/season/sources";
import type { PlanRow } from "@/lib/venue/season/plan";
import {
  confirmSourceCancellationAction,
  importSeasonAction,
  keepSourceCancelledSessionAction,
  linkSeasonSourceAction,
  unlinkSeasonSourceAction,
} from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("venueSeason") };
}

export default async function SeasonPage({ searchParams }: { searchParams: Promise<{ lieu?: string; apercu?: string }> }) {
  const actor = await requireUser("/lieu/agenda", "VENUE", "ADMIN");
  const query = await searchParams;
  const venue = await pickVenue(actor, query.lieu);
  const t = await getTranslations("seasonImport");
  if (!venue) return <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>;
  const source = await getSeasonSource(actor, venue.id);
  let rows: PlanRow[] | null = null;
  let refusal: string | null = null;
  if (source && query.apercu) {
    try {
      rows = await previewSeasonImport(actor, { venueId: venue.id });
    } catch (error) {
      refusal = (await actionFailure(error)).message ?? null;
    }
  }
  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES]}>
      <div className="space-y-10">
        <p>
          <Link href={`/lieu?lieu=${venue.id}`} className="font-semibold text-brand-800 underline">
            {t("back")}
          </Link>
        </p>
        <header className="space-y-2">
          <h1 className="text-3xl font-bold text-brand-800">{t("heading", { venue: venue.name })}</h1>
          <p>{t("lead")}</p>
        </header>
        <LinkSection venueId={venue.id} source={source} link={linkSeasonSourceAction} unlink={unlinkSeasonSourceAction} />
        {source ? (
          <PreviewSection venueId={venue.id} synced={Boolean(source.lastSyncedAt)} rows={rows} refusal={refusal} importSeason={importSeasonAction} />
        ) : null}
        {source ? <ToConfirmSection sessions={source.toConfirm} cancel={confirmSourceCancellationAction} keep={keepSourceCancelledSessionAction} /> : null}
      </div>
    </ClientMessages>
  );
}

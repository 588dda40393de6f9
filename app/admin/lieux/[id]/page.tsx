import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { z } from "zod";
import { AccessibilitySection } from "@/components/association/venue/sections/accessibility";
import { ActSection } from "@/components/association/venue/sections/act";
import { EventsSection } from "@/components/association/venue/sections/events";
import { JournalSection } from "@/components/association/venue/sections/journal";
import { ManagersSection } from "@/components/association/venue/sections/managers";
import { ProfileSection } from "@/components/association/venue/sections/profile";
import { QuotaSection } from "@/components/association/venue/sections/quota";
import { SessionsSection } from "@/components/association/venue/sections/sessions";
import { journalFiltersSchema, listJournal } from "@/lib/association/journal";
import { getVenueForAssociation } from "@/lib/association/venues";
import type { Actor } from "@/lib/auth/actor";
import { currentActor, requireUser } from "@/lib/auth/current";
import { loadOr404 } from "@/lib/http/load-or-404";
import { organisationTitle } from "@/lib/page-titles";
import { listVenueEvents } from "@/lib/venue/events";
import { isUuid } from "@/lib/validation";
import { urlPage } from "@/lib/lists";
import { inviteManagerAction, setManagerActiveAction, setVenueQuotaAction, updateVenueAction } from "../actions";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";

// One read per request for the title and the page (React's cache).
const read = cache((actor: Actor, id: string) => getVenueForAssociation(actor, id));
const load = (actor: Actor, id: string) => loadOr404(read(actor, id));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [{ id }, actor, t] = await Promise.all([params, currentActor(), getTranslations("pageTitles")]);
  // Anyone but the association is refused by the loader itself, and gets the neutral title.
  return { title: await organisationTitle(() => read(actor, id), "venueNeutral", t) };
}

export default async function VenueAdminPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const actor = await requireUser(`/admin/lieux/${id}`, "ADMIN");
  if (!isUuid(id)) notFound();
  const query = await searchParams;
  const { page } = z.object({ page: urlPage() }).parse(query);
  const venue = await load(actor, id);
  const [events, journal] = await Promise.all([
    listVenueEvents(actor, id, { page }),
    listJournal(actor, journalFiltersSchema.parse({ venue: id }), { pageSize: 10 }),
  ]);
  const t = await getTranslations("venuesAdmin");
  const season = await getTranslations("seasonImport");

  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES]}>
      <div className="space-y-10">
        <p>
          <Link href="/admin/lieux" className="font-semibold text-brand-800 underline">
            {t("back")}
          </Link>
        </p>
        <header className="space-y-3">
          <p className="font-semibold uppercase text-brand-700">
            {t(`kinds.${venue.kind}`)} · {venue.city}
          </p>
          <h1 className="text-3xl font-bold text-brand-800">{venue.name}</h1>
          {query.cree ? (
            <p role="status" className="rounded-lg bg-green-50 p-4 font-semibold text-green-900">
              {t("created")}
            </p>
          ) : null}
          <p>{t("summary", { managers: venue.managers.filter((m) => m.active).length, sessions: venue.upcomingSessions })}</p>
          <p>
            <Link href={`/lieu/agenda?lieu=${venue.id}`} className="font-semibold text-brand-800 underline">
              {season("adminLink")}
            </Link>
          </p>
        </header>
        <ActSection venue={venue} />
        <ProfileSection venue={venue} update={updateVenueAction} />
        <AccessibilitySection venue={venue} />
        <QuotaSection venue={venue} setQuota={setVenueQuotaAction} />
        <ManagersSection venue={venue} userId={actor.userId} setActive={setManagerActiveAction} invite={inviteManagerAction} />
        <EventsSection venue={venue} events={events} />
        <SessionsSection venue={venue} />
        <JournalSection venue={venue} journal={journal} />
      </div>
    </ClientMessages>
  );
}

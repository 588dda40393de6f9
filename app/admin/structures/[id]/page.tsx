// A partner structure's page for the association: a table of contents, then its sections, each a component
// of components/association/structure-page/sections (this page loads the data and hands them the actions).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { cache } from "react";
import { SECTION_IDS } from "@/components/association/structure-page/section";
import { BookingsSection } from "@/components/association/structure-page/sections/bookings";
import { ConventionsSection } from "@/components/association/structure-page/sections/conventions";
import { HistorySection } from "@/components/association/structure-page/sections/history";
import { IdentitySection } from "@/components/association/structure-page/sections/identity";
import { JournalSection } from "@/components/association/structure-page/sections/journal";
import { MembershipsSection } from "@/components/association/structure-page/sections/memberships";
import { OnboardingStepSection } from "@/components/association/structure-page/sections/onboarding-step";
import { QuotasSection } from "@/components/association/structure-page/sections/quotas";
import { ReferentsSection } from "@/components/association/structure-page/sections/referents";
import { RequestsSection } from "@/components/association/structure-page/sections/requests";
import { Summary } from "@/components/association/structure-page/sections/summary";
import { VisitorAccessSection } from "@/components/association/structure-page/sections/visitor-access";
import { listJournal } from "@/lib/association/journal";
import { getStructure } from "@/lib/association/structures";
import type { Actor } from "@/lib/auth/actor";
import { searchChoicesAction } from "@/app/admin/choices-actions";
import { currentActor, requireUser } from "@/lib/auth/current";
import { NotFoundError } from "@/lib/errors";
import { organisationTitle } from "@/lib/page-titles";
import {
  addConventionAction,
  grantQuotaExceptionAction,
  inviteReferentAction,
  recordStepAction,
  revokeQuotaExceptionAction,
  setReferentActiveAction,
  updateStructureAction,
} from "../actions";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";

// Once per request, for the page and its title.
const read = cache((actor: Actor, id: string) => getStructure(actor, id));
const load = async (actor: Actor, id: string) => {
  try {
    return await read(actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
};

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [{ id }, actor, t] = await Promise.all([params, currentActor(), getTranslations("pageTitles")]);
  // Anyone but the association is refused by the loader itself, and gets the neutral title.
  return { title: await organisationTitle(() => read(actor, id), "structureNeutral", t) };
}

export default async function StructurePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireUser(`/admin/structures/${id}`, "ADMIN");
  const structure = await load(actor, id);
  const journal = await listJournal(actor, { partner: structure.id, page: 1 }, { pageSize: 10 });
  const t = await getTranslations("structuresAdmin.structure");
  const now = new Date();
  const latestConvention = structure.conventions.reduce<Date | null>((latest, c) => (!latest || c.validUntil > latest ? c.validUntil : latest), null);

  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES, "choicePicker"]}>
      <div className="space-y-10">
        <p>
          <Link href="/admin/structures" className="text-brand-800 underline">
            {t("back")}
          </Link>
        </p>
        <Summary structure={structure} latestConvention={latestConvention} now={now} />
        <nav aria-label={t("toc")}>
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            {SECTION_IDS.map((section) => (
              <li key={section}>
                <a href={`#${section}`} className="text-brand-800 underline">
                  {t(`sections.${section}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <OnboardingStepSection structure={structure} now={now} recordStep={recordStepAction} />
        <HistorySection structure={structure} />
        <ConventionsSection structure={structure} latestConvention={latestConvention} now={now} addConvention={addConventionAction} />
        <ReferentsSection structure={structure} setActive={setReferentActiveAction} invite={inviteReferentAction} />
        <VisitorAccessSection structure={structure} />
        <BookingsSection structure={structure} />
        <MembershipsSection structure={structure} />
        <QuotasSection
          structure={structure}
          now={now}
          grant={grantQuotaExceptionAction}
          revoke={revokeQuotaExceptionAction}
          searchChoices={searchChoicesAction}
        />
        <IdentitySection structure={structure} update={updateStructureAction} />
        <RequestsSection structure={structure} />
        <JournalSection structure={structure} entries={journal.entries} />
      </div>
    </ClientMessages>
  );
}

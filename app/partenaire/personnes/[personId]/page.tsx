import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { ArchivePersonForm, PersonForm } from "@/components/partner/person-form";
import { currentActor } from "@/lib/auth/current";
import { loadOr404 } from "@/lib/http/load-or-404";
import { formatSessionShort } from "@/lib/format/dates";
import { getPerson } from "@/lib/people/people";
import { archivePersonAction, recordPersonMobileAction, updatePersonAction, withdrawPersonMobileAction } from "../actions";
import { MobileSection } from "@/components/partner/person/sections/mobile";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";

// Not the person's name, on purpose: a title stays in the browser's history, in the list of tabs and in
// bookmarks, on a computer a social service's team often shares, and it may be read aloud or shown while
// sharing a screen. The name is personal data of someone supported by the structure: it is on the page,
// for whoever opened it, and nowhere else. So the same title for every person.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("person") };
}

export default async function PersonPage({ params }: { params: Promise<{ personId: string }> }) {
  const { personId } = await params;
  const actor = await currentActor();
  if (actor.kind === "anonymous") redirect(`/connexion?suite=/partenaire/personnes/${personId}`);
  const person = await loadOr404(getPerson(actor, personId), { malformedToo: true });
  const t = await getTranslations("people");
  const status = await getTranslations("bookingPage");
  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES, "people", "sms.consent"]}>
      <div className="space-y-8">
        <p>
          <Link href="/partenaire/personnes" className="font-semibold text-brand-800 underline">
            {t("back")}
          </Link>
        </p>
        <h1 className="text-3xl font-bold text-brand-800">
          {person.firstName} {person.lastName}
        </h1>
        <section aria-labelledby="modifier" className="space-y-3">
          <h2 id="modifier" className="text-xl font-semibold">
            {t("edit")}
          </h2>
          <PersonForm save={updatePersonAction} person={person} />
        </section>
        <MobileSection actor={actor} personId={person.id} record={recordPersonMobileAction} withdraw={withdrawPersonMobileAction} />
        <section aria-labelledby="sorties" className="space-y-3">
          <h2 id="sorties" className="text-xl font-semibold">
            {t("outingsTitle")}
          </h2>
          {person.outingList.length === 0 ? (
            <p>{t("noOutings")}</p>
          ) : (
            <ul className="space-y-2">
              {person.outingList.map((outing) => (
                <li key={outing.bookingId}>
                  <Link href={`/partenaire/reservations/${outing.bookingId}`} className="underline">
                    {outing.eventTitle}
                  </Link>{" "}
                  — {formatSessionShort(outing.startsAt)}, {outing.venueName} ({status(`status.${outing.status}`)})
                </li>
              ))}
            </ul>
          )}
        </section>
        <ArchivePersonForm personId={person.id} archive={archivePersonAction} />
      </div>
    </ClientMessages>
  );
}

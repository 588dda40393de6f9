import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { currentActor, homeOf } from "@/lib/auth/current";
import { getReferentContact } from "@/lib/auth/visitor";
import { cookies } from "next/headers";
import { READING_MODE_COOKIE, readsEasy } from "@/lib/catalog/reading-mode";
import { EasyReferent } from "@/components/easy/easy-referent";
import { Isolated } from "@/components/i18n/isolated";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("myReferent") };
}

export default async function ReferentPage() {
  const actor = await currentActor();
  if (actor.kind === "anonymous") redirect("/connexion?suite=/mon-referent");
  if (actor.kind !== "visitor" && !(actor.kind === "user" && actor.role === "PARTNER")) redirect(homeOf(actor));
  const contact = await getReferentContact(actor);
  // The people supported read it in easy words, as the offer (issue 29.3); a referent checking it, as written for staff.
  if (readsEasy(actor, (await cookies()).get(READING_MODE_COOKIE)?.value)) return <EasyReferent contact={contact} />;
  const t = await getTranslations("visitor");
  const nav = await getTranslations("nav");
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-3xl font-bold text-brand-800">{t("referentTitle")}</h1>
      <p className="text-lg">{t("referentLead")}</p>
      <div className="space-y-2 rounded-lg bg-brand-50 p-4 text-lg">
        <p className="text-xl font-semibold">{contact.name}</p>
        {contact.phone ? (
          <p>
            {t("phone")} :{" "}
            <a href={`tel:${contact.phone.replace(/\s/g, "")}`} className="font-semibold underline">
              <Isolated ltr>{contact.phone}</Isolated>
            </a>
          </p>
        ) : null}
        {contact.email ? (
          <p>
            {t("mail")} :{" "}
            <a href={`mailto:${contact.email}`} className="font-semibold underline">
              <Isolated ltr>{contact.email}</Isolated>
            </a>
          </p>
        ) : null}
      </div>
      <p>
        <Link href="/offre" className="font-semibold text-brand-800 underline">
          {nav("offer")}
        </Link>
      </p>
    </div>
  );
}

// "Mon référent" for the people supported (issue 29.3): in easy-to-read words ("tu", one idea per line), a
// pictogram beside each way to reach the structure, and "Écouter", as on the offer (decision 012).
import Link from "next/link";
import { IconMail, IconPhone } from "@tabler/icons-react";
import { getTranslations } from "@/lib/i18n/server";
import { ListenButton } from "@/components/easy/listen-button";
import { Isolated } from "@/components/i18n/isolated";

export async function EasyReferent({ contact }: { contact: { name: string; phone: string | null; email: string | null } }) {
  const t = await getTranslations("easy");
  const lead = t.raw("referent.lead") as string[];
  const heard = [t("referent.heard", { name: contact.name }), ...lead, contact.phone ? `${t("referent.call")} ${contact.phone}` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="max-w-xl space-y-5 text-xl leading-relaxed">
      <h1 className="text-4xl font-bold text-brand-800">{t("referent.title")}</h1>
      {lead.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <div className="space-y-3 rounded-2xl bg-brand-50 p-5">
        <p className="text-2xl font-bold">{contact.name}</p>
        {contact.phone ? (
          <p className="flex items-center gap-3">
            <IconPhone size={32} aria-hidden="true" />
            <span>
              {t("referent.call")}{" "}
              <a href={`tel:${contact.phone.replace(/\s/g, "")}`} className="font-bold underline">
                <Isolated ltr>{contact.phone}</Isolated>
              </a>
            </span>
          </p>
        ) : null}
        {contact.email ? (
          <p className="flex items-center gap-3">
            <IconMail size={32} aria-hidden="true" />
            <span className="wrap-anywhere">
              {t("referent.write")}{" "}
              <a href={`mailto:${contact.email}`} className="font-bold underline">
                <Isolated ltr>{contact.email}</Isolated>
              </a>
            </span>
          </p>
        ) : null}
        <ListenButton text={heard} labels={{ listen: t("listen"), stop: t("stop"), context: t("referent.title"), unavailable: t("cannotSpeak") }} />
      </div>
      <p>
        <Link href="/offre" className="inline-flex min-h-12 items-center rounded-full bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800">
          {t("back")}
        </Link>
      </p>
    </div>
  );
}

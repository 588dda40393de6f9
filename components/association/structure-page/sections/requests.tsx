// The "become a partner" requests the structure sent, as they were typed (lib/association/partnership.ts).
import { getTranslations } from "@/lib/i18n/server";
import { formatMoment } from "@/lib/format/dates";
import { card, Section, type StructureFile } from "../section";

export async function RequestsSection({ structure }: { structure: StructureFile }) {
  const t = await getTranslations("structuresAdmin.structure");
  const labels = await getTranslations("associationLabels");
  return (
    <Section id="demandes">
      {structure.requests.length === 0 ? (
        <p>{t("requests.empty")}</p>
      ) : (
        <ul className="space-y-3">
          {structure.requests.map((request) => (
            <li key={request.id} className={card}>
              <h3 className="font-semibold">{t("requests.receivedOn", { date: formatMoment(request.createdAt) })}</h3>
              <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
                <dt className="font-semibold">{t("requests.structure")}</dt>
                <dd>{[request.structureName, labels(`sector.${request.sector}`), request.city].filter(Boolean).join(" · ")}</dd>
                <dt className="font-semibold">{t("requests.contact")}</dt>
                <dd>{request.contactRole ? `${request.contactName} (${request.contactRole})` : request.contactName}</dd>
                <dt className="font-semibold">{t("requests.email")}</dt>
                <dd>
                  <a href={`mailto:${request.email}`} className="underline">
                    {request.email}
                  </a>
                </dd>
                <dt className="font-semibold">{t("requests.phone")}</dt>
                <dd>
                  {request.phone ? (
                    <a href={`tel:${request.phone.replace(/[^\d+]/g, "")}`} className="underline">
                      {request.phone}
                    </a>
                  ) : (
                    "—"
                  )}
                </dd>
                <dt className="font-semibold">{t("requests.message")}</dt>
                <dd className="whitespace-pre-line">{request.message ?? t("requests.noMessage")}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

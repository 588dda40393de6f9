// The structure that booked, and how to reach it (the association often calls back about a booking).
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { link, type AssociationBooking } from "./types";

export async function StructureSection({ partner }: { partner: AssociationBooking["partner"] }) {
  const t = await getTranslations("bookingsAdmin.booking");
  return (
    <section aria-labelledby="structure" className="space-y-3">
      <h2 id="structure" className="text-2xl font-semibold">
        {t("structureTitle")}
      </h2>
      <p>
        <Link href={`/admin/structures/${partner.id}`} className={link}>
          {t("structurePage", { name: partner.name })}
        </Link>
      </p>
      <dl className="grid gap-4 sm:grid-cols-2">
        <div>
          <dt className="font-semibold">{t("phone")}</dt>
          <dd>
            {partner.phone ? (
              <a
                href={`tel:${partner.phone.replace(/[^\d+]/g, "")}`}
                className={link}
                aria-label={t("callStructure", { name: partner.name, phone: partner.phone })}
              >
                {partner.phone}
              </a>
            ) : (
              t("notGiven")
            )}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">{t("email")}</dt>
          <dd className="break-words">
            {partner.email ? (
              <a href={`mailto:${partner.email}`} className={link} aria-label={t("mailStructure", { name: partner.name, email: partner.email })}>
                {partner.email}
              </a>
            ) : (
              t("notGiven")
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}

// How many people the structure supports (never who) and its bookings by status, with a link to them.
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { Section, type StructureFile } from "../section";

const STATUSES = ["CONFIRMED", "WAITLISTED", "CANCELLED"] as const;

export async function BookingsSection({ structure }: { structure: StructureFile }) {
  const t = await getTranslations("structuresAdmin.structure");
  const labels = await getTranslations("associationLabels");
  return (
    <Section id="reservations">
      <p>{t("people", { count: structure.people })}</p>
      <dl className="grid max-w-xl grid-cols-3 gap-3 text-center">
        {STATUSES.map((status) => (
          <div key={status} className="rounded-lg bg-brand-50 p-3">
            <dt className="text-sm">{labels(`bookingStatus.${status}`)}</dt>
            <dd className="text-2xl font-bold">{structure.bookings[status] ?? 0}</dd>
          </div>
        ))}
      </dl>
      <p>
        <Link href={`/admin/reservations?structure=${structure.id}`} className="font-semibold text-brand-800 underline">
          {t("bookingsLink", { name: structure.name })}
        </Link>
      </p>
    </Section>
  );
}

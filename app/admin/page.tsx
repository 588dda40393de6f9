import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminHome() {
  await requireUser("/admin", "ADMIN");
  const t = await getTranslations("homes");
  const nav = await getTranslations("nav");
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("admin")}</h1>
      <p>{t("adminLead")}</p>
      <ul className="flex flex-wrap gap-3">
        {(
          [
            ["/offre", "offer"],
            ["/comptes", "accounts"],
            ["/admin/courriels", "outbox"],
            ["/admin/donnees-personnelles", "retention"],
          ] as const
        ).map(([href, label]) => (
          <li key={href}>
            <Link href={href} className="block rounded-md border border-brand-700 px-4 py-3 font-semibold text-brand-800">
              {nav(label)}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold text-brand-800">{t("errors.notFoundTitle")}</h1>
      <p>{t("errors.notFoundText")}</p>
      <Link href="/" className="inline-block rounded-md bg-brand-700 px-4 py-3 font-semibold text-white">
        {t("common.backHome")}
      </Link>
    </div>
  );
}

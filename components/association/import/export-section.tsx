// Issue 31.2: "Exporter toutes les données": the admin types their password again; the ZIP comes from
// POST /admin/export/zip (a download, not a page), which lib/export decides on.
import { getTranslations } from "@/lib/i18n/server";

export async function ExportSection({ refused = false }: { refused?: boolean }) {
  const t = await getTranslations("dataExport");
  return (
    <section aria-labelledby="exporter" className="space-y-3">
      <h2 id="exporter" className="text-2xl font-semibold">
        {t("title")}
      </h2>
      <p>{t("lead")}</p>
      {refused && (
        <p role="alert" className="font-semibold text-red-800">
          {t("wrongPassword")}
        </p>
      )}
      <form method="post" action="/admin/export/zip" className="space-y-3">
        <p>
          <label htmlFor="export-password" className="block font-semibold">
            {t("password")}
          </label>
          <input id="export-password" name="password" type="password" required autoComplete="current-password" className="mt-1 rounded-md border px-3 py-2" />
        </p>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800">
          {t("submit")}
        </button>
      </form>
    </section>
  );
}

// Issue 31.1: the template of each kind of file, to download and fill.
import { getTranslations } from "@/lib/i18n/server";
import { IMPORT_KINDS } from "@/lib/import/kinds";

export async function TemplatesSection() {
  const t = await getTranslations("dataImport");
  return (
    <section aria-labelledby="modeles" className="space-y-2">
      <h2 id="modeles" className="text-2xl font-semibold">
        {t("templatesTitle")}
      </h2>
      <ul className="list-disc pl-6">
        {IMPORT_KINDS.map((kind) => (
          <li key={kind}>
            <a href={`/admin/import/modele/${kind}`} download className="text-brand-800 underline">
              {t(`templates.${kind}`)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

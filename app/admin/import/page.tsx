// Issue 31.1 and 31.2: bringing existing data in (templates, the file, its columns, the dry run, the
// import) and taking everything out. A table of contents of its sections.
import type { Metadata } from "next";
import { ImportForm } from "@/components/association/import/import-form";
import { applyImportAction, previewImportAction } from "./actions";
import { TemplatesSection } from "@/components/association/import/templates-section";
import { ExportSection } from "@/components/association/import/export-section";
import { requireUser } from "@/lib/auth/current";
import { getTranslations } from "@/lib/i18n/server";
import { importWords } from "@/components/association/import/words";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("dataImport") };
}

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("/admin/import", "ADMIN");
  const t = await getTranslations("dataImport");
  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <p>{t("lead")}</p>
      </header>
      <TemplatesSection />
      <ImportForm words={await importWords()} previewImportAction={previewImportAction} applyImportAction={applyImportAction} />
      <ExportSection refused={(await searchParams).export === "refuse"} />
    </div>
  );
}

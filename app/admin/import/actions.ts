"use server";

// Issue 31.1: the import's two buttons, "Voir ce qui sera importé" (the dry run) and "Importer". The same
// form carries the file, its kind, the column mapping and the invitation box each time: no server keeps
// a file between the two. Rights and checks are lib/import's.
import { revalidatePath } from "next/cache";
import { formAction, type FormInput } from "@/lib/actions/form-action";
import { getTranslations } from "@/lib/i18n/server";
import { applyImport, previewImport, type ImportPreview, type ImportState } from "@/lib/import/import";

async function importInput(input: FormInput) {
  const file = input.file instanceof File && input.file.size > 0 ? input.file : undefined;
  return {
    kind: input.kind,
    file: file ? new Uint8Array(await file.arrayBuffer()) : undefined,
    fileName: file?.name.slice(0, 200),
    mapping: typeof input.mapping === "object" && input.mapping !== null ? input.mapping : undefined,
    invite: input.invite === "oui",
  };
}

export const previewImportAction = formAction<ImportPreview, ImportState>({
  run: async (actor, input) => previewImport(actor, await importInput(input)),
  // The counts said on the server, where the catalog's plurals are read (the form only shows them).
  done: async (preview) => ({ ok: true, preview: { ...preview, summary: (await getTranslations("dataImport"))("counts", { ...preview.counts }) } }),
});

export const applyImportAction = formAction<Awaited<ReturnType<typeof applyImport>>, ImportState>({
  run: async (actor, input) => applyImport(actor, await importInput(input)),
  done: async ({ counts, invited, importId }) => {
    const t = await getTranslations("dataImport");
    revalidatePath("/admin/structures");
    revalidatePath("/admin/lieux");
    return { ok: true, message: importId ? t("done", { ...counts, invited }) : t("nothing", { ...counts }) };
  },
});

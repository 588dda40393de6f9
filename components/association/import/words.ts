// The import form's words, read on the server and handed to its client component (it needs no catalog
// of its own in the browser).
import "server-only";
import { getTranslations } from "@/lib/i18n/server";
import { IMPORT_KINDS } from "@/lib/import/kinds";

export async function importWords() {
  const t = await getTranslations("dataImport");
  const keys = [
    "kind",
    "file",
    "invite",
    "preview",
    "apply",
    "mappingTitle",
    "mappingLead",
    "noColumn",
    "previewTitle",
    "line",
    "name",
    "outcome",
    "details",
  ] as const;
  return {
    ...Object.fromEntries(keys.map((key) => [key, t(key)])),
    kinds: Object.fromEntries(IMPORT_KINDS.map((kind) => [kind, t(`kinds.${kind}`)])),
    actions: Object.fromEntries((["create", "update", "unchanged", "refuse"] as const).map((action) => [action, t(`actions.${action}`)])),
    /** With {create}… and {fields} left for the browser to fill. */
    missing: t.raw("missing") as string,
  } as ImportWords;
}

export interface ImportWords {
  kind: string;
  file: string;
  invite: string;
  preview: string;
  apply: string;
  mappingTitle: string;
  mappingLead: string;
  noColumn: string;
  previewTitle: string;
  line: string;
  name: string;
  outcome: string;
  details: string;
  kinds: Record<string, string>;
  actions: Record<string, string>;
  missing: string;
}

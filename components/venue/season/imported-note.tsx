// On the page of an event imported from the venue's agenda (issue 33.1): where it comes from, and which of
// its fields the venue changed here, which the nightly sync keeps (Event.editedFields).
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";

export async function ImportedNote({ venueId, editedFields }: { venueId: string; editedFields: string[] }) {
  const t = await getTranslations("seasonImport");
  const kept = editedFields.map((field) => t(`field.${field}`)).join(", ");
  return (
    <p className="text-sm">
      {t("importedFrom")} {kept ? t("fieldsKept", { fields: kept }) : t("nothingKept")}{" "}
      <Link href={`/lieu/agenda?lieu=${venueId}`} className="text-brand-800 underline">
        {t("homeLink")}
      </Link>
    </p>
  );
}

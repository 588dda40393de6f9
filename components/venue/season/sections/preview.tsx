// The season page: "Prévisualiser" (a plain link that reads the agenda and shows, row by row, what an
// import would create, change or cancel, writing nothing), then "Importer" / "Synchroniser maintenant"
// (issue 33.1). The plan is lib/venue/season's.
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { ScrollTable } from "@/components/scroll-table";
import type { ActionState } from "@/lib/actions/state";
import { formatSessionDate } from "@/lib/format/dates";
import { getTranslations } from "@/lib/i18n/server";
import type { PlanRow } from "@/lib/venue/season/plan";

export async function PreviewSection({
  venueId,
  synced,
  rows,
  refusal,
  importSeason,
}: {
  venueId: string;
  /** Imported once already: the button says "Synchroniser maintenant". */
  synced: boolean;
  /** Null: not asked for. */
  rows: PlanRow[] | null;
  /** Why the agenda could not be read, in French. */
  refusal: string | null;
  importSeason: (state: ActionState, data: FormData) => Promise<ActionState>;
}) {
  const t = await getTranslations("seasonImport");
  const fields = (list: string[]) => list.map((field) => t(`field.${field}`)).join(", ");
  const detail = (row: PlanRow) =>
    [
      row.change === "CREATED" ? t("newDraft") : null,
      row.fields.length ? t("fieldsChanged", { fields: fields(row.fields) }) : null,
      row.kept.length ? t("fieldsKept", { fields: fields(row.kept) }) : null,
      row.toConfirm ? t("toConfirmRow") : null,
    ]
      .filter(Boolean)
      .join(" ");
  return (
    <section aria-labelledby="importer" className="space-y-4">
      <h2 id="importer" className="text-2xl font-semibold">
        {t("importTitle")}
      </h2>
      <p>{t("importLead")}</p>
      <div className="flex flex-wrap items-start gap-3">
        <Link href={`/lieu/agenda?lieu=${venueId}&apercu=1#apercu`} className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800">
          {t("preview")}
        </Link>
        <ActionForm action={importSeason} submit={synced ? t("syncNow") : t("import")}>
          <input type="hidden" name="venueId" value={venueId} />
        </ActionForm>
      </div>
      {refusal ? (
        <p id="apercu" role="alert" className="rounded-lg bg-red-50 p-3 font-semibold text-red-900">
          {refusal}
        </p>
      ) : null}
      {rows ? (
        <div id="apercu" className="space-y-2">
          <h3 id="apercu-titre" className="text-xl font-semibold">
            {t("previewTitle")}
          </h3>
          {rows.length === 0 ? (
            <p role="status">{t("previewNone")}</p>
          ) : (
            <>
              <p role="status">{t("previewCount", { count: rows.length })}</p>
              <ScrollTable labelledBy="apercu-titre">
                <table className="w-full text-left">
                  <thead>
                    <tr className="border-b border-brand-100">
                      {(["change", "event", "date", "before", "detail"] as const).map((column) => (
                        <th key={column} scope="col" className="p-2">
                          {t(`column.${column}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row, index) => (
                      <tr key={index} className="border-b border-brand-100 align-top">
                        <th scope="row" className="p-2 font-semibold">
                          {t(`change.${row.change}`)}
                        </th>
                        <td className="p-2">{row.title}</td>
                        <td className="p-2">{row.startsAt ? formatSessionDate(row.startsAt) : ""}</td>
                        <td className="p-2">{row.previousStartsAt ? formatSessionDate(row.previousStartsAt) : ""}</td>
                        <td className="p-2">{detail(row)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollTable>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}

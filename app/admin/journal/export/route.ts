// GET /admin/journal/export?…: the audit log as filtered and sorted, as CSV (';', for a spreadsheet):
// every matching entry up to 50,000 rows, with what the journal's page shows and no more. Admin only:
// decided by lib/association/journal (journalCsv; readJournalFilters reads the URL's words); this route only answers.
import { getTranslations } from "@/lib/i18n/server";
import { journalCsv, readJournalFilters } from "@/lib/association/journal";
import { csvDownload } from "@/lib/http/csv-download";
import { parisDate } from "@/lib/time";

export function GET(request: Request) {
  return csvDownload(
    async (actor) => {
      const shared = await getTranslations("associationLabels");
      const journal = await getTranslations("journalAdmin");
      // An action's words come from the journal's catalog, the kinds of actor and of thing from the shared one.
      const labels = (key: string) => {
        const [translate, path] = key.startsWith("action.") ? [journal, `actions.${key.slice("action.".length)}`] : [shared, key];
        return translate.has(path) ? translate(path) : undefined;
      };
      const csv = await journalCsv(actor, readJournalFilters(new URL(request.url).searchParams), { labels });
      return { csv, filename: `journal-${parisDate(new Date())}.csv` };
    },
    { signedOut: "Connectez-vous pour télécharger le journal." },
  );
}

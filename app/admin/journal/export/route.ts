// GET /admin/journal/export?…: the audit log as filtered and sorted, as CSV (';', for a spreadsheet):
// every matching entry up to 50,000 rows, with what the journal's page shows and no more. Admin only:
// decided by lib/association/journal (journalCsv), which reads the filters too; this route only answers.
import { getTranslations } from "next-intl/server";
import { journalCsv } from "@/lib/association/journal";
import { currentActor } from "@/lib/auth/current";
import { AccessDeniedError } from "@/lib/errors";
import { parisDate } from "@/lib/time";

const TEXT = { "Content-Type": "text/plain; charset=utf-8" };

export async function GET(request: Request) {
  const actor = await currentActor();
  if (actor.kind === "anonymous") return new Response("Connectez-vous pour télécharger le journal.", { status: 401, headers: TEXT });
  const shared = await getTranslations("associationLabels");
  const journal = await getTranslations("journalAdmin");
  // An action's words come from the journal's catalog, the kinds of actor and of thing from the shared one.
  const labels = (key: string) => {
    const [translate, path] = key.startsWith("action.") ? [journal, `actions.${key.slice("action.".length)}`] : [shared, key];
    return translate.has(path) ? translate(path) : undefined;
  };
  try {
    const csv = await journalCsv(actor, Object.fromEntries(new URL(request.url).searchParams), { labels });
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="journal-${parisDate(new Date())}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AccessDeniedError) return new Response("Réservé à l'équipe de l'association.", { status: 403, headers: TEXT });
    throw error;
  }
}

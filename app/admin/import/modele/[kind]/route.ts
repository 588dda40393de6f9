// GET /admin/import/modele/<kind>: the template of a kind of file (lib/import/templates.ts), the
// association's alone (decided there).
import { csvDownload, plainAnswer } from "@/lib/http/csv-download";
import { NotFoundError } from "@/lib/errors";
import { importTemplate } from "@/lib/import/templates";

export async function GET(_request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  return csvDownload(async (actor) => {
    try {
      return importTemplate(actor, kind);
    } catch (error) {
      if (error instanceof NotFoundError) return plainAnswer("Ce modèle n'existe pas.", 404);
      throw error;
    }
  });
}

// POST /admin/export/zip (issue 31.2): every table as a ZIP, for the association once it has typed its
// password again. Who may is decided by lib/export (exportAllData); a wrong password goes back to the
// page with its sentence. Taken from this site's own page only.
import { currentActor } from "@/lib/auth/current";
import { AccessDeniedError, RuleViolation } from "@/lib/errors";
import { InvalidInput } from "@/lib/validation";
import { plainAnswer } from "@/lib/http/csv-download";
import { fromThisSite, SAME_ORIGIN_ONLY } from "@/lib/http/same-origin";
import { exportAllData } from "@/lib/export/export";

export async function POST(request: Request) {
  if (!fromThisSite(request.headers)) return plainAnswer(SAME_ORIGIN_ONLY, 403);
  const actor = await currentActor();
  if (actor.kind === "anonymous") return plainAnswer("Connectez-vous pour exporter les données.", 401);
  const form = await request.formData();
  try {
    const { zip, filename } = await exportAllData(actor, { password: form.get("password") ?? undefined });
    return new Response(new Uint8Array(zip), {
      headers: { "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    if (error instanceof AccessDeniedError) return plainAnswer("Réservé à l'équipe de l'association.", 403);
    if (error instanceof RuleViolation || error instanceof InvalidInput)
      return new Response(null, { status: 303, headers: { Location: "/admin/import?export=refuse#exporter" } });
    throw error;
  }
}

// A CSV download from a route handler, the same for every export: signed out → 401, refused by lib →
// 403, otherwise the file as an attachment, private and never cached. Who may download what is decided
// by the lib function the route's `build` calls (it throws AccessDeniedError), never here; `build` may
// also answer by itself (a 400 for a table that does not exist, a 404 for no venue).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/current";
import { AccessDeniedError } from "@/lib/errors";

const TEXT = { "Content-Type": "text/plain; charset=utf-8" };

export interface CsvFile {
  csv: string;
  /** The file's name, without any path: `reservations-2026-12-05.csv`. */
  filename: string;
}

export type SignedIn = Exclude<Actor, { kind: "anonymous" }>;

/** A plain-text answer in French, for what `build` refuses itself. */
export const plainAnswer = (text: string, status: number) => new Response(text, { status, headers: TEXT });

export async function csvDownload(
  build: (actor: SignedIn) => Promise<CsvFile | Response>,
  { signedOut = "Connectez-vous pour télécharger la liste.", refused = "Réservé à l'équipe de l'association." }: { signedOut?: string; refused?: string } = {},
): Promise<Response> {
  const actor = await currentActor();
  if (actor.kind === "anonymous") return plainAnswer(signedOut, 401);
  try {
    const file = await build(actor);
    if (file instanceof Response) return file;
    return new Response(file.csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AccessDeniedError) return plainAnswer(refused, 403);
    throw error;
  }
}

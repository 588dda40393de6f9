// Issue 31.2: "Exporter toutes les données", for the association alone, who types their password again
// (a session left open on a shared computer must not be enough to take everything out). Each export is
// written to the journal, whether it comes from the page or from `npm run data:export` (the system).
import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { parse } from "@/lib/validation";
import { getPrisma } from "@/lib/db/client";
import { RuleViolation } from "@/lib/errors";
import { buildExport } from "./build";

export const exportSchema = z.object({ password: z.string("validation.required").min(1, "validation.required").max(200, "validation.tooLong") });

export interface DataExport {
  zip: Buffer;
  /** `donnees-2026-12-06.zip` */
  filename: string;
}

const filenameOf = (at: Date) => `donnees-${at.toISOString().slice(0, 10)}.zip`;

async function exported(actor: Actor, at: Date): Promise<DataExport> {
  const { zip, rows } = await buildExport(at);
  await audit(getPrisma(), actor, { action: "data.exported", entityType: "Export", entityId: filenameOf(at), after: rows }, at);
  return { zip, filename: filenameOf(at) };
}

export async function exportAllData(actor: Actor, input: unknown, now = new Date()): Promise<DataExport> {
  ensure(isAdmin(actor) && actor.kind === "user", "Réservé à l'équipe de l'association.");
  const { password } = parse(exportSchema, input);
  const user = await getPrisma().user.findUnique({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    throw new RuleViolation("PASSWORD_MISMATCH", "Ce n'est pas votre mot de passe : rien n'a été exporté.");
  }
  return exported(actor, now);
}

/** The same from the server's command line (`npm run data:export`): whoever runs it already holds the database. */
export const exportFromCommandLine = (now = new Date()) => exported(systemActor, now);

// Issue 31: bringing data in and taking everything out, in the authorization matrix: the association's
// alone. The export asks for the admin's password again: the matrix's admin is given one first.
import { hashPassword } from "@/lib/auth/password";
import { getPrisma } from "@/lib/db/client";
import { exportAllData } from "@/lib/export/export";
import { applyImport, previewImport } from "@/lib/import/import";
import { importTemplate } from "@/lib/import/templates";
import type { MatrixWorld } from "../../factories/matrix";
import type { AuthorizationCase } from "./invitation.cases";

let hashed: Promise<string> | undefined;
const admin: AuthorizationCase<MatrixWorld>["allowed"] = ["admin"];
const file = () => new Uint8Array(Buffer.from("Nom;Secteur;Code postal\nFoyer de la matrice;Social;69001\n", "utf8"));

export const importExportCases: AuthorizationCase<MatrixWorld>[] = [
  { name: "preview an import (previewImport)", call: (actor) => previewImport(actor, { kind: "structures", file: file() }), allowed: admin },
  { name: "import a file (applyImport)", call: (actor) => applyImport(actor, { kind: "structures", file: file() }), allowed: admin },
  {
    name: "export every table (exportAllData)",
    // The password is given for the call and taken back after it (by SQL: no updatedAt moves), so that the
    // world is as it was whenever the export itself changes nothing (audit-atomicity.test.ts).
    call: async (actor) => {
      const admin = actor.kind === "user" && actor.role === "ADMIN" ? actor.userId : null;
      if (admin)
        await getPrisma().$executeRaw`UPDATE "User" SET "passwordHash" = ${await (hashed ??= hashPassword("matrice-export"))} WHERE "id" = ${admin}::uuid`;
      try {
        return await exportAllData(actor, { password: "matrice-export" });
      } finally {
        if (admin) await getPrisma().$executeRaw`UPDATE "User" SET "passwordHash" = NULL WHERE "id" = ${admin}::uuid`;
      }
    },
    allowed: admin,
  },
];

importExportCases.push({
  name: "the template of a file of structures (importTemplate)",
  call: async (actor) => importTemplate(actor, "structures"),
  allowed: admin,
});

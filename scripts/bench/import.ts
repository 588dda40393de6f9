// npm run bench:import [-- --json]
// Issue 31.1: a file of 5,000 structures (each with its convention, its stage and a referent) previewed,
// then imported, on its own embedded PostgreSQL that already holds 1,000 structures (a tenth of the rows
// find theirs and are updated). The target: the preview under 5 s, the import under 30 s.
import "../lib/allow-server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Actor } from "../../lib/auth/actor";
import { disconnectPrisma, getPrisma } from "../../lib/db/client";
import { ensureDatabase, startEmbeddedPostgres } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrations";
import { applyImport, previewImport } from "../../lib/import/import";

const json = process.argv.includes("--json");
const say = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);
const ROWS = 5_000;

function file(): Uint8Array {
  const lines = [
    "Nom;Secteur;SIRET;Adresse;Code postal;Ville;Téléphone;E-mail;Début de la convention;Fin de la convention;Étape;Référents;E-mails des référents",
  ];
  for (let i = 1; i <= ROWS; i++) {
    const siret = String(10_000_000_000_000 + i);
    lines.push(
      `Structure ${i};${["Social", "Insertion", "Soin", "Handicap", "Médico-social"][i % 5]};${siret};${i} rue de la Paix;${69000 + (i % 10)};Lyon;04 78 00 ${String(i % 100).padStart(2, "0")} 00;contact${i}@structure.test;01/09/2026;31/08/2029;Convention signée;Référent ${i};referent${i}@structure.test`,
    );
  }
  return new Uint8Array(Buffer.from(`\uFEFF${lines.join("\r\n")}`, "utf8"));
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "billetterie-bench-"));
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), port: 0, persistent: false });
  try {
    await ensureDatabase(server.url("postgres"), "bench");
    const url = server.url("bench");
    await applyMigrations(url);
    process.env.DATABASE_URL = url;
    const prisma = getPrisma();
    await prisma.$executeRawUnsafe(`
      INSERT INTO "Partner" ("id", "name", "sector", "siret", "postalCode", "city", "updatedAt")
      SELECT gen_random_uuid(), 'Structure ' || (i * 10), 'SOCIAL', (10000000000000 + i * 10)::text, '69000', 'Villeurbanne', now()
      FROM generate_series(1, 500) i`);
    await prisma.$executeRawUnsafe(`
      INSERT INTO "Partner" ("id", "name", "sector", "postalCode", "updatedAt")
      SELECT gen_random_uuid(), 'Autre structure ' || i, 'CARE', '75001', now() FROM generate_series(1, 500) i`);
    const admin = await prisma.user.create({ data: { email: "admin@bench.test", name: "Admin", role: "ADMIN" } });
    const actor: Actor = { kind: "user", userId: admin.id, role: "ADMIN" };
    const input = { kind: "structures", file: file(), fileName: "bench.csv" };

    let started = performance.now();
    const preview = await previewImport(actor, input);
    const previewMs = performance.now() - started;
    say(`preview: ${previewMs.toFixed(0)} ms (${JSON.stringify(preview.counts)})`);
    started = performance.now();
    const result = await applyImport(actor, input);
    const importMs = performance.now() - started;
    say(`import: ${importMs.toFixed(0)} ms (${JSON.stringify(result.counts)})`);
    started = performance.now();
    const again = await applyImport(actor, input);
    say(`second run: ${(performance.now() - started).toFixed(0)} ms (${JSON.stringify(again.counts)})`);
    say(`(${ROWS} rows over 1,000 structures already there; embedded PostgreSQL, ${os.cpus().length} cores)`);
    if (json) console.log(JSON.stringify({ rows: ROWS, preview_ms: Math.round(previewMs), import_ms: Math.round(importMs) }));
    await disconnectPrisma();
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

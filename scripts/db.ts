// npm run db:migrate | db:migration -- <name> | db:check | db:seed | db:seed:national
import "./lib/allow-server-only";
import { applyMigrations, pendingSchemaChange, writeMigration } from "../lib/db/migrations";
import { loadEnv, openDatabase, scheduleTimedJobs } from "./lib/database";

const usage = "Usage : tsx scripts/db.ts migrate | migration <nom> | check | seed [--national [--scale 0.1]]";

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  loadEnv();
  const db = await openDatabase();
  try {
    switch (command) {
      case "migrate": {
        const applied = await applyMigrations(db.url);
        console.log(applied.length ? `Migrations appliquées : ${applied.join(", ")}` : "La base est à jour.");
        await scheduleTimedJobs(db.url);
        return 0;
      }
      case "migration": {
        const name = rest.join("_");
        if (!name) {
          console.error("Donnez un nom à la migration : npm run db:migration -- ajoute_champ_x");
          return 2;
        }
        const file = await writeMigration(db.url, name);
        console.log(
          file
            ? `Migration écrite : ${file}\nRelisez-la, puis appliquez-la avec npm run db:migrate.`
            : "schema.prisma n'a aucun changement que les migrations ne couvrent déjà.",
        );
        return 0;
      }
      case "check": {
        const sql = await pendingSchemaChange(db.url);
        if (!sql.trim()) {
          console.log("Les migrations couvrent schema.prisma.");
          return 0;
        }
        console.error(`schema.prisma a des changements qu'aucune migration ne couvre :\n\n${sql}\nÉcrivez-en une avec npm run db:migration -- <nom>.`);
        return 1;
      }
      case "seed": {
        await applyMigrations(db.url);
        if (rest.includes("--national")) return await seedNationalData(db.url, rest);
        const { seedDemoData } = await import("../prisma/seed/demo");
        const summary = await seedDemoData(db.url, { reset: true });
        await scheduleTimedJobs(db.url);
        console.log(summary);
        return 0;
      }
      default:
        console.error(usage);
        return 2;
    }
  } finally {
    await db.close();
  }
}

/**
 * The demo, then the national volume on top (prisma/seed/national.ts), with its timed jobs: each step as
 * it ends, then one line per table and the time it all took. `--scale 0.1` for a tenth of it.
 */
async function seedNationalData(url: string, args: string[]): Promise<number> {
  const { seedNational } = await import("../prisma/seed/national");
  const at = args.indexOf("--scale");
  const scale = at >= 0 ? Number(args[at + 1]) : 1;
  if (!(scale > 0)) {
    console.error("--scale attend un nombre positif, par exemple --scale 0.1");
    return 2;
  }
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1).replace(".", ",")} s`;
  const result = await seedNational(url, { scale, onStep: (step, ms) => console.log(`  ${step.padEnd(24)} ${seconds(ms)}`) });
  console.log(`\nDonnées nationales (échelle ${scale}, chargement ${result.mode}) :`);
  for (const [table, rows] of Object.entries(result.counts)) console.log(`  ${table.padEnd(20)} ${rows.toLocaleString("fr-FR").padStart(9)} lignes`);
  console.log(`Temps total : ${seconds(result.ms)} (dont la démonstration ${seconds(result.demoMs)}).`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

// npm run data:export -- <file.zip>
// Issue 31.2: every table a person can read, as a ZIP of CSV files with a README of their columns
// (lib/export), from the server's command line; written to the journal as the system's export.
import "./lib/allow-server-only";
import fs from "node:fs";
import path from "node:path";
import { disconnectPrisma } from "../lib/db/client";
import { exportFromCommandLine } from "../lib/export/export";
import { loadEnv, openDatabase } from "./lib/database";

async function main(): Promise<number> {
  const target = process.argv[2];
  if (!target || !target.endsWith(".zip")) {
    console.error("Usage : npm run data:export -- <fichier.zip>");
    return 2;
  }
  loadEnv();
  const db = await openDatabase();
  try {
    process.env.DATABASE_URL ??= db.url;
    const { zip } = await exportFromCommandLine();
    fs.writeFileSync(path.resolve(target), zip, { mode: 0o600 });
    console.log(`Export écrit : ${path.resolve(target)} (${Math.round(zip.length / 1024)} ko).`);
    return 0;
  } finally {
    await disconnectPrisma();
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

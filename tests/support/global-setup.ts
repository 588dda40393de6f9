// Starts one PostgreSQL for the whole run (the embedded one, or the server of DATABASE_URL_TEST) and
// builds a template database with every migration applied; test files clone it in milliseconds.
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import pg from "pg";
import { EmbeddedPostgresError, startEmbeddedPostgres, type EmbeddedPostgresServer } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrations";
import { ADMIN_URL_VARIABLE, databaseUrl, TEMPLATE_DATABASE } from "./test-database";

declare global {
  var __testPostgres: { server?: EmbeddedPostgresServer; dataDir?: string } | undefined;
}

export default async function globalSetup() {
  let adminUrl = process.env.DATABASE_URL_TEST;
  if (adminUrl) {
    globalThis.__testPostgres = {};
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "billetterie-test-pg-"));
    const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), port: 0, persistent: false }).catch((error: unknown) => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      // One sentence saying what to do, not a stack trace.
      if (error instanceof EmbeddedPostgresError) {
        console.error(`\n${error.message}\n`);
        process.exit(1);
      }
      throw error;
    });
    globalThis.__testPostgres = { server, dataDir };
    adminUrl = server.url("postgres");
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  } finally {
    await admin.end();
  }
  await applyMigrations(databaseUrl(adminUrl, TEMPLATE_DATABASE));
  process.env[ADMIN_URL_VARIABLE] = adminUrl;
}

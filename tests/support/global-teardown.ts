import fs from "node:fs";
import pg from "pg";
import { ADMIN_URL_VARIABLE, TEMPLATE_DATABASE } from "./test-database";

export default async function globalTeardown() {
  const state = globalThis.__testPostgres;
  if (state?.server) {
    await state.server.stop();
    if (state.dataDir) fs.rmSync(state.dataDir, { recursive: true, force: true });
    return;
  }
  // A shared server (DATABASE_URL_TEST): leave it as we found it.
  const adminUrl = process.env[ADMIN_URL_VARIABLE];
  if (!adminUrl) return;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`).finally(() => admin.end());
}

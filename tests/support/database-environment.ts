// The Jest environment of integration tests: a fresh database per test file, cloned from the migrated
// template, exposed to the code under test as DATABASE_URL, and dropped afterwards.
import { randomBytes } from "node:crypto";
import type { EnvironmentContext, JestEnvironmentConfig } from "@jest/environment";
import { TestEnvironment as NodeEnvironment } from "jest-environment-node";
import pg from "pg";
import { ADMIN_URL_VARIABLE, databaseUrl, TEMPLATE_DATABASE } from "./test-database";

export default class DatabaseEnvironment extends NodeEnvironment {
  private readonly database = `billetterie_test_${randomBytes(6).toString("hex")}`;
  private readonly adminUrl: string;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    const adminUrl = process.env[ADMIN_URL_VARIABLE];
    if (!adminUrl) throw new Error("La base de test n'est pas prête : la configuration globale de Jest n'a pas tourné.");
    this.adminUrl = adminUrl;
  }

  override async setup() {
    await super.setup();
    await this.admin(`CREATE DATABASE "${this.database}" TEMPLATE "${TEMPLATE_DATABASE}"`);
    this.global.process.env.DATABASE_URL = databaseUrl(this.adminUrl, this.database);
  }

  override async teardown() {
    await this.admin(`DROP DATABASE IF EXISTS "${this.database}" WITH (FORCE)`);
    await super.teardown();
  }

  private async admin(sql: string) {
    const client = new pg.Client({ connectionString: this.adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}

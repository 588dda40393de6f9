// Applies and writes Prisma migrations with Prisma's own WASM schema engine, because the Prisma CLI
// needs a native engine that it downloads, which these machines cannot do. What it records in
// `_prisma_migrations` is what `prisma migrate deploy` records, so either can be used on a server.
// See docs/decisions/001-offline-migrations.md.
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg, { type ClientConfig } from "pg";
import { parseIntoClientConfig } from "pg-connection-string";
import { keepPoolAlive } from "./keep-pool-alive";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

const root = path.resolve(__dirname, "..", "..");
export const schemaPath = path.join(root, "prisma", "schema.prisma");
export const migrationsDir = path.join(root, "prisma", "migrations");
const noFilter = { externalTables: [], externalEnums: [] };

let lastPanic: string | undefined;
let wasmReady: Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | undefined;

/** Instantiates the WebAssembly module once per process (the package's own entry cannot load it in Node). */
function loadWasm() {
  wasmReady ??= (async () => {
    // The engine reports a Rust panic through this global before throwing; keep its message.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message: (message: string) => {
        lastPanic = message;
      },
    };
    const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const packageDir = path.dirname(createRequire(__filename).resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bytes = fs.readFileSync(path.join(packageDir, "schema_engine_bg.wasm"));
    // The engine arms 10-second timers that it never clears; unreferenced, they no longer keep a
    // finished script or test run waiting.
    const imports: Record<string, unknown> = { ...bindings };
    for (const name of Object.keys(imports).filter((key) => key.startsWith("__wbg_setTimeout_"))) {
      imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
    }
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports as WebAssembly.ModuleImports });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start(): void };
    bindings.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return bindings;
  })();
  return wasmReady;
}

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * The pg adapter runs a script by splitting it on ";", which breaks functions and triggers written in
 * PL/pgSQL and leaves a half-applied migration behind a failure. The native engine sends the whole
 * script as one simple query, which PostgreSQL runs in one implicit transaction: so do we.
 */
function forMigrations(adapter: PgAdapter): PgAdapter {
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      // Turns the pg error into the adapter's own error type, which the engine knows how to report.
      (adapter as unknown as { onError(error: unknown): never }).onError(error);
    }
  };
  // The engine describes a database with catalog queries that return PostgreSQL's one-byte "char"
  // type, which the adapter does not map ("Column type 'char' could not be deserialized"). pg hands
  // those values over as strings: let the adapter read them as text, then tell the engine they are
  // characters, which is what it expects.
  const io = adapter as unknown as {
    performIO(query: unknown): Promise<pg.QueryResult>;
    queryRaw(query: unknown): Promise<{ columnTypes: number[] }>;
  };
  const performIO = io.performIO.bind(adapter);
  const queryRaw = io.queryRaw.bind(adapter);
  const charColumns = new Map<unknown, number[]>();
  io.performIO = async (query) => {
    const result = await performIO(query);
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        charColumns.get(query)?.push(index);
      }
    });
    return result;
  };
  io.queryRaw = async (query) => {
    const columns: number[] = [];
    charColumns.set(query, columns);
    try {
      const result = await queryRaw(query);
      for (const index of columns) result.columnTypes[index] = ColumnTypeEnum.Character;
      return result;
    } finally {
      charColumns.delete(query);
    }
  };
  return adapter;
}

class MigrationAdapterFactory extends PrismaPg {
  private readonly clientConfig: ClientConfig;
  /** Adapters whose pools must be closed when the engine is done (it does not close them itself). */
  readonly opened: PgAdapter[] = [];

  constructor(databaseUrl: string) {
    const clientConfig = parseIntoClientConfig(databaseUrl);
    super(clientConfig);
    this.clientConfig = clientConfig;
  }

  override async connect() {
    const adapter = forMigrations(await super.connect());
    this.opened.push(adapter);
    return adapter;
  }

  /**
   * A throwaway database to replay the migrations on. Written here because the adapter's own version
   * keeps the connection string's database and drops the shadow database before closing its pool.
   */
  override async connectToShadowDb() {
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    const admin = new pg.Client(this.clientConfig);
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    const shadow = forMigrations(await new PrismaPg({ ...this.clientConfig, database }).connect());
    const closePool = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await closePool();
      await admin.query(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.end();
    };
    return shadow;
  }
}

/** The engine keeps a connection checked out of the pool to the end; ending the pool leaves it open. */
async function closeCompletely(adapter: PgAdapter) {
  const pool = adapter.underlyingDriver() as pg.Pool & { _clients?: pg.PoolClient[] };
  const clients = [...(pool._clients ?? [])];
  await adapter.dispose().catch(() => {});
  await Promise.all(clients.map((client) => (client as unknown as pg.Client).end().catch(() => {})));
}

async function withEngine<T>(databaseUrl: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadWasm();
  const schema = fs.readFileSync(schemaPath, "utf8");
  const factory = new MigrationAdapterFactory(databaseUrl);
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
  try {
    return await work(engine);
  } catch (error) {
    if (lastPanic) throw new Error(`Le moteur de schéma de Prisma a échoué : ${lastPanic}`, { cause: error });
    throw error;
  } finally {
    engine.free();
    await Promise.all(factory.opened.map(closeCompletely));
  }
}

export function readMigrations(): MigrationList {
  const names = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? { tag: "ok" as const, value: fs.readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `${file} est introuvable` },
        },
      };
    }),
  };
}

/**
 * Applies pending migrations; returns the names of those it applied. The job queue's own schema
 * (graphile_worker, kept by graphile-worker's migrations) comes first: the app's data may refer to it.
 */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  await migrateJobQueue(databaseUrl);
  return withEngine(databaseUrl, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList: readMigrations(), filters: noFilter });
    return result.appliedMigrationNames;
  });
}

async function migrateJobQueue(databaseUrl: string) {
  const { Logger, runMigrations } = await import("graphile-worker");
  // A connection closed under it fails the query at hand, which says why.
  const pool = keepPoolAlive(new pg.Pool({ ...parseIntoClientConfig(databaseUrl), max: 1 } as ClientConfig));
  try {
    await runMigrations({ pgPool: pool, logger: new Logger(() => () => {}) });
    await tuneJobQueue(pool);
  } finally {
    await pool.end();
  }
}

/**
 * A setting of ours on graphile-worker's schema, set again after each of its migrations (which may
 * redefine its functions). Every change that adds a job calls its add_jobs (issue 35.1: a season adds
 * half a million), whose statements were planned anew at each call, as custom plans (0.14 ms each
 * time): they are planned once per connection, whatever the values, as the queue's own statements are
 * (batching.ts). See docs/decisions/036-jobs-added-at-once.md.
 */
async function tuneJobQueue(pool: pg.Pool) {
  try {
    await pool.query(`ALTER FUNCTION graphile_worker.add_jobs(graphile_worker.job_spec[], boolean) SET plan_cache_mode = force_generic_plan`);
  } catch (error) {
    // A role that may migrate the app's tables but does not own the queue's: the queue works as
    // graphile-worker made it, only slower. Said, not fatal.
    console.warn(`Réglage de la file de tâches non appliqué (${(error as Error).message}) : elle fonctionne, plus lentement.`);
  }
}

/**
 * The SQL that would bring a database built from the migrations to schema.prisma; empty when the
 * migrations cover the schema. Replays the migrations on a throwaway shadow database of the server
 * behind `databaseUrl`.
 */
export async function pendingSchemaChange(databaseUrl: string): Promise<string> {
  return withEngine(databaseUrl, async (engine) => {
    const migrations = readMigrations();
    const from = migrations.migrationDirectories.length ? { tag: "migrations" as const, ...migrations } : { tag: "empty" as const };
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: fs.readFileSync(schemaPath, "utf8") }] },
      script: true,
      exitCode: true,
      filters: noFilter,
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : "";
  });
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql; returns its path, or null if nothing changed. */
export async function writeMigration(databaseUrl: string, name: string): Promise<string | null> {
  const sql = await pendingSchemaChange(databaseUrl);
  if (!sql.trim()) return null;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_|_$/g, "") || "migration";
  const dir = path.join(migrationsDir, `${stamp}_${slug}`);
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  if (!fs.existsSync(lockPath)) {
    fs.writeFileSync(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  return path.join(dir, "migration.sql");
}

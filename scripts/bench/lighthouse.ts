// npm run bench:lighthouse [-- --json] [--runs <n>] [--only <regexp>] [--save <dir>] [--max-load <x>]
// How the public pages and the visitor's offer do on a phone (issue 35.2), as Lighthouse 12 sees them
// with its defaults: a mid-range phone's screen, a slow 4G network and a CPU four times slower,
// simulated (Lantern) from one unthrottled load. It builds nothing (npm run build first): it starts the
// production build as npm start does (scripts/server.ts, one process) on an embedded PostgreSQL with the
// demo data, signs in as a visitor with the demo structure's code for /offre, then runs Lighthouse's Node
// API on Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) --runs times per page (3), and prints
// each page's medians: performance, best practices, accessibility, largest paint, total blocking time,
// the JavaScript loaded and left unused, and the audits failing in most runs. With --json the last line
// of stdout is the JSON of the results (the progress goes to stderr).
// Nothing leaves the machine: Chromium resolves no name but 127.0.0.1, and every request a page made
// is checked to be the app's own (an outside one fails the bench). Simulated throttling scales the CPU
// time Chromium measured, so a machine busy with other work still lowers the scores: the load is printed
// with each page, with Lighthouse's benchmark index of the machine at that moment (under 1000: too busy to
// quote), and --max-load waits before each run (at most 5 minutes) for the load over one minute to come
// down to <x>.
import "../lib/allow-server-only";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Flags, Result, RunnerResult } from "lighthouse";
import { seedDemoData } from "../../prisma/seed/demo";
import { projectRoot } from "../lib/database";
import { buildIsCurrent } from "../lib/build-state";
import { benchSecrets, request, runCleanups, signInAsVisitor, startApp, startDatabase, temporaryFolder, type AppServer } from "./app-server";

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const json = argv.includes("--json");
const RUNS = Number(option("runs") ?? 3);
const only = option("only") ? new RegExp(option("only")!) : null;
/** --save <dir>: each run's whole report (JSON), to read what an audit found. */
const saveDir = option("save") ? path.resolve(option("save")!) : null;
const maxLoad = option("max-load") ? Number(option("max-load")) : null;
const chromePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error("Usage : npm run bench:lighthouse -- [--json] [--runs <n>] [--only <regexp>] [--save <dir>] [--max-load <x>]");
  process.exit(2);
}
const say = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);

/** The pages anyone can open (the header's anonymous links and what they lead to), and the visitor's offer. */
const PAGES: { name: string; path: string; visitor?: boolean }[] = [
  { name: "accueil", path: "/" },
  { name: "comment ça marche", path: "/comment-ca-marche" },
  { name: "faq", path: "/faq" },
  { name: "faq facile", path: "/faq/facile" },
  { name: "devenir partenaire", path: "/devenir-partenaire" },
  { name: "activités", path: "/activites" },
  { name: "code visiteur", path: "/code" },
  { name: "connexion", path: "/connexion" },
  { name: "mot de passe oublié", path: "/mot-de-passe-oublie" },
  { name: "offre (visiteur)", path: "/offre", visitor: true },
];
const CATEGORIES = ["performance", "best-practices", "accessibility"] as const;

// ── One Lighthouse run ──

interface Run {
  scores: Record<(typeof CATEGORIES)[number], number>;
  lcpMs: number;
  tbtMs: number;
  fcpMs: number;
  cls: number;
  bootupMs: number;
  scriptKb: number;
  unusedJsKb: number;
  lcpElement: string;
  failing: string[];
  /** What Lighthouse notes about the Content-Security-Policy (unscored: csp-xss). */
  csp: string[];
  outside: string[];
  benchmarkIndex: number;
}

type Lighthouse = (url: string, flags: Flags) => Promise<RunnerResult | undefined>;
type Launch = (options: { chromePath: string; chromeFlags: string[] }) => Promise<{ port: number; kill(): void | Promise<void> }>;

async function runOnce(lighthouse: Lighthouse, launch: Launch, server: AppServer, urlPath: string, cookie: string): Promise<Run> {
  const chrome = await launch({
    chromePath,
    // No name resolves but the app's address: a request to anywhere else fails at once (and is reported below).
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
  });
  try {
    const result = await lighthouse(`${server.origin}${urlPath}`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    });
    if (!result) throw new Error(`Lighthouse n'a rien rendu pour ${urlPath}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${urlPath} : ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(urlPath, server.origin).pathname) {
      throw new Error(`${urlPath} a mené à ${lhr.finalDisplayedUrl} (connexion perdue ?)`);
    }
    if (saveDir) {
      fs.mkdirSync(saveDir, { recursive: true });
      fs.writeFileSync(path.join(saveDir, `${urlPath.replace(/[^\w]+/g, "-")}-${Date.now()}.json`), JSON.stringify(lhr));
    }
    return summarize(lhr, server.origin);
  } finally {
    await chrome.kill();
  }
}

type Items = Record<string, unknown>[];
const itemsOf = (audit: Result["audits"][string] | undefined): Items => ((audit?.details as { items?: Items } | undefined)?.items ?? []) as Items;

function summarize(lhr: Result, origin: string): Run {
  const audit = (id: string) => lhr.audits[id];
  const numeric = (id: string) => audit(id)?.numericValue ?? NaN;
  // The audits a category shows (Lighthouse's report hides its "insights" for now: their group is "hidden").
  const scored = new Set(CATEGORIES.flatMap((category) => lhr.categories[category]!.auditRefs.filter((ref) => ref.group !== "hidden").map((ref) => ref.id)));
  const failing = [...scored].filter((id) => {
    const a = audit(id);
    return a && ["binary", "numeric", "metricSavings"].includes(a.scoreDisplayMode) && a.score !== null && a.score < 0.9;
  });
  const scripts = itemsOf(audit("resource-summary")).find((item) => item.resourceType === "script");
  const unused = (audit("unused-javascript")?.details as { overallSavingsBytes?: number } | undefined)?.overallSavingsBytes ?? 0;
  const lcpItems = itemsOf(audit("largest-contentful-paint-element"));
  const lcpNode = (lcpItems[0]?.items as Items | undefined)?.[0]?.node as { snippet?: string } | undefined;
  const outside = itemsOf(audit("network-requests"))
    .map((item) => String(item.url))
    .filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
  return {
    scores: Object.fromEntries(CATEGORIES.map((category) => [category, Math.round((lhr.categories[category]!.score ?? 0) * 100)])) as Run["scores"],
    lcpMs: numeric("largest-contentful-paint"),
    tbtMs: numeric("total-blocking-time"),
    fcpMs: numeric("first-contentful-paint"),
    cls: numeric("cumulative-layout-shift"),
    bootupMs: numeric("bootup-time"),
    scriptKb: Number(scripts?.transferSize ?? 0) / 1024,
    unusedJsKb: unused / 1024,
    lcpElement: (lcpNode?.snippet ?? "").slice(0, 80),
    failing,
    csp: itemsOf(audit("csp-xss")).map((item) => `${String(item.directive ?? "")} ${String(item.severity ?? "")}: ${String(item.description ?? "")}`.trim()),
    outside,
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

// ── Medians ──

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function medianOf(runs: Run[]) {
  const of = (pick: (run: Run) => number) => median(runs.map(pick));
  const counted = (lists: string[][]) => {
    const counts = new Map<string, number>();
    for (const list of lists) for (const entry of new Set(list)) counts.set(entry, (counts.get(entry) ?? 0) + 1);
    return [...counts].filter(([, n]) => n * 2 > runs.length).map(([entry]) => entry);
  };
  return {
    performance: of((run) => run.scores.performance),
    best_practices: of((run) => run.scores["best-practices"]),
    accessibility: of((run) => run.scores.accessibility),
    lcp_ms: Math.round(of((run) => run.lcpMs)),
    tbt_ms: Math.round(of((run) => run.tbtMs)),
    fcp_ms: Math.round(of((run) => run.fcpMs)),
    cls: Number(of((run) => run.cls).toFixed(3)),
    bootup_ms: Math.round(of((run) => run.bootupMs)),
    script_kb: Number(of((run) => run.scriptKb).toFixed(1)),
    unused_js_kb: Number(of((run) => run.unusedJsKb).toFixed(1)),
    /** Failing in most runs. */
    failing: counted(runs.map((run) => run.failing)),
    csp: counted(runs.map((run) => run.csp)),
    lcp_element: runs[0]!.lcpElement,
    performance_runs: runs.map((run) => run.scores.performance),
    benchmark_index: Math.round(of((run) => run.benchmarkIndex)),
  };
}

/** With --max-load: waits (5 minutes at most) for the machine's load over one minute to come down to it. */
async function quietEnough() {
  if (maxLoad === null) return;
  const deadline = Date.now() + 5 * 60_000;
  while (os.loadavg()[0]! > maxLoad && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5_000));
  if (os.loadavg()[0]! > maxLoad) say(`    (charge toujours au-dessus de ${maxLoad} après 5 minutes : mesuré quand même)`);
}

// ── Main ──

const git = (...args: string[]) => {
  try {
    return execFileSync("git", args, { cwd: projectRoot, encoding: "utf8" }).trim();
  } catch {
    return "?";
  }
};
const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");

async function main() {
  const started = performance.now();
  if (!buildIsCurrent()) {
    throw new Error("Le build de production (.next) manque ou date d'avant les sources : lancez d'abord npm run build.");
  }
  const commit = git("log", "-1", "--oneline");
  const dirty = git("status", "--short").split("\n").filter(Boolean).length;
  say(`Commit mesuré : ${commit.slice(0, 100)} (+ ${dirty} fichiers modifiés ou nouveaux) ; ${os.cpus().length} cœurs, charge ${load()}`);
  // Lighthouse and chrome-launcher are ES modules only.
  const { default: lighthouse } = (await import("lighthouse")) as unknown as { default: Lighthouse };
  const { launch } = (await import("chrome-launcher")) as unknown as { launch: Launch };

  const tempRoot = temporaryFolder("billetterie-bench-lighthouse-", os.tmpdir());
  const databaseUrl = await startDatabase(tempRoot, "demo");
  await seedDemoData(databaseUrl, { reset: false });
  // One process: the phone loads one page at a time, and the second core is left to Chromium.
  const server = await startApp("demo", databaseUrl, benchSecrets(), { env: { WEB_CONCURRENCY: "1" } });
  const visitorCookie = await signInAsVisitor(server);
  const pages = PAGES.filter((page) => !only || only.test(page.name));
  // Each page rendered a few times first: the server's first render of a page is not what a phone meets.
  for (const page of pages) {
    for (let i = 0; i < 3; i++) {
      const answer = await request(server, "GET", page.path, page.visitor ? visitorCookie : "");
      if (answer.status !== 200) throw new Error(`${page.path} : statut ${answer.status}`);
    }
  }
  say(`Serveur prêt (${server.origin}), ${pages.length} pages × ${RUNS} passages de Lighthouse (mobile, throttling simulé)…`);

  const results: ({ name: string; path: string } & ReturnType<typeof medianOf>)[] = [];
  const outside = new Set<string>();
  for (const page of pages) {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      await quietEnough();
      runs.push(await runOnce(lighthouse, launch, server, page.path, page.visitor ? visitorCookie : ""));
    }
    for (const run of runs) run.outside.forEach((url) => outside.add(url));
    const m = medianOf(runs);
    results.push({ name: page.name, path: page.path, ...m });
    say(
      `  ${page.name.padEnd(20)} perf ${String(m.performance).padStart(3)} [${m.performance_runs.join(" ")}] · bonnes pratiques ${m.best_practices} · ` +
        `accessibilité ${m.accessibility} · LCP ${m.lcp_ms} ms · TBT ${m.tbt_ms} ms · JS ${m.script_kb} kB (inutilisé ${m.unused_js_kb}) · ` +
        `démarrage des scripts ${m.bootup_ms} ms (indice machine ${m.benchmark_index}, charge ${load()})`,
    );
    if (m.failing.length) say(`      audits en échec : ${m.failing.join(", ")}`);
    if (m.csp.length) say(`      CSP (csp-xss) : ${m.csp.join(" | ")}`);
  }

  say("");
  const headers = ["page", "perf.", "b. prat.", "access.", "LCP ms", "TBT ms", "JS kB", "audits en échec"];
  const rows = results.map((r) => [
    r.path,
    String(r.performance),
    String(r.best_practices),
    String(r.accessibility),
    String(r.lcp_ms),
    String(r.tbt_ms),
    String(r.script_kb),
    r.failing.join(" ") || "—",
  ]);
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 || i === cells.length - 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(" | ");
  say(line(headers));
  say(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const row of rows) say(line(row));
  say(`Médianes de ${RUNS} passages ; commit ${commit.slice(0, 60)} ; charge ${load()} ; ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (outside.size) {
    say(`ÉCHEC : requêtes hors de l'application : ${[...outside].join(", ")}`);
    process.exitCode = 1;
  }
  if (json) {
    console.log(JSON.stringify({ pages: results, runs: RUNS, outside_requests: [...outside], commit, uncommitted_files: dirty, load: os.loadavg() }));
  }
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await runCleanups();
    process.exit(process.exitCode ?? 0);
  });

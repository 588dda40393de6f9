// The browser gets only the catalog's namespaces its page asks for: ROOT_NAMESPACES from the root layout,
// and those a page lists in <ClientMessages namespaces={…}> (lib/i18n/client-messages.ts). A client
// component reading a namespace its page did not list would show the key instead of the words (next-intl's
// fallback), only in the browser, where the server's whole catalog is absent. So: every page's imports are
// followed to the components that read the catalog, and the page's list must hold what they read.
import fs from "node:fs";
import path from "node:path";
import messages from "@/messages/fr";
import { CLIENT_NAMESPACES, FORM_NAMESPACES, pickMessages, ROOT_NAMESPACES } from "@/lib/i18n/client-messages";

const root = path.resolve(__dirname, "../..");
const posix = (file: string) => file.split(path.sep).join("/");

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(rel);
    return /\.tsx?$/.test(entry.name) ? [posix(rel)] : [];
  });
}

const files = new Map(["app", "components", "lib"].flatMap(sources).map((file) => [file, fs.readFileSync(path.join(root, file), "utf8")]));
const covers = (list: readonly string[], namespace: string) => list.some((listed) => namespace === listed || namespace.startsWith(`${listed}.`));

/** Components that take the whole catalog's translator (useTranslations()) and the namespaces they read through it. */
const WHOLE_CATALOG_READERS: Record<string, string[]> = {
  "app/error.tsx": ["errors"],
  // Field errors put into words as people type: lib/actions/describe.ts.
  "components/forms/action-form.tsx": ["domainErrors.INVALID_INPUT", "domainErrors.PASSWORDS_DIFFER", "validation", "fields"],
};

/** The namespaces a file reads itself. */
function readsOf(file: string): string[] {
  const text = files.get(file)!;
  return [...[...text.matchAll(/useTranslations\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]!), ...(WHOLE_CATALOG_READERS[file] ?? [])];
}

/** The project's files a file imports (@/… and relative imports; types only are skipped). */
function importsOf(file: string): string[] {
  const text = files.get(file)!;
  const found: string[] = [];
  for (const match of text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+["']([^"']+)["']/gm)) {
    if (match[1]) continue;
    const spec = match[2]!;
    const base = spec.startsWith("@/") ? spec.slice(2) : spec.startsWith(".") ? posix(path.join(path.dirname(file), spec)) : null;
    if (!base) continue;
    const resolved = [`${base}.tsx`, `${base}.ts`, `${base}/index.tsx`, `${base}/index.ts`].find((candidate) => files.has(candidate));
    if (resolved) found.push(resolved);
  }
  return found;
}

/** Every namespace read by what a page imports, directly or not. */
function namespacesReachedFrom(page: string): Map<string, string> {
  const reached = new Map<string, string>();
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const namespace of readsOf(file)) if (!reached.has(namespace)) reached.set(namespace, file);
    importsOf(file).forEach(walk);
  };
  walk(page);
  return reached;
}

/** The namespaces a page lists: string literals and the named lists of lib/i18n/client-messages.ts. */
function listedBy(page: string): string[] | null {
  const text = files.get(page)!;
  const match = /<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/.exec(text);
  if (!match) return null;
  const named: Record<string, readonly string[]> = { FORM_NAMESPACES };
  return [
    ...[...match[1]!.matchAll(/["']([^"']+)["']/g)].map((literal) => literal[1]!),
    ...[...match[1]!.matchAll(/\.\.\.(\w+)/g)].flatMap((spread) => {
      if (!named[spread[1]!]) throw new Error(`${page} : liste inconnue ${spread[1]}`);
      return named[spread[1]!]!;
    }),
  ];
}

const pages = [...files.keys()].filter((file) => /^app\/.*(page|layout|not-found|error)\.tsx$/.test(file));

describe("the catalog's part sent to the browser", () => {
  it("follows the imports (the test reaches the components it should)", () => {
    expect(pages.length).toBeGreaterThan(30);
    expect([...namespacesReachedFrom("app/comptes/page.tsx").keys()]).toEqual(
      expect.arrayContaining(["accounts", "choicePicker", "domainErrors.INVALID_INPUT"]),
    );
    expect(namespacesReachedFrom("app/admin/statistiques/page.tsx").size).toBe(0);
  });

  it("gives each page every namespace its client components read, and nothing it does not use", () => {
    const missing: string[] = [];
    const unused: string[] = [];
    for (const page of pages) {
      const reached = namespacesReachedFrom(page);
      const listed = listedBy(page) ?? [];
      const given = [...ROOT_NAMESPACES, ...listed];
      for (const [namespace, reader] of reached) if (!covers(given, namespace)) missing.push(`${page} : « ${namespace} » (lu par ${reader})`);
      for (const namespace of listed)
        if (![...reached.keys()].some((read) => read === namespace || read.startsWith(`${namespace}.`) || namespace.startsWith(`${read}.`)))
          unused.push(`${page} : « ${namespace} »`);
    }
    expect(missing).toEqual([]);
    expect(unused).toEqual([]);
  });

  it("lists in CLIENT_NAMESPACES (the components' tests) every namespace a component reads", () => {
    const read = new Set([...files.keys()].flatMap(readsOf));
    expect(read.size).toBeGreaterThan(5);
    expect([...read].filter((namespace) => !covers(CLIENT_NAMESPACES, namespace))).toEqual([]);
    const readers = [...files.entries()].filter(([, text]) => /useTranslations\(\s*\)/.test(text)).map(([file]) => file);
    expect(readers.sort()).toEqual(Object.keys(WHOLE_CATALOG_READERS).sort());
  });

  it("keeps the listed parts whole and leaves the rest on the server", () => {
    const picked = pickMessages(messages as unknown as Record<string, unknown>);
    const all = messages as unknown as Record<string, Record<string, unknown>>;
    expect(picked.offer).toEqual(all.offer);
    expect(Object.keys(picked.venue as object).sort()).toEqual(["door", "session"]);
    expect(picked.structuresAdmin).toBeUndefined();
    expect(picked.mail).toBeUndefined();
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(messages).length / 2);
    expect(JSON.stringify(pickMessages(messages as unknown as Record<string, unknown>, ROOT_NAMESPACES)).length).toBeLessThan(1500);
    expect(pickMessages(messages as unknown as Record<string, unknown>, ["offer", "common"])).toBe(
      pickMessages(messages as unknown as Record<string, unknown>, ["common", "offer"]),
    );
    expect(() => pickMessages({}, ["nowhere"])).toThrow("nowhere");
  });
});

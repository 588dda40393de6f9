// The browser gets only the catalog's namespaces listed in lib/i18n/client-messages.ts: every namespace a
// component reads with useTranslations must be in that list, or the page would show the key instead of
// the words (next-intl's fallback) — only in the browser, where the server's whole catalog is absent.
import fs from "node:fs";
import path from "node:path";
import messages from "@/messages/fr";
import { CLIENT_NAMESPACES, pickMessages } from "@/lib/i18n/client-messages";

const root = path.resolve(__dirname, "../..");

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(rel);
    return /\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

const files = ["app", "components", "lib"].flatMap(sources).map((file) => ({ file, text: fs.readFileSync(path.join(root, file), "utf8") }));
const covered = (namespace: string) => CLIENT_NAMESPACES.some((listed) => namespace === listed || namespace.startsWith(`${listed}.`));

/** Components that take the whole catalog's translator (useTranslations()) and the namespaces they read through it. */
const WHOLE_CATALOG_READERS: Record<string, string[]> = {
  "app/error.tsx": ["errors"],
  // Field errors put into words as people type: lib/actions/describe.ts.
  "components/forms/action-form.tsx": ["domainErrors", "validation", "fields"],
};

describe("the catalog's part sent to the browser", () => {
  it("holds every namespace a component reads with useTranslations", () => {
    const used = new Set(files.flatMap(({ text }) => [...text.matchAll(/useTranslations\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]!)));
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((namespace) => !covered(namespace))).toEqual([]);
  });

  it("holds what the components reading the whole catalog need, and knows each of them", () => {
    const readers = files.filter(({ text }) => /useTranslations\(\s*\)/.test(text)).map(({ file }) => file.split(path.sep).join("/"));
    expect(readers.sort()).toEqual(Object.keys(WHOLE_CATALOG_READERS).sort());
    for (const [file, namespaces] of Object.entries(WHOLE_CATALOG_READERS)) {
      const text = files.find((entry) => entry.file.split(path.sep).join("/") === file)!.text;
      for (const namespace of namespaces) {
        expect(covered(namespace)).toBe(true);
        if (namespace !== "fields" && namespace !== "validation") expect(text).toContain(`${namespace}.`);
      }
    }
  });

  it("keeps the listed parts whole and leaves the rest on the server", () => {
    const picked = pickMessages(messages as unknown as Record<string, unknown>);
    const all = messages as unknown as Record<string, Record<string, unknown>>;
    expect(picked.offer).toEqual(all.offer);
    expect(Object.keys(picked.venue as object).sort()).toEqual(["door", "session"]);
    expect(picked.structuresAdmin).toBeUndefined();
    expect(picked.mail).toBeUndefined();
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(messages).length / 2);
    expect(() => pickMessages({}, ["nowhere"])).toThrow("nowhere");
  });
});

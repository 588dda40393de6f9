// Every page carried its stylesheet three times: once in its <style> (experimental.inlineCss, decision 029),
// once in the page's flight data for React, and once more as the styles of the root error boundary
// (global-error). Turbopack lists the root layout's stylesheet under every module below it, global-error
// included, and Next.js 16.4 renders global-error's styles with a fresh set of what is already inlined, so
// nothing removes the copy: 30 kB of the catalogue's 179 kB of HTML (vercel/next.js#98110, fixes proposed
// in #98136, #98241 and #98243, not released). Our global-error uses inline styles only (app/global-error.tsx:
// it replaces the root layout when that fails, stylesheet and all), so the build drops the stylesheets
// listed under it from the client reference manifests, which the server reads to render a page. Run after
// Next.js compiles and before it prerenders (next.config.mjs, compiler.runAfterProductionCompile), so that
// every build does it, whoever starts it. tests/e2e/public-pages.spec.ts checks a page carries its
// stylesheet twice, not three times: once Next.js ships the fix, this may go.
import fs from "node:fs";
import path from "node:path";

/** A manifest file's second statement: `globalThis.__RSC_MANIFEST["/offre/page"] = {…};` */
const ENTRY = /^(globalThis\.__RSC_MANIFEST\["(?:[^"\\]|\\.)*"\] = )(\{.*\});?\s*$/m;

/**
 * The text of a client reference manifest without stylesheets under global-error (ours or Next.js' own),
 * and how many lists it emptied; null when the text is not a manifest as Next.js 16 writes it.
 * @param {string} text
 * @returns {{ text: string; emptied: number } | null}
 */
export function withoutGlobalErrorStyles(text) {
  const match = ENTRY.exec(text);
  if (!match) return null;
  const manifest = JSON.parse(match[2]);
  const css = manifest.entryCSSFiles;
  if (!css || typeof css !== "object") return null;
  let emptied = 0;
  for (const entry of Object.keys(css)) {
    if (/(^|\/)global-error$/.test(entry) && css[entry].length) {
      css[entry] = [];
      emptied++;
    }
  }
  if (!emptied) return { text, emptied };
  return { text: text.slice(0, match.index) + match[1] + JSON.stringify(manifest) + ";" + text.slice(match.index + match[0].length), emptied };
}

/**
 * Rewrites every client reference manifest of the build in `distDir`. Throws when none is found or one
 * cannot be read: a Next.js that writes them otherwise must be looked at, not silently left at three copies.
 * @param {string} distDir
 * @returns {void}
 */
export function dropGlobalErrorStyles(distDir) {
  const files = fs
    .readdirSync(path.join(distDir, "server"), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith("_client-reference-manifest.js"))
    .map((file) => path.join(distDir, "server", file));
  if (!files.length) throw new Error(`Aucun manifeste de composants client dans ${distDir}/server : Next.js les écrit-il encore ainsi ?`);
  for (const file of files) {
    const result = withoutGlobalErrorStyles(fs.readFileSync(file, "utf8"));
    if (!result) throw new Error(`Manifeste illisible : ${file}`);
    if (result.emptied) fs.writeFileSync(file, result.text);
  }
}

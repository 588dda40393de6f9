// The build drops the root error boundary's copy of the stylesheet from Next.js' client reference
// manifests (scripts/lib/global-error-styles.mjs); tests/e2e/public-pages.spec.ts checks the pages.
import { withoutGlobalErrorStyles } from "@/scripts/lib/global-error-styles.mjs";

const css = [{ path: "static/chunks/a.css", inlined: true, content: "body{margin:0}" }];
const manifest = (entryCSSFiles: Record<string, unknown>) =>
  `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["/offre/page"] = ${JSON.stringify({ clientModules: { x: { id: 1 } }, entryCSSFiles })};\n`;

function read(text: string) {
  const scope: { __RSC_MANIFEST?: Record<string, { entryCSSFiles: Record<string, unknown> }> } = {};
  new Function("globalThis", text)(scope);
  return scope.__RSC_MANIFEST!["/offre/page"]!;
}

describe("the stylesheet under global-error, dropped from a client reference manifest", () => {
  it("empties the lists of global-error (ours and Next.js' own) and keeps the others and the rest", () => {
    const before = manifest({
      "[project]/app/layout": css,
      "[project]/app/global-error": css,
      "[project]/node_modules/next/dist/client/components/builtin/global-error": css,
      "[project]/app/offre/page": css,
    });
    const result = withoutGlobalErrorStyles(before)!;
    expect(result.emptied).toBe(2);
    const after = read(result.text);
    expect(after.entryCSSFiles).toEqual({
      "[project]/app/layout": css,
      "[project]/app/global-error": [],
      "[project]/node_modules/next/dist/client/components/builtin/global-error": [],
      "[project]/app/offre/page": css,
    });
    expect(after).toEqual({ ...read(before), entryCSSFiles: after.entryCSSFiles });
  });

  it("leaves a manifest with nothing to drop as it is", () => {
    const text = manifest({ "[project]/app/layout": css, "[project]/app/global-error": [] });
    expect(withoutGlobalErrorStyles(text)).toEqual({ text, emptied: 0 });
  });

  it("says so when the text is not a manifest as Next.js 16 writes it", () => {
    expect(withoutGlobalErrorStyles("module.exports = {}")).toBeNull();
    expect(withoutGlobalErrorStyles('globalThis.__RSC_MANIFEST["/x"] = {"clientModules":{}};')).toBeNull();
  });
});

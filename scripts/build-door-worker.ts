// Bundles the door check's service worker (worker/door-sw.ts, serwist) into public/controle-sw.js with
// esbuild (decision record 021: @serwist/turbopack would bundle it on each request instead). Writes only
// when the bundle changed, so that the demo's build stamp (scripts/lib/build-state.ts) stays put.
import { build } from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { projectRoot as root } from "./lib/database";

const outfile = path.join(root, "public", "controle-sw.js");

export async function buildDoorWorker(): Promise<boolean> {
  const result = await build({
    entryPoints: [path.join(root, "worker", "door-sw.ts")],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    write: false,
    logLevel: "warning",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  const code = result.outputFiles![0]!.text;
  if (fs.existsSync(outfile) && fs.readFileSync(outfile, "utf8") === code) return false;
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  fs.writeFileSync(outfile, code);
  return true;
}

if (process.argv[1]?.endsWith("build-door-worker.ts")) void buildDoorWorker();

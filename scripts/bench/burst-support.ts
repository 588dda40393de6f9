// Helpers of scripts/bench/burst.ts: the production build (reused when its stamp matches the sources, as
// npm run demo decides: scripts/lib/build-state.ts), and a summary of CPU profiles.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildStampMatches, otherBuilds, sourceStamp, stampFile } from "../lib/build-state";

export { buildStampMatches as buildIsCurrent };

const root = path.resolve(__dirname, "..", "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

/** Another `next build` of this checkout, running now (it rewrites the same .next). */
const otherBuildRunning = () => otherBuilds().length > 0;

/** Builds .next (after waiting for someone else's build to end, which may make ours needless); its output goes to stderr. */
export function buildProduction() {
  const deadline = Date.now() + 15 * 60_000;
  while (otherBuildRunning()) {
    if (Date.now() > deadline) throw new Error("Un autre next build tourne depuis 15 minutes : réessayez plus tard.");
    spawnSync("sleep", ["5"]);
  }
  if (buildStampMatches()) return;
  const stamp = sourceStamp();
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: ["ignore", 2, 2], cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error("next build a échoué.");
  fs.writeFileSync(stampFile, stamp);
}

interface CpuProfile {
  startTime: number;
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Now on the clock of V8's profiles (the monotonic clock, in µs), to pick out a window of them. */
export const profileClockUs = () => Number(process.hrtime.bigint() / 1000n);

/**
 * Where the profiled processes spent their CPU between `fromUs` and `toUs` (profileClockUs): by area
 * (package, app bundle, Node) and by function, self time.
 */
export function summarizeCpuProfiles(dir: string, { fromUs = 0, toUs = Infinity, top = 15 } = {}): string {
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let total = 0;
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith(".cpuprofile"))) {
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as CpuProfile;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    let at = profile.startTime;
    profile.samples.forEach((id, index) => {
      const micros = profile.timeDeltas[index] ?? 0;
      at += micros;
      const frame = nodes.get(id)!.callFrame;
      if (frame.functionName === "(idle)" || at < fromUs || at > toUs) return;
      total += micros;
      const area = areaOf(frame.url, frame.functionName);
      byArea.set(area, (byArea.get(area) ?? 0) + micros);
      const key = `${frame.functionName || "(anonymous)"} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
    });
  }
  const lines = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => `  ${(micros / 1000).toFixed(0).padStart(7)} ms ${((100 * micros) / total).toFixed(1).padStart(5)} %  ${name}`);
  return [
    `CPU profilé (hors attente) de ${fromUs} à ${toUs} µs : ${(total / 1000).toFixed(0)} ms`,
    "Par origine :",
    ...lines(byArea),
    "Par fonction (temps propre) :",
    ...lines(byFunction),
  ].join("\n");
}

function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(natif)";
  if (url.startsWith("node:")) return "node:" + url.slice(5).split("/")[0];
  const packaged = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)(?:\/dist\/compiled\/((?:@[^/]+\/)?[^/]+))?/);
  if (packaged) return packaged[2] ? `${packaged[1]} (compiled ${packaged[2]})` : packaged[1]!;
  if (url.includes("/.next/server/")) return ".next/server (app bundle)";
  return shortUrl(url);
}

function shortUrl(url: string): string {
  return url
    .replace(/^file:\/\//, "")
    .replace(root + "/", "")
    .replace(/^.*node_modules\//, "");
}

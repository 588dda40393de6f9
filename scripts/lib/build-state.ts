// Whether the production build in .next (shared by everyone working in this checkout) matches the
// sources, and whether someone is building it right now. `npm run demo` (scripts/app.ts) rebuilds only
// when the stamp of the sources changed; the benches read and write the same stamp.
import fs from "node:fs";
import crypto from "node:crypto";
import path from "node:path";
import { projectRoot } from "./database";

export const stampFile = path.join(projectRoot, ".next", "demo-build-stamp");
const buildIdFile = path.join(projectRoot, ".next", "BUILD_ID");
/** What a build is made of. */
const sourceEntries = [
  "app",
  "components",
  "lib",
  "messages",
  "public",
  "next.config.mjs",
  "package-lock.json",
  "prisma/schema.prisma",
  "postcss.config.mjs",
  "tsconfig.json",
  "worker",
];

function eachSourceFile(visitFile: (entry: string, stat: fs.Stats) => void) {
  const visit = (entry: string) => {
    const full = path.join(projectRoot, entry);
    if (!fs.existsSync(full) || entry.startsWith("lib/generated")) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) visit(path.join(entry, name));
    } else {
      visitFile(entry, stat);
    }
  };
  sourceEntries.forEach(visit);
}

/** The stamp of the sources: every source file's path, size and modification time. */
export function sourceStamp(): string {
  const hash = crypto.createHash("sha256");
  eachSourceFile((entry, stat) => hash.update(`${entry}:${stat.size}:${stat.mtimeMs}\n`));
  return hash.digest("hex");
}

function newestSourceChange(): number {
  let newest = 0;
  eachSourceFile((_entry, stat) => (newest = Math.max(newest, stat.mtimeMs)));
  return newest;
}

/** A build whose stamp is the sources' (what `npm run demo` requires). */
export function buildStampMatches(): boolean {
  return fs.existsSync(buildIdFile) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === sourceStamp();
}

/** The stamp matches, or the build (npm run build) is newer than every source file. */
export function buildIsCurrent(): boolean {
  return buildStampMatches() || (fs.existsSync(buildIdFile) && fs.statSync(buildIdFile).mtimeMs > newestSourceChange());
}

/** Processes running `next build` in this checkout (another checkout's build leaves our .next alone). */
export function otherBuilds(): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      // `next build` renames its process "next-build (v16…)"; before that it reads "…/next build".
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ");
      if (!/^next-build\b|(^|[\s/])next build\b/.test(command)) continue;
      const cwd = fs.readlinkSync(`/proc/${entry}/cwd`);
      if (path.resolve(cwd) === projectRoot) found.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

// The route a request reached, as its pattern in app/ ("/admin/structures/[id]", "/agenda/[token]"),
// never its path: a path holds ids, and some hold secrets (a calendar feed's token, a password reset's),
// which must not reach a log line or a metric's label, and a label per id would make a metric endless.
// The patterns are read once from Next.js' app directory, so a new page needs nothing here. A path no
// page answers is "(inconnue)", Next.js' own files "/_next", so that probes cannot add labels either.
import fs from "node:fs";
import path from "node:path";

export const UNKNOWN_ROUTE = "(inconnue)";

interface Route {
  pattern: string;
  segments: string[];
}

/** The pattern of every page.tsx and route.ts under `appDir`, most specific first. */
export function readRoutes(appDir: string): Route[] {
  const routes: Route[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        // Route groups "(x)", parallel slots "@x" and private folders "_x" are not part of the URL.
        if (/^\(.*\)$|^@/.test(entry.name)) walk(path.join(dir, entry.name), segments);
        else if (!entry.name.startsWith("_")) walk(path.join(dir, entry.name), [...segments, entry.name]);
      } else if (/^(page|route)\.(tsx?|jsx?)$/.test(entry.name)) {
        routes.push({ pattern: `/${segments.join("/")}`, segments });
      }
    }
  };
  walk(appDir, []);
  // A literal segment wins over a parameter at the same place (/lieu/evenements/nouveau before [eventId]).
  const weight = (segment: string) => (segment.startsWith("[[...") ? 3 : segment.startsWith("[...") ? 2 : segment.startsWith("[") ? 1 : 0);
  return routes.sort((a, b) => {
    for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
      const difference = weight(a.segments[i] ?? "[[...]]") - weight(b.segments[i] ?? "[[...]]");
      if (difference) return difference;
    }
    return b.segments.length - a.segments.length;
  });
}

function matches(segments: string[], parts: string[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.startsWith("[[...")) return true;
    if (segment.startsWith("[...")) return parts.length > i;
    if (i >= parts.length) return false;
    if (!segment.startsWith("[") && segment !== decodeSafely(parts[i]!)) return false;
  }
  return parts.length === segments.length;
}

function decodeSafely(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Turns a request's URL into its route's pattern. */
export function routeMatcher(routes: Route[]): (url: string | undefined) => string {
  return (url) => {
    const pathname = (url ?? "/").split(/[?#]/)[0]!;
    if (pathname.startsWith("/_next/")) return "/_next";
    const parts = pathname.split("/").filter(Boolean);
    return routes.find((route) => matches(route.segments, parts))?.pattern ?? UNKNOWN_ROUTE;
  };
}

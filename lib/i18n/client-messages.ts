// The part of the catalog the browser needs: the namespaces that components read with useTranslations
// (client components, and the shared ones they import). next-intl's provider otherwise hands the whole
// catalog (about 100 kB) to every page's RSC payload, inlined into its HTML and parsed again by the
// browser: that was a large share of each page's server time (issue 14). Server components keep reading
// the whole catalog with getTranslations. tests/unit/client-messages.test.ts keeps this list whole.

/** Namespaces, or "namespace.part" for one part of a large one. */
export const CLIENT_NAMESPACES = [
  "accounts",
  "auth",
  "bookingForm",
  "bookingPage",
  "choicePicker",
  "common",
  "domainErrors",
  "errors",
  "event",
  "fields",
  "labels",
  "membershipHome",
  "myBookings",
  "offer",
  "people",
  "validation",
  "venue.door",
  "venue.session",
  "visitor",
] as const;

type Tree = Record<string, unknown>;

const picks = new WeakMap<Tree, Tree>();

/** The messages under `paths` only, nested as in the catalog (the browser's part, worked out once per catalog). */
export function pickMessages(messages: Tree, paths: readonly string[] = CLIENT_NAMESPACES): Tree {
  const known = paths === CLIENT_NAMESPACES ? picks.get(messages) : undefined;
  if (known) return known;
  const picked: Tree = {};
  for (const path of paths) {
    const keys = path.split(".");
    let from: unknown = messages;
    for (const key of keys) from = from && typeof from === "object" ? (from as Tree)[key] : undefined;
    if (from === undefined) throw new Error(`Messages introuvables pour le navigateur : ${path}`);
    let to = picked;
    for (const key of keys.slice(0, -1)) to = (to[key] ??= {}) as Tree;
    to[keys.at(-1)!] = from;
  }
  if (paths === CLIENT_NAMESPACES) picks.set(messages, picked);
  return picked;
}

// The part of the catalog the browser needs: the namespaces that components read with useTranslations
// (client components, and the shared ones they import). next-intl's provider otherwise hands the whole
// catalog (about 100 kB) to every page's RSC payload, inlined into its HTML and parsed again by the
// browser: that was a large share of each page's server time (issue 14). Server components keep reading
// the whole catalog with getTranslations.
// Every page gets ROOT_NAMESPACES from the root layout; a page whose client components read more wraps
// itself in <ClientMessages namespaces={…}> (components/i18n/client-messages.tsx) with just those: the
// union of all (CLIENT_NAMESPACES, 28 kB) was still 40 % of a statistics page's payload.
// tests/unit/client-messages.test.ts follows each page's imports to keep every page's list whole.

/** What every page gets: the error page's words, and the words shared by buttons. */
export const ROOT_NAMESPACES = ["common", "errors"] as const;
/**
 * What a form needs: ActionForm's submit button, and its field errors put into words as people type. Of
 * the domain's errors (6 kB, put into words on the server), only the two a browser says itself: the
 * form's checks refused, and two passwords that differ (lib/auth/schemas.ts, checked as people type).
 */
export const FORM_NAMESPACES = ["common", "domainErrors.INVALID_INPUT", "domainErrors.PASSWORDS_DIFFER", "validation", "fields"] as const;

/** Every namespace a page may need (the test components' provider). "namespace.part" for one part of a large one. */
export const CLIENT_NAMESPACES = [
  "accounts",
  "auth",
  "bookingForm",
  "bookingPage",
  "choicePicker",
  "common",
  "domainErrors",
  "easy.entry",
  "errors",
  "event",
  "fields",
  "labels",
  "membershipHome",
  "myBookings",
  "offer",
  "people",
  "sms.answers",
  "sms.booking",
  "sms.consent",
  "sms.outbox",
  "validation",
  "venue.door",
  "venue.session",
  "visitor",
] as const;

type Tree = Record<string, unknown>;

const picks = new WeakMap<Tree, Map<string, Tree>>();

/** The messages under `paths` only, nested as in the catalog (each list's part worked out once per catalog). */
export function pickMessages(messages: Tree, paths: readonly string[] = CLIENT_NAMESPACES): Tree {
  const list = [...new Set(paths)].sort().join(",");
  let known = picks.get(messages);
  if (!known) picks.set(messages, (known = new Map()));
  const done = known.get(list);
  if (done) return done;
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
  known.set(list, picked);
  return picked;
}

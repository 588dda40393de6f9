// Where to go after signing in (?suite=…): only a path of this site. The value is parsed the way a
// browser will read it (WHATWG URL: backslashes are slashes, tabs and newlines vanish), so that
// "/\evil.example" or "/<tab>/evil.example" — which a browser reads as //evil.example — are refused.
const BASE = "http://billetterie.invalid";

export function safeRedirectPath(value: string | undefined | null, fallback = "/accueil"): string {
  if (!value || !value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

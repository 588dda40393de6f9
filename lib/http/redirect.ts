// Where to go after signing in (?suite=…): only a path of this site. The value is parsed the way a
// browser will read it (WHATWG URL: backslashes are slashes, tabs and newlines vanish), so that
// "/\evil.example" or "/<tab>/evil.example" — which a browser reads as //evil.example — are refused.
// Issue 27.2: checking the origin is not enough, because the parser removes dot segments *after*
// resolving the host: "/.//evil.example" stays on this origin but its pathname is "//evil.example", which
// the browser then reads, from the Location header or router.push, as another host. So the path handed
// back is itself checked: one "/" then anything but "/" or "\", read again by the same parser, and also
// once percent-decoded ("/%2f%2fevil.example", "/./%5Cevil.example"), since a proxy, a framework or the
// next hop may decode it before a browser reads it. No page of the site starts with an encoded slash.
const BASE = "http://billetterie.invalid";
const ONE_LEADING_SLASH = /^\/(?![/\\])/;

/** True when a browser reading `path` against this site stays on it, at a path with one leading slash. */
function staysHere(path: string): boolean {
  if (!ONE_LEADING_SLASH.test(path)) return false;
  try {
    const url = new URL(path, BASE);
    return url.origin === BASE && ONE_LEADING_SLASH.test(url.pathname);
  } catch {
    return false;
  }
}

function decodedOnce(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path; // a stray "%" decodes to nothing else
  }
}

export function safeRedirectPath(value: string | undefined | null, fallback = "/accueil"): string {
  if (!value || !value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  if (!staysHere(url.pathname) || !staysHere(decodedOnce(url.pathname))) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

// Issue 27.11: a form that changes something is taken from this site's own pages only. Next.js checks
// server actions so (its action handler: the Origin's host must be the request's X-Forwarded-Host, or its
// Host); route handlers that take a form get the same check here. A request with no Origin is let
// through as Next.js does: browsers send one with every cross-site POST, and a script without one carries
// nobody's cookies.

/** The answer (403) to a form posted from another site. */
export const SAME_ORIGIN_ONLY = "Envoi refusé : ce formulaire ne vient pas de ce site.";

export function fromThisSite(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true;
  if (origin === "null") return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return host === (forwarded || headers.get("host"));
}

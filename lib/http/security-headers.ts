// The headers every page is sent with (see README, "Security headers"). The Content-Security-Policy
// carries a nonce drawn for each request (proxy.ts): only the scripts Next.js writes with that nonce
// run, so an injected <script> does not; no 'unsafe-eval' but in development (hot reload needs it).
// Inline style attributes stay allowed: React writes some, and CSS cannot run code.

/** The largest body a server action takes: a 5 MB image (MAX_IMAGE_BYTES) and the rest of its form. */
export const ACTION_BODY_LIMIT_BYTES = 6 * 1024 * 1024;

/** The answer (413) to an action whose body says it is over the limit, before anything is read. */
export const ACTION_TOO_LARGE = `Envoi trop volumineux : ${ACTION_BODY_LIMIT_BYTES / 1024 / 1024} Mo au plus (une image de 5 Mo au plus).`;

/** The answer (408) to a body that did not arrive in time (lib/http/request-body.ts). */
export const BODY_TOO_SLOW = "Envoi interrompu : le formulaire n'est pas arrivé à temps. Vérifiez la connexion et réessayez.";

/** The answer (400) to an action's body that cannot come from the app's pages (lib/http/action-body.ts). */
export const BODY_UNREADABLE = "Envoi illisible : rechargez la page, puis réessayez.";

export function contentSecurityPolicy(nonce: string, { dev = false, https = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self' blob:",
    // The door check's service worker (issue 32.4), a file of this site: 'strict-dynamic' above would not say so.
    "worker-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Browser features: none, but the camera on the door check, which scans invitations. */
export function permissionsPolicy(pathname: string): string {
  const camera = pathname === "/lieu/controle" || pathname.startsWith("/lieu/controle/") ? "camera=(self)" : "camera=()";
  return [camera, "microphone=()", "geolocation=()", "payment=()", "usb=()", "interest-cohort=()"].join(", ");
}

/** The headers of a page response, but its policy's nonce. */
export function securityHeaders(pathname: string, { https = false } = {}): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": permissionsPolicy(pathname),
    ...(https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/**
 * A page's headers with its policy and the nonce drawn for it: proxy.ts gives them to pages, and
 * scripts/server.ts to the requests that skip proxy.ts (an action, a prefetch), since such a request may
 * be answered HTML too (issue 27.5). Next.js reads the nonce from the request's policy.
 */
export function pageSecurity(pathname: string, { dev = false, https = false } = {}) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, { dev, https });
  return { nonce, policy, headers: { "Content-Security-Policy": policy, ...securityHeaders(pathname, { https }) } };
}

/** Whether the app is served over HTTPS, as its public address says (NEXTAUTH_URL). */
export function servedOverHttps(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

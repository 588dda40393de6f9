// Next.js' proxy (formerly middleware) runs before every page: it draws the nonce of the page's
// Content-Security-Policy and sends the security headers (lib/http/security-headers.ts). It decides
// nothing about access: that is the data layer's job (lib/). A server action called from a page (the
// Next-Action header) and a prefetch do not come here (a proxy's run was 2 % of a booking's server time
// in npm run bench:burst): scripts/server.ts gives them the same headers and nonce (skipsProxy in
// lib/http/request-gate.ts, which must list the same headers as the matcher below) and limits every body.
import { NextResponse, type NextRequest } from "next/server";
import { PAGE_PATH_HEADER } from "@/lib/i18n/languages";
import { pageSecurity, servedOverHttps } from "@/lib/http/security-headers";

export function proxy(request: NextRequest) {
  const { nonce, policy, headers } = pageSecurity(request.nextUrl.pathname, { dev: process.env.NODE_ENV === "development", https: servedOverHttps() });
  // Next.js reads the nonce from the request's policy and writes it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  // The page's path, for its language (lib/i18n/choice.ts).
  requestHeaders.set(PAGE_PATH_HEADER, request.nextUrl.pathname);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-action" },
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};

// Next.js' proxy (formerly middleware) runs before every page: it draws the nonce of the page's
// Content-Security-Policy and sends the security headers (lib/http/security-headers.ts). It decides
// nothing about access: that is the data layer's job (lib/). A server action called from a page (the
// Next-Action header) does not come here: its answer is data, not a document, and scripts/server.ts
// gives it the headers and refuses a body over the limit; a proxy's run was 2 % of a booking's server
// time in npm run bench:burst.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, securityHeaders, servedOverHttps } from "@/lib/http/security-headers";

export function proxy(request: NextRequest) {
  const https = servedOverHttps();
  const headers = securityHeaders(request.nextUrl.pathname, { https });
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  // Next.js reads the nonce from the request's policy and writes it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
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

// Next.js' proxy (formerly middleware) runs before every page: it draws the nonce of the page's
// Content-Security-Policy and sends the security headers (lib/http/security-headers.ts), and it refuses,
// in plain French and before anything is parsed, a server action whose body is over the limit. It
// decides nothing about access: that is the data layer's job (lib/).
import { NextResponse, type NextRequest } from "next/server";
import { ACTION_BODY_LIMIT_BYTES, contentSecurityPolicy, securityHeaders, servedOverHttps } from "@/lib/http/security-headers";

export function proxy(request: NextRequest) {
  const https = servedOverHttps();
  const headers = securityHeaders(request.nextUrl.pathname, { https });
  if (request.method === "POST" && request.headers.has("next-action") && Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT_BYTES) {
    return new NextResponse(`Envoi trop volumineux : ${ACTION_BODY_LIMIT_BYTES / 1024 / 1024} Mo au plus (une image de 5 Mo au plus).`, {
      status: 413,
      headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
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
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};

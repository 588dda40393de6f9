// POST /offre/version (a form's button, mode=facile|classique): the visitor's choice between the
// easy-to-read offer and the classic catalogue, kept in a cookie for a year (lib/catalog/reading-mode.ts),
// then back to the offer. A POST, not a link: links are prefetched, and a prefetch would have switched the
// mode by itself.
import { NextResponse } from "next/server";
import { READING_MODE_COOKIE, readingModeSchema } from "@/lib/catalog/reading-mode";
import { fromThisSite, SAME_ORIGIN_ONLY } from "@/lib/http/same-origin";

export async function POST(request: Request) {
  // Another site's form would switch the mode behind the visitor's back (issue 27.11).
  if (!fromThisSite(request.headers)) return new NextResponse(SAME_ORIGIN_ONLY, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const form = await request.formData().catch(() => null);
  const asked = readingModeSchema.safeParse({ mode: form?.get("mode") });
  // A relative Location: request.url names the address the server listens on (0.0.0.0), not the one
  // the browser used.
  const response = new NextResponse(null, { status: 303, headers: { Location: "/offre" } });
  if (asked.success) {
    response.cookies.set(READING_MODE_COOKIE, asked.data.mode, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", httpOnly: true });
  }
  return response;
}

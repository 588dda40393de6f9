// POST /langue (the language switch's buttons, langue=<code>, suite=<the page>): the visitor's language
// for the person's pages (issue 34.1), kept in a cookie for the browser's session, then back to the page.
// A POST, as the reading mode's switch (/offre/version): a link's prefetch would switch it by itself.
import { NextResponse } from "next/server";
import { fromThisSite, SAME_ORIGIN_ONLY } from "@/lib/http/same-origin";
import { languageChoiceSchema } from "@/lib/i18n/language-choice";
import { LANGUAGE_COOKIE } from "@/lib/i18n/languages";

export async function POST(request: Request) {
  if (!fromThisSite(request.headers)) return new NextResponse(SAME_ORIGIN_ONLY, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const form = await request.formData().catch(() => null);
  const asked = languageChoiceSchema.safeParse({ language: form?.get("langue"), back: form?.get("suite") ?? undefined });
  const back = asked.success ? asked.data.back : "/offre";
  const response = new NextResponse(null, { status: 303, headers: { Location: back } });
  // No Max-Age: the choice lasts the browser's session, as the visitor's own sign-in does.
  if (asked.success) response.cookies.set(LANGUAGE_COOKIE, asked.data.language, { path: "/", sameSite: "lax", httpOnly: true });
  return response;
}

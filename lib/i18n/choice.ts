// Which language this request is written in (issue 34.1): see languageFor in ./languages.ts. The page's
// path comes from a header that proxy.ts and the request gate (lib/http/request-gate.ts) write on every
// request from its URL, since a layout cannot read its own path; without it (a test, a bare `next dev`
// prefetch) the page is French, the safe default.
import "server-only";
import { cookies, headers } from "next/headers";
import { currentActor } from "@/lib/auth/current";
import { DEFAULT_LANGUAGE, isPersonPage, LANGUAGE_COOKIE, languageFor, PAGE_PATH_HEADER, type Language } from "./languages";

export async function requestLanguage(): Promise<Language> {
  const cookie = (await cookies()).get(LANGUAGE_COOKIE)?.value;
  // Most requests carry no choice: no actor to read for them.
  if (cookie === undefined || cookie === DEFAULT_LANGUAGE) return DEFAULT_LANGUAGE;
  const path = (await headers()).get(PAGE_PATH_HEADER);
  const actor = await currentActor();
  return languageFor({ cookie, path, staff: actor.kind === "user" });
}

/** Where the language switch is shown: on a person's page, to anyone but staff; with the page's path to come back to. */
export async function languageSwitchPlace(): Promise<{ path: string; current: Language } | null> {
  const path = (await headers()).get(PAGE_PATH_HEADER);
  if (path === null || !isPersonPage(path)) return null;
  const actor = await currentActor();
  if (actor.kind === "user") return null;
  return { path, current: await requestLanguage() };
}

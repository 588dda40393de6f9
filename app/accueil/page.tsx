import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { currentActor, homeOf } from "@/lib/auth/current";

// Never shown (it sends each role on to its home), but every page has its title.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("landing") };
}

/** Where sign-in lands: each role's home. */
export default async function LandingPage() {
  redirect(homeOf(await currentActor()));
}

import { redirect } from "next/navigation";
import { currentActor, homeOf } from "@/lib/auth/current";

/** Where sign-in lands: each role's home. */
export default async function LandingPage() {
  redirect(homeOf(await currentActor()));
}

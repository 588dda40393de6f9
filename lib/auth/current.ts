// Placeholder until the sign-in issue lands
import { anonymousActor, type Actor } from "./actor";

/** The actor of the current request, from its session. */
export async function currentActor(): Promise<Actor> {
  return anonymousActor;
}

// Placeholder until the sign-in issue lands: everyone is anonymous.
import "server-only";
import { anonymousActor, type Actor } from "./actor";

export async function currentActor(): Promise<Actor> {
  return anonymousActor;
}

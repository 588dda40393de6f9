"use server";

// The search behind every structure or venue picker of the association's forms (lib/association/choices).
import { currentActor } from "@/lib/auth/current";
import { searchChoices, type Choice } from "@/lib/association/choices";
import { DomainError } from "@/lib/errors";

/** The first matches of what was typed; nothing (rather than an error) for a call that may not search. */
export async function searchChoicesAction(kind: unknown, typed: unknown): Promise<Choice[]> {
  if (kind !== "PARTNER" && kind !== "VENUE") return [];
  try {
    return await searchChoices(await currentActor(), kind, typed);
  } catch (error) {
    if (error instanceof DomainError) return [];
    throw error;
  }
}

"use server";

// The search behind every structure, venue or account picker of the association's forms (lib/association/choices).
import { currentActor } from "@/lib/auth/current";
import { CHOICE_KINDS, searchChoices, type Choice, type ChoiceKind } from "@/lib/association/choices";
import { DomainError } from "@/lib/errors";

/** The first matches of what was typed; nothing (rather than an error) for a call that may not search. */
export async function searchChoicesAction(kind: unknown, typed: unknown): Promise<Choice[]> {
  if (!CHOICE_KINDS.includes(kind as ChoiceKind)) return [];
  try {
    return await searchChoices(await currentActor(), kind as ChoiceKind, typed);
  } catch (error) {
    if (error instanceof DomainError) return [];
    throw error;
  }
}

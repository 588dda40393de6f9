// The answer of a server action to its form; shared by the server and the client components.
export interface ActionState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** Where the answer points to, e.g. the booking a person already holds. */
  link?: { href: string; label: string };
}

export const initialActionState: ActionState = { ok: false };

// The answer of a server action to its form; shared by the server and the client components.
export interface ActionState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** The same errors without their field's name: a form names each with the label it shows (ActionForm,
   * issue 29.10); `fieldErrors`, named from the catalog, is the fallback. */
  fieldMessages?: Record<string, string[]>;
  /** Where the answer points to, e.g. the booking a person already holds. */
  link?: { href: string; label: string };
}

export const initialActionState: ActionState = { ok: false };

"use client";

// What a form tells its fields: its id (so that each field's id is known to the error summary, which
// links to it) and the server's errors, field by field. Fields outside a form with this context get an
// id of their own and no errors.
import { createContext, useContext, useId } from "react";

export interface FormFields {
  formId: string;
  errors: Record<string, string[] | undefined>;
}

export const FormFieldsContext = createContext<FormFields | null>(null);

/** The id of a field of the form `formId` named `name`: what the summary's links point to. */
export const fieldId = (formId: string, name: string) => `${formId}-${name.replace(/[^\w-]/g, "_")}`;

/** A field's id, the id of its error message, and its errors. */
export function useField(name: string) {
  const form = useContext(FormFieldsContext);
  const own = useId();
  const id = fieldId(form?.formId ?? own, name);
  const errors = form?.errors[name] ?? [];
  return { id, errorId: `${id}-erreur`, errors, invalid: errors.length > 0 };
}

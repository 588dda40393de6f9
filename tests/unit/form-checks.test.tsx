/** @jest-environment jsdom */
// Issue 13, item 1: a form checks its fields as people type with the very zod schema the server parses
// (Conform): a field is checked when it is left, then at each key once it was wrong; a send with errors
// stays in the browser (summary, focus, nothing sent); an error the server found goes as soon as the
// field is corrected; what was typed always stays.
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxGroup, TextField } from "@/components/forms/fields";
import { FORM_SCHEMAS, type FormSchemaName } from "@/components/forms/schemas";
import type { ActionState } from "@/lib/actions/state";
// The modules lib/auth/invitations, lib/people/people, lib/venue/events and lib/venue/add-sessions parse with (and
// re-export) these; they are client-safe so that the forms can use them.
import { inviteSchema } from "@/lib/auth/schemas";
import { personSchema } from "@/lib/people/schemas";
import { eventFieldsSchema, sessionRunSchema } from "@/lib/venue/schemas";
import messages from "@/messages/fr";
import { pickMessages } from "@/lib/i18n/client-messages";

function renderForm(schema: FormSchemaName, fields: React.ReactNode, answers: ActionState[] = []) {
  const action = jest.fn<Promise<ActionState>, [ActionState, FormData]>(async () => answers.shift() ?? { ok: true, message: "Enregistré." });
  render(
    <NextIntlClientProvider locale="fr" messages={pickMessages(messages)}>
      <ActionForm action={action} submit="Envoyer" schema={schema}>
        {fields}
      </ActionForm>
    </NextIntlClientProvider>,
  );
  const form = screen.getByRole("button", { name: "Envoyer" }).closest("form")!;
  return { action, send: () => act(async () => void fireEvent.submit(form)) };
}

/** What a person does: type into a field (an input event, which is what Conform listens to). */
const type = (field: HTMLElement, value: string) => fireEvent.input(field, { target: { value } });
/** Leave a field (Conform listens to focusout). */
const leave = (field: HTMLElement) => fireEvent.focusOut(field);

const personFields = (
  <>
    <TextField name="firstName" label="Prénom" />
    <TextField name="lastName" label="Nom" />
    <TextField name="notes" label="Remarques" multiline />
  </>
);

describe("a form checked as people type", () => {
  it("checks a field when it is left, by the server's own rule, and names the field in the error", async () => {
    renderForm("person", personFields);
    const first = screen.getByLabelText("Prénom");
    type(first, "  ");
    expect(first).not.toHaveAttribute("aria-invalid");
    leave(first);
    await waitFor(() => expect(first).toHaveAttribute("aria-invalid", "true"));
    expect(first).toHaveAccessibleDescription(/^Prénom : /);
    // A check as people go is not a send: no summary, no focus taken.
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    // The other fields were not visited: nothing said about them yet.
    expect(screen.getByLabelText("Nom")).not.toHaveAttribute("aria-invalid");
  });

  it("checks again at each key once a field was wrong, and clears the error as soon as it is right", async () => {
    renderForm("person", personFields);
    const first = screen.getByLabelText("Prénom");
    leave(first);
    await waitFor(() => expect(first).toHaveAttribute("aria-invalid", "true"));
    type(first, "Awa");
    await waitFor(() => expect(first).not.toHaveAttribute("aria-invalid"));
    expect(first).toHaveValue("Awa");
  });

  it("keeps a send with errors in the browser: a summary that takes the focus, each error linked, nothing sent", async () => {
    const { action, send } = renderForm("person", personFields);
    type(screen.getByLabelText("Remarques"), "Vient avec sa fille.");
    await send();
    const summary = await screen.findByRole("alert");
    expect(summary).toHaveTextContent("Certains champs sont à corriger.");
    await waitFor(() => expect(summary).toHaveFocus());
    expect(action).not.toHaveBeenCalled();
    expect(screen.getByRole("link", { name: /^Prénom : / })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: /^Nom : / })).toBeInTheDocument();
    expect(screen.getByLabelText("Remarques")).toHaveValue("Vient avec sa fille.");

    // Once both names are typed the summary goes, and the form is sent with what was typed.
    type(screen.getByLabelText("Prénom"), "Awa");
    type(screen.getByLabelText("Nom"), "Diallo");
    await waitFor(() => expect(screen.queryByRole("alert")).not.toBeInTheDocument());
    await send();
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    const data = action.mock.calls[0]![1];
    expect([data.get("firstName"), data.get("lastName"), data.get("notes")]).toEqual(["Awa", "Diallo", "Vient avec sa fille."]);
  });

  it("clears an error the server found as soon as the field is corrected", async () => {
    const refusal: ActionState = { ok: false, message: "Certains champs sont à corriger.", fieldErrors: { lastName: ["Nom : ce nom est déjà pris."] } };
    const { send } = renderForm("person", personFields, [refusal]);
    type(screen.getByLabelText("Prénom"), "Awa");
    type(screen.getByLabelText("Nom"), "Diallo");
    await send();
    const last = screen.getByLabelText("Nom");
    await waitFor(() => expect(last).toHaveAccessibleDescription("Nom : ce nom est déjà pris."));
    type(last, "Diallo-Sow");
    await waitFor(() => expect(last).not.toHaveAttribute("aria-invalid"));
  });

  it("reads times as the venue types them and refuses a date range that ends before it starts", async () => {
    const { action, send } = renderForm(
      "sessionRun",
      <>
        <input type="hidden" name="eventId" value="0193f1e2-7c4a-7000-8000-000000000001" />
        <TextField name="from" label="Du" type="date" />
        <TextField name="to" label="Au" type="date" />
        <CheckboxGroup
          name="weekdays"
          legend="Jours"
          options={[
            ["2", "Mardi"],
            ["5", "Vendredi"],
          ]}
        />
        <TextField name="times" label="Heures" />
        <TextField name="capacity" label="Nombre d'invitations" type="number" />
      </>,
    );
    type(screen.getByLabelText("Du"), "2026-12-10");
    type(screen.getByLabelText("Au"), "2026-12-01");
    fireEvent.click(screen.getByLabelText("Mardi"));
    type(screen.getByLabelText("Heures"), "14h30, 20h");
    type(screen.getByLabelText("Nombre d'invitations"), "4");
    await send();
    expect(action).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.getByLabelText("Au")).toHaveAttribute("aria-invalid", "true"));
    expect(screen.getByLabelText("Heures")).not.toHaveAttribute("aria-invalid");
    type(screen.getByLabelText("Au"), "2026-12-20");
    await send();
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
  });

  it("uses the schemas the server parses, narrowed only to the fields the form shows", () => {
    expect(FORM_SCHEMAS.event).toBe(eventFieldsSchema);
    expect(FORM_SCHEMAS.sessionRun).toBe(sessionRunSchema);
    for (const [name, field] of Object.entries(FORM_SCHEMAS.person.shape)) expect(field).toBe(personSchema.shape[name as keyof typeof personSchema.shape]);
    for (const [name, field] of Object.entries(FORM_SCHEMAS.invite.shape)) expect(field).toBe(inviteSchema.shape[name as keyof typeof inviteSchema.shape]);
  });
});

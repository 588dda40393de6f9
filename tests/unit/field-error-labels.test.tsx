/** @jest-environment jsdom */
// Issue 29.10: an error names its field with the label the form shows ("Relancer après combien de jours sans
// réponse"), not the catalog's generic one ("Délai"), whether the server refuses the field or the browser's
// own checks do; the catalog's label stays the server's fallback (a form without that field's label).
import { act, fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import { actionFailure } from "@/lib/actions/result";
import { InvalidInput } from "@/lib/validation";
import messages from "@/messages/fr";
import { pickMessages } from "@/lib/i18n/client-messages";

jest.mock("next-intl/server", () => ({
  getLocale: async () => "fr",
  getMessages: async () => jest.requireActual<{ default: Record<string, unknown> }>("@/messages/fr").default,
  getTimeZone: async () => "Europe/Paris",
}));

const LABEL = "Relancer après combien de jours sans réponse";

async function refusedBy(error: InvalidInput, { label = LABEL } = {}) {
  const answer = await actionFailure(error);
  render(
    <NextIntlClientProvider locale="fr" messages={pickMessages(messages)}>
      <ActionForm action={async () => answer} submit="Relancer">
        <TextField name="afterDays" label={label} type="number" />
      </ActionForm>
    </NextIntlClientProvider>,
  );
  await act(async () => fireEvent.submit(screen.getByRole("button", { name: "Relancer" }).closest("form")!));
  return screen.findByRole("alert");
}

it("names a field the server refuses with the form's own label, in the summary and under the field", async () => {
  const summary = await refusedBy(new InvalidInput({ afterDays: ["validation.atLeastOne"] }));
  expect(summary).toHaveTextContent(`${LABEL} :`);
  expect(summary).not.toHaveTextContent("Délai");
  expect(screen.getByLabelText(LABEL)).toHaveAccessibleDescription(new RegExp(`^${LABEL} : `));
});

it("keeps the catalog's label as the server's fallback, for a client that shows the errors as they come", async () => {
  const answer = await actionFailure(new InvalidInput({ afterDays: ["validation.atLeastOne"] }));
  expect(answer.fieldErrors!.afterDays![0]).toMatch(/^Délai : /);
});

it("names a field the browser's checks refuse with the form's own label", async () => {
  render(
    <NextIntlClientProvider locale="fr" messages={pickMessages(messages)}>
      <ActionForm action={async () => ({ ok: true })} submit="Envoyer" schema="person">
        <TextField name="firstName" label="Prénom de la personne accompagnée" />
        <TextField name="lastName" label="Nom" />
      </ActionForm>
    </NextIntlClientProvider>,
  );
  await act(async () => fireEvent.submit(screen.getByRole("button", { name: "Envoyer" }).closest("form")!));
  const summary = await screen.findByRole("alert");
  expect(summary).toHaveTextContent("Prénom de la personne accompagnée :");
});

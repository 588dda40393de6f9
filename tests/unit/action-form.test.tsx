/** @jest-environment jsdom */
// Issue 13, items 1–3 and 5: a form refused by the server keeps what was typed, names each field at
// fault under it (aria-invalid, aria-describedby) and in a summary at the top that links to it and takes
// the focus; a success is announced and takes the focus; the button says "Envoi…" while it runs.
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxGroup, SelectField, TextField } from "@/components/forms/fields";
import type { ActionState } from "@/lib/actions/state";
import messages from "@/messages/fr";
import { pickMessages } from "@/lib/i18n/client-messages";

function renderForm(answers: ActionState[], { resetOnSuccess = false } = {}) {
  let release: () => void = () => {};
  const action = jest.fn(async (): Promise<ActionState> => {
    await new Promise<void>((resolve) => (release = resolve));
    return answers.shift()!;
  });
  render(
    <NextIntlClientProvider locale="fr" messages={pickMessages(messages)}>
      <ActionForm action={action} submit="Déclarer" resetOnSuccess={resetOnSuccess}>
        <TextField name="title" label="Titre" />
        <TextField name="description" label="Présentation" multiline />
        <SelectField
          name="category"
          label="Genre"
          options={[
            ["THEATRE", "Théâtre"],
            ["DANCE", "Danse"],
          ]}
        />
        <CheckboxGroup
          name="accessibility"
          legend="Accessibilité"
          options={[
            ["WHEELCHAIR", "Fauteuil"],
            ["HEARING_LOOP", "Boucle"],
          ]}
        />
      </ActionForm>
    </NextIntlClientProvider>,
  );
  return { action, finish: () => act(async () => release()) };
}

const refused: ActionState = {
  ok: false,
  message: "Certains champs sont à corriger.",
  fieldErrors: { title: ["Titre : ce champ est obligatoire."], accessibility: ["Accessibilité : choix non valide."] },
};

describe("a form the server refuses", () => {
  it("keeps every value typed, ticked or chosen", async () => {
    const { finish } = renderForm([refused]);
    fireEvent.change(screen.getByLabelText("Présentation"), { target: { value: "Une pièce drôle et tendre." } });
    fireEvent.change(screen.getByLabelText("Genre"), { target: { value: "DANCE" } });
    fireEvent.click(screen.getByLabelText("Boucle"));
    fireEvent.submit(screen.getByRole("button", { name: "Déclarer" }).closest("form")!);
    await finish();
    await screen.findByRole("alert");
    expect(screen.getByLabelText("Présentation")).toHaveValue("Une pièce drôle et tendre.");
    expect(screen.getByLabelText("Genre")).toHaveValue("DANCE");
    expect(screen.getByLabelText("Boucle")).toBeChecked();
  });

  it("ties each error to its field, lists them in a summary that takes the focus, and links each to its field", async () => {
    const { finish } = renderForm([refused]);
    fireEvent.submit(screen.getByRole("button", { name: "Déclarer" }).closest("form")!);
    await finish();
    const summary = await screen.findByRole("alert");
    await waitFor(() => expect(summary).toHaveFocus());
    const title = screen.getByLabelText("Titre");
    expect(title).toHaveAttribute("aria-invalid", "true");
    expect(title).toHaveAccessibleDescription("Titre : ce champ est obligatoire.");
    expect(screen.getByLabelText("Présentation")).not.toHaveAttribute("aria-invalid");
    const link = screen.getByRole("link", { name: "Titre : ce champ est obligatoire." });
    fireEvent.click(link);
    expect(title).toHaveFocus();
    fireEvent.click(screen.getByRole("link", { name: "Accessibilité : choix non valide." }));
    expect(screen.getByLabelText("Fauteuil")).toHaveFocus();
  });

  it("says it is sending while it runs, then announces a success and moves the focus to it", async () => {
    const { finish } = renderForm([{ ok: true, message: "Le spectacle est déclaré." }], { resetOnSuccess: true });
    fireEvent.change(screen.getByLabelText("Titre"), { target: { value: "Le Misanthrope" } });
    fireEvent.submit(screen.getByRole("button", { name: "Déclarer" }).closest("form")!);
    const button = await screen.findByRole("button", { name: "Envoi…" });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute("aria-busy", "true");
    await finish();
    const status = await screen.findByRole("status");
    expect(status).toHaveTextContent("Le spectacle est déclaré.");
    await waitFor(() => expect(status).toHaveFocus());
    expect(screen.getByLabelText("Titre")).toHaveValue("");
  });
});

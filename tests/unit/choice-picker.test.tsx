/** @jest-environment jsdom */
// Issue 14: one structure or venue among thousands, found by typing; the keyboard goes where the next step is.
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { ChoicePicker } from "@/components/forms/choice-picker";
import type { Choice } from "@/lib/association/choices";
import messages from "@/messages/fr";
import { pickMessages } from "@/lib/i18n/client-messages";

const LILAS: Choice = { id: "0193f1e2-7c4a-7000-8000-000000000001", name: "Théâtre des Lilas", detail: "Lyon" };
const LUNE: Choice = { id: "0193f1e2-7c4a-7000-8000-000000000002", name: "La Lune", detail: null };

function renderPicker(chosen: Choice | null = null) {
  const search = jest.fn(async (_kind: string, typed: string) => [LILAS, LUNE].filter((choice) => choice.name.toLowerCase().includes(typed.toLowerCase())));
  render(
    <NextIntlClientProvider locale="fr" messages={pickMessages(messages)}>
      <form data-testid="form">
        <ChoicePicker name="lieu" label="Lieu" kind="VENUE" search={search} chosen={chosen} />
      </form>
    </NextIntlClientProvider>,
  );
  const hidden = () => (screen.getByTestId("form") as HTMLFormElement).elements.namedItem("lieu") as HTMLInputElement;
  return { search, hidden };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const typeAndWait = async (field: HTMLElement, value: string) => {
  fireEvent.change(field, { target: { value } });
  await act(async () => void jest.advanceTimersByTime(250));
};

describe("choosing a venue by typing", () => {
  it("searches from two letters, lists the first matches, and a press chooses one", async () => {
    const { search, hidden } = renderPicker();
    const field = screen.getByLabelText("Lieu");
    await typeAndWait(field, "L");
    expect(search).not.toHaveBeenCalled();
    await typeAndWait(field, "li");
    await waitFor(() => expect(screen.getByText("1 résultat")).toBeInTheDocument());
    expect(search).toHaveBeenCalledWith("VENUE", "li");
    fireEvent.click(screen.getByRole("button", { name: "Choisir Théâtre des Lilas (Lyon)" }));
    expect(hidden().value).toBe(LILAS.id);
    expect(screen.getByText("Lieu : Théâtre des Lilas (Lyon)")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("button", { name: "Changer lieu" })).toHaveFocus());
  });

  it("shows the one already chosen, and 'Changer' empties it and goes back to the search", async () => {
    const { hidden } = renderPicker(LUNE);
    expect(hidden().value).toBe(LUNE.id);
    fireEvent.click(screen.getByRole("button", { name: "Changer lieu" }));
    expect(hidden().value).toBe("");
    await waitFor(() => expect(screen.getByLabelText("Lieu")).toHaveFocus());
  });

  it("says when nothing matches, and Enter in the search sends nothing", async () => {
    renderPicker();
    const field = screen.getByLabelText("Lieu");
    await typeAndWait(field, "zz");
    await waitFor(() => expect(screen.getByText("Aucun résultat.")).toBeInTheDocument());
    // The browser's implicit submission on Enter is cancelled (fireEvent answers false when it is).
    expect(fireEvent.keyDown(field, { key: "Enter" })).toBe(false);
    expect(fireEvent.keyDown(field, { key: "a" })).toBe(true);
  });

  it("empties the choice when its form is emptied", async () => {
    const { hidden } = renderPicker();
    await typeAndWait(screen.getByLabelText("Lieu"), "lune");
    await waitFor(() => screen.getByRole("button", { name: "Choisir La Lune" }));
    fireEvent.click(screen.getByRole("button", { name: "Choisir La Lune" }));
    expect(hidden().value).toBe(LUNE.id);
    act(() => (screen.getByTestId("form") as HTMLFormElement).reset());
    await waitFor(() => expect(hidden().value).toBe(""));
  });
});

/** @jest-environment jsdom */
// Issue 29.7 and 29.8: the form of a structure's next step (lib/association/onboarding.ts's nextStepOf)
// fills the first referent's account from the request, and asks before recording as held a meeting
// planned for a later day.
import "../support/node-text-encoding";
import { fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { NextStep } from "@/components/association/structures/next-step";
import type { ActionState } from "@/lib/actions/state";
import { pickMessages } from "@/lib/i18n/client-messages";
import messages from "@/messages/fr";

jest.mock("next-intl/server", () => ({
  getLocale: async () => "fr",
  getMessages: async () => jest.requireActual<{ default: Record<string, unknown> }>("@/messages/fr").default,
  getTimeZone: async () => "Europe/Paris",
}));

const partnerId = "0193a5c0-0000-7000-8000-000000000001";
const answer = jest.fn(async (): Promise<ActionState> => ({ ok: true, message: "Étape enregistrée." }));

async function show(props: Partial<Parameters<typeof NextStep>[0]>) {
  const element = await NextStep({ partnerId, stage: null, today: "2026-12-21", action: answer, meetingAhead: null, contact: null, ...props });
  render(
    <NextIntlClientProvider locale="fr" messages={pickMessages(messages)}>
      {element}
    </NextIntlClientProvider>,
  );
}

beforeEach(() => answer.mockClear());

describe("the next step's form", () => {
  it("fills the first referent's name and address from the request", async () => {
    await show({ stage: "CONVENTION_SIGNED", contact: { name: "Nadia Benali", email: "n.benali@glycines.test" } });
    expect(screen.getByRole("textbox", { name: /Nom du référent/ })).toHaveValue("Nadia Benali");
    expect(screen.getByRole("textbox", { name: /Adresse e-mail du référent/ })).toHaveValue("n.benali@glycines.test");
  });

  it("asks for confirmation before recording a meeting planned for a later day, and sends it", async () => {
    const confirm = jest.spyOn(window, "confirm").mockReturnValue(false);
    await show({ stage: "MEETING_PLANNED", meetingAhead: "2027-01-08" });
    expect(screen.getByText(/prévue le 8 janvier 2027/)).toBeInTheDocument();
    fireEvent.change(screen.getByRole("combobox", { name: /Décision/ }), { target: { value: "CONFIRMED" } });
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer la rencontre" }));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining("8 janvier 2027"));
    expect(answer).not.toHaveBeenCalled();
    expect(document.querySelector('input[name="confirmEarly"]')).toHaveValue("true");
    confirm.mockRestore();
  });

  it("asks nothing when the meeting's day has come", async () => {
    const confirm = jest.spyOn(window, "confirm");
    await show({ stage: "MEETING_PLANNED", meetingAhead: null });
    expect(document.querySelector('input[name="confirmEarly"]')).toBeNull();
    fireEvent.change(screen.getByRole("combobox", { name: /Décision/ }), { target: { value: "CONFIRMED" } });
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer la rencontre" }));
    expect(confirm).not.toHaveBeenCalled();
    confirm.mockRestore();
  });
});

/** @jest-environment jsdom */
// Ticking a guest's arrival on the venue's guest list: one tap, shown at once, sent without reloading,
// the answer announced; a refusal or a lost connection puts the box back and says why.
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { ArrivalCheckbox } from "@/components/venue/arrival-checkbox";
import messages from "@/messages/fr";
import { pickMessages } from "@/lib/i18n/client-messages";

const BOOKING = "0190f0e0-0000-7000-8000-000000000001";

function renderBox(tick: jest.Mock, arrived = false) {
  render(
    <NextIntlClientProvider locale="fr" messages={pickMessages(messages)}>
      <ArrivalCheckbox bookingId={BOOKING} position={1} name="Awa Diallo" arrived={arrived} tick={tick} />
    </NextIntlClientProvider>,
  );
  return screen.getByRole("checkbox", { name: "Arrivée de Awa Diallo" });
}

describe("a guest's arrival on the list", () => {
  it("is ticked in one tap and announced once the server has it", async () => {
    const tick = jest.fn(async () => ({ ok: true }));
    const box = renderBox(tick);
    expect(box).not.toBeChecked();
    fireEvent.click(box);
    expect(box).toBeChecked();
    await waitFor(() => expect(screen.getByText("Awa Diallo : arrivée enregistrée.")).toBeInTheDocument());
    expect(tick).toHaveBeenCalledWith({ bookingId: BOOKING, position: 1, arrived: true });
  });

  it("is taken back by unticking", async () => {
    const tick = jest.fn(async () => ({ ok: true }));
    const box = renderBox(tick, true);
    fireEvent.click(box);
    await waitFor(() => expect(screen.getByText("Awa Diallo : arrivée retirée.")).toBeInTheDocument());
    expect(box).not.toBeChecked();
    expect(tick).toHaveBeenCalledWith({ bookingId: BOOKING, position: 1, arrived: false });
  });

  it("goes back as it was when the server refuses, or the connection is lost, and says why", async () => {
    const tick = jest.fn(async () => ({ ok: false, message: "Cette invitation est pour un autre jour." }));
    const box = renderBox(tick);
    fireEvent.click(box);
    await waitFor(() => expect(screen.getByText("Cette invitation est pour un autre jour.")).toBeInTheDocument());
    expect(box).not.toBeChecked();
    // The box takes a new tap once the first answer is through (a tap while it is busy is ignored): on a
    // loaded machine the message can be drawn a render before the box stops being busy.
    await waitFor(() => expect(box).toHaveAttribute("aria-busy", "false"));

    tick.mockImplementation(async () => {
      throw new TypeError("Failed to fetch");
    });
    await act(async () => fireEvent.click(box));
    await waitFor(() => expect(screen.getByText(/La coche n'a pas été enregistrée/)).toBeInTheDocument());
    expect(box).not.toBeChecked();
  });
});

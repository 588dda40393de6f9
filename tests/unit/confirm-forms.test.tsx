/** @jest-environment jsdom */
// Issue 28.3: the three forms that cannot be undone (take a person off the list, change the visitor code,
// cancel a booking) are ActionForms with their confirmation box as a field: the server's refusal of an
// unticked box (formAction's `confirm`) is said under the box, tied to it, and in the form's summary.
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { CancelBookingForm } from "@/components/offer/cancel-booking-form";
import { ArchivePersonForm } from "@/components/partner/person-form";
import { RenewCodeForm } from "@/components/partner/renew-code-form";
import type { ActionState } from "@/lib/actions/state";
import messages from "@/messages/fr";
import { pickMessages } from "@/lib/i18n/client-messages";

const ID = "0190f0e0-0000-7000-8000-0000000000b1";
const NEEDED = "Cochez la case pour confirmer.";

/** As formAction answers: refused without the box, accepted with it. */
function serverAction() {
  return jest.fn(async (_state: ActionState, data: FormData): Promise<ActionState> =>
    data.get("confirm") === "oui" ? { ok: true, message: "Fait." } : { ok: false, message: NEEDED, fieldErrors: { confirm: [NEEDED] } },
  );
}

const forms = [
  {
    name: "ArchivePersonForm",
    idField: "personId",
    box: /^Je confirme\. Ses réservations passées/,
    button: "Retirer de la liste",
    render: (action: ReturnType<typeof serverAction>) => <ArchivePersonForm personId={ID} archive={action} />,
  },
  {
    name: "RenewCodeForm",
    idField: "partnerId",
    box: /^Changer le code \? L'ancien ne marchera plus/,
    button: "Changer le code",
    render: (action: ReturnType<typeof serverAction>) => <RenewCodeForm partnerId={ID} renew={action} hasCode />,
  },
  {
    name: "CancelBookingForm",
    idField: "bookingId",
    box: /^Je confirme l'annulation/,
    button: "Annuler la réservation",
    render: (action: ReturnType<typeof serverAction>) => <CancelBookingForm bookingId={ID} cancel={action} />,
  },
];

describe.each(forms)("$name", ({ idField, box, button, render: form }) => {
  function renderForm() {
    const action = serverAction();
    render(
      <NextIntlClientProvider locale="fr" messages={pickMessages(messages)}>
        {form(action)}
      </NextIntlClientProvider>,
    );
    return action;
  }

  it("says the server's refusal of an unticked box under the box, tied to it, and in the summary that takes the focus", async () => {
    const action = renderForm();
    await act(async () => fireEvent.submit(screen.getByRole("button", { name: button }).closest("form")!));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(action.mock.calls[0]![1].get(idField)).toBe(ID);
    const summary = await screen.findByRole("alert");
    await waitFor(() => expect(summary).toHaveFocus());
    expect(summary).toHaveTextContent(NEEDED);
    const checkbox = screen.getByRole("checkbox", { name: box });
    expect(checkbox).toHaveAttribute("aria-invalid", "true");
    expect(checkbox).toHaveAccessibleDescription(NEEDED);
  });

  it("sends confirm=oui once the box is ticked", async () => {
    const action = renderForm();
    fireEvent.click(screen.getByRole("checkbox", { name: box }));
    await act(async () => fireEvent.submit(screen.getByRole("button", { name: button }).closest("form")!));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(action.mock.calls[0]![1].get("confirm")).toBe("oui");
    expect(await screen.findByRole("status")).toHaveTextContent("Fait.");
  });
});

it("RenewCodeForm without a code creates one with nothing to confirm", async () => {
  const action = serverAction();
  render(
    <NextIntlClientProvider locale="fr" messages={pickMessages(messages)}>
      <RenewCodeForm partnerId={ID} renew={action} hasCode={false} />
    </NextIntlClientProvider>,
  );
  expect(screen.queryByRole("checkbox")).toBeNull();
  await act(async () => fireEvent.submit(screen.getByRole("button", { name: "Créer le code" }).closest("form")!));
  expect(await screen.findByRole("status")).toHaveTextContent("Fait.");
});

/** @jest-environment jsdom */
// The buttons on an account's row (components/auth/accounts-forms.tsx): each sends the account's id,
// deactivating asks first, a refusal shows beside the button, and resending also says it was sent.
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { ActiveToggle, ResendInvitation } from "@/components/auth/accounts-forms";
import type { ActionState } from "@/lib/actions/state";
import messages from "@/messages/fr";
import { pickMessages } from "@/lib/i18n/client-messages";

const USER = "0195f3c2-7a4e-7b1d-9c3e-5a6b7c8d9e0f";

function withMessages(node: React.ReactNode) {
  return render(
    <NextIntlClientProvider locale="fr" messages={pickMessages(messages)}>
      {node}
    </NextIntlClientProvider>,
  );
}

const answering = (answer: ActionState) => jest.fn<Promise<ActionState>, [ActionState, FormData]>(async () => answer);

describe("an account's buttons", () => {
  afterEach(() => jest.restoreAllMocks());

  it("deactivate only once confirmed, sending the account and the new state", async () => {
    const action = answering({ ok: true, message: "fait" });
    withMessages(<ActiveToggle userId={USER} name="Awa Diallo" active setActive={action} />);
    const ask = jest.spyOn(window, "confirm").mockReturnValueOnce(false).mockReturnValueOnce(true);
    const button = screen.getByRole("button", { name: "Désactiver" });
    fireEvent.click(button);
    expect(ask).toHaveBeenCalledWith(expect.stringContaining("Awa Diallo"));
    expect(action).not.toHaveBeenCalled();
    fireEvent.click(button);
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(Object.fromEntries(action.mock.calls[0]![1])).toEqual({ userId: USER, active: "false" });
    // A success of the toggle shows nothing beside it: the list is drawn again.
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("words the confirmation when the button is pressed, not when each row is drawn (issue 35.2)", async () => {
    // 25 rows a page: worded for each row at each view, the question (a message with the person's name)
    // was a share of the accounts page's rendering, for a button seldom pressed.
    let worded = 0;
    const picked = pickMessages(messages) as { accounts: Record<string, string> };
    const question = picked.accounts.deactivateConfirm!;
    const counting = { ...picked, accounts: { ...picked.accounts } };
    Object.defineProperty(counting.accounts, "deactivateConfirm", { enumerable: true, get: () => (worded++, question) });
    render(
      <NextIntlClientProvider locale="fr" messages={counting}>
        {["Awa Diallo", "Karim Haddad", "Claire Martin"].map((name, n) => (
          <ActiveToggle key={name} userId={USER.replace(/f$/, String(n))} name={name} active setActive={answering({ ok: true, message: "" })} />
        ))}
      </NextIntlClientProvider>,
    );
    expect(worded).toBe(0);
    const ask = jest.spyOn(window, "confirm").mockReturnValueOnce(false);
    fireEvent.click(screen.getAllByRole("button", { name: "Désactiver" })[1]!);
    expect(ask).toHaveBeenCalledWith(expect.stringContaining("Karim Haddad"));
  });

  it("reactivate without asking, and show a refusal beside the button", async () => {
    const action = answering({ ok: false, message: "Compte introuvable." });
    const ask = jest.spyOn(window, "confirm");
    withMessages(<ActiveToggle userId={USER} name="Awa Diallo" active={false} setActive={action} />);
    fireEvent.click(screen.getByRole("button", { name: "Réactiver" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Compte introuvable.");
    expect(ask).not.toHaveBeenCalled();
    expect(Object.fromEntries(action.mock.calls[0]![1])).toEqual({ userId: USER, active: "true" });
  });

  it("resend the invitation and say so", async () => {
    const action = answering({ ok: true, message: "Invitation renvoyée à awa@exemple.fr." });
    withMessages(<ResendInvitation userId={USER} resend={action} />);
    fireEvent.click(screen.getByRole("button", { name: "Renvoyer l'invitation" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Invitation renvoyée à awa@exemple.fr.");
    expect(Object.fromEntries(action.mock.calls[0]![1])).toEqual({ userId: USER });
  });
});

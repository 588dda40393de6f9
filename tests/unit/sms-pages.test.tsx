/** @jest-environment jsdom */
// Issue 30 part 1, the pages of text messages: a person's number and consent, the booking form's choices
// about texts, the association's SMS outbox and the answers on a structure's home.
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { PersonMobileForm } from "@/components/partner/person/mobile-form";
import messages from "@/messages/fr";
import { pickMessages } from "@/lib/i18n/client-messages";

const PERSON = "0190f0e0-0000-7000-8000-000000000001";

function wrap(children: React.ReactNode) {
  return render(
    <NextIntlClientProvider locale="fr" messages={pickMessages(messages)}>
      {children}
    </NextIntlClientProvider>,
  );
}

describe("a person's number (issue 30.1)", () => {
  it("asks for a number and the person's consent, and sends both", async () => {
    const record = jest.fn(async () => ({ ok: true, message: "Numéro enregistré, avec l'accord de la personne." }));
    wrap(<PersonMobileForm personId={PERSON} mobile={null} record={record} withdraw={jest.fn()} />);
    expect(screen.getByText("Pas de numéro enregistré.")).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText("Numéro de téléphone portable", { exact: false }), { target: { value: "06 12 34 56 78" } });
    const consent = screen.getByRole("checkbox", { name: /est d'accord pour recevoir des SMS/ });
    expect(consent).toBeRequired();
    fireEvent.click(consent);
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer le numéro" }));
    await waitFor(() => expect(record).toHaveBeenCalledTimes(1));
    const sent = (record.mock.calls[0] as unknown as [unknown, FormData])[1];
    expect(Object.fromEntries(sent.entries())).toMatchObject({ personId: PERSON, number: "06 12 34 56 78", consent: "on" });
  });

  it("shows the number recorded, who noted the consent and when, and lets the referent withdraw it", async () => {
    const withdraw = jest.fn(async () => ({ ok: true, message: "Accord retiré : le numéro est effacé." }));
    wrap(<PersonMobileForm personId={PERSON} mobile={{ number: "+33612345678", consentAt: "le 6 décembre 2026 à 18 h", consentBy: "Claire Martin" }} record={jest.fn()} withdraw={withdraw} />);
    expect(screen.getByText("+33612345678")).toBeInTheDocument();
    expect(screen.getByText("Accord donné le le 6 décembre 2026 à 18 h, noté par Claire Martin.")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Retirer l'accord et effacer le numéro" }));
    await waitFor(() => expect(withdraw).toHaveBeenCalledTimes(1));
    expect(Object.fromEntries((withdraw.mock.calls[0] as unknown as [unknown, FormData])[1].entries())).toMatchObject({ personId: PERSON });
    expect(screen.getByRole("button", { name: "Remplacer le numéro" })).toBeInTheDocument();
  });
});

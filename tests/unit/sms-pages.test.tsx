/** @jest-environment jsdom */
// Issue 30 part 1, the pages of text messages: a person's number and consent, the booking form's choices
// about texts, the association's SMS outbox and the answers on a structure's home.
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { BookingForm } from "@/components/offer/booking-form";
import { SmsOutbox } from "@/components/admin/outbox/sms-outbox";
import { SmsAnswers } from "@/components/partner/home/sms-answers";
import { PersonMobileForm } from "@/components/partner/person/mobile-form";
import messages from "@/messages/fr";
import { pickMessages } from "@/lib/i18n/client-messages";

jest.mock("next/navigation", () => ({
  useRouter: () => ({ push: jest.fn(), replace: jest.fn(), refresh: jest.fn(), prefetch: jest.fn(), back: jest.fn(), forward: jest.fn() }),
}));

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
    wrap(
      <PersonMobileForm
        personId={PERSON}
        mobile={{ number: "+33612345678", consentAt: "le 6 décembre 2026 à 18 h", consentBy: "Claire Martin" }}
        record={jest.fn()}
        withdraw={withdraw}
      />,
    );
    expect(screen.getByText("+33612345678")).toBeInTheDocument();
    expect(screen.getByText("Accord donné le le 6 décembre 2026 à 18 h, noté par Claire Martin.")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Retirer l'accord et effacer le numéro" }));
    await waitFor(() => expect(withdraw).toHaveBeenCalledTimes(1));
    expect(Object.fromEntries((withdraw.mock.calls[0] as unknown as [unknown, FormData])[1].entries())).toMatchObject({ personId: PERSON });
    expect(screen.getByRole("button", { name: "Remplacer le numéro" })).toBeInTheDocument();
  });
});

const SMS = "0190f0e0-0000-7000-8000-0000000000a1";
const text = (fields: Partial<Parameters<typeof SmsOutbox>[0]["texts"][number]> = {}) => ({
  id: SMS,
  kind: "CONFIRMATION",
  to: "+33 6 •• •• •• 78",
  text: "Bonjour Awa,\nTa place est réservée.",
  encoding: "GSM7",
  segments: 1,
  status: "KEPT",
  createdAt: "le 6 décembre 2026 à 18 h",
  error: null,
  ...fields,
});

describe("the association's SMS outbox (issue 30.3)", () => {
  it("shows each text as sent, its number masked, and what it cost", () => {
    wrap(<SmsOutbox texts={[text()]} waiting={0} settings={{ reminderHour: 18, monthlyBudget: null }} resend={jest.fn()} saveSettings={jest.fn()} />);
    expect(screen.getByRole("heading", { name: "Confirmation" })).toBeInTheDocument();
    expect(screen.getByText(/Bonjour Awa,/)).toBeInTheDocument();
    expect(screen.getByText(/À \+33 6 •• •• •• 78 · Gardé ici \(démo\) · 1 SMS \(GSM7\)/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Envoyer à nouveau" })).not.toBeInTheDocument();
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
  });

  it("offers to send a failed text again", async () => {
    const resend = jest.fn(async () => ({ ok: true, message: "Le SMS repart : il sera envoyé dans un instant." }));
    wrap(
      <SmsOutbox
        texts={[text({ status: "FAILED", error: "L'opérateur SMS n'a pas répondu à temps (connexion)." })]}
        waiting={0}
        settings={{ reminderHour: 18, monthlyBudget: null }}
        resend={resend}
        saveSettings={jest.fn()}
      />,
    );
    expect(screen.getByText(/Échec/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Envoyer à nouveau" }));
    await waitFor(() => expect(resend).toHaveBeenCalledTimes(1));
    expect(Object.fromEntries((resend.mock.calls[0] as unknown as [unknown, FormData])[1].entries())).toMatchObject({ smsId: SMS });
  });

  it("says when texts wait for the budget, and sets the budget and the reminder's hour", async () => {
    const saveSettings = jest.fn(async () => ({ ok: true, message: "Réglages des SMS enregistrés." }));
    wrap(
      <SmsOutbox
        texts={[text({ status: "OVER_BUDGET" })]}
        waiting={3}
        settings={{ reminderHour: 18, monthlyBudget: 100 }}
        resend={jest.fn()}
        saveSettings={saveSettings}
      />,
    );
    expect(screen.getByRole("status")).toHaveTextContent("Le budget du mois est atteint : 3 SMS attendent le mois prochain ou un budget plus grand.");
    expect(screen.getByLabelText("Heure du rappel, la veille")).toHaveValue(18);
    fireEvent.change(screen.getByLabelText(/Budget du mois/), { target: { value: "250" } });
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer" }));
    await waitFor(() => expect(saveSettings).toHaveBeenCalledTimes(1));
    expect(Object.fromEntries((saveSettings.mock.calls[0] as unknown as [unknown, FormData])[1].entries())).toMatchObject({
      reminderHour: "18",
      monthlyBudget: "250",
    });
  });
});

describe("the answers on a structure's home (issue 30.4)", () => {
  it("says what each answer did, links to the booking, and marks it read", async () => {
    const markRead = jest.fn(async () => ({ ok: true, message: "Réponse marquée comme lue." }));
    const answer = {
      id: SMS,
      outcome: "REFERENT_TO_CALL" as const,
      text: "non",
      name: "Awa Diallo",
      bookingId: PERSON,
      receivedAt: "le 6 décembre 2026 à 19 h",
    };
    wrap(<SmsAnswers answers={[answer, { ...answer, id: PERSON, outcome: "STOPPED", text: "STOP", name: "Nina Diallo" }]} markRead={markRead} />);
    expect(screen.getByText("Awa Diallo a répondu « non » : la réservation est gardée, appelez la personne.")).toBeInTheDocument();
    expect(screen.getByText("Nina Diallo a répondu STOP : plus aucun SMS ne lui sera envoyé.")).toBeInTheDocument();
    expect(screen.getAllByRole("link", { name: "Voir la réservation" })[0]).toHaveAttribute("href", `/partenaire/reservations/${PERSON}`);
    fireEvent.click(screen.getAllByRole("button", { name: "J'ai lu" })[0]!);
    await waitFor(() => expect(markRead).toHaveBeenCalledTimes(1));
    expect(Object.fromEntries((markRead.mock.calls[0] as unknown as [unknown, FormData])[1].entries())).toMatchObject({ answerId: SMS });
  });
});

describe("the booking form's texts (issue 30.2)", () => {
  const sent = () => JSON.parse((document.querySelector('input[name="booking"]') as HTMLInputElement).value);

  function renderForm(mobile: boolean, apply = false) {
    const search = jest.fn(async () => [{ id: PERSON, firstName: "Awa", lastName: "Diallo", mobile }]);
    const book = jest.fn(async () => ({ ok: false, message: "Aucune réservation faite." }));
    wrap(
      <BookingForm
        sessionId="0190f0e0-0000-7000-8000-0000000000ff"
        partnerId="0190f0e0-0000-7000-8000-0000000000ee"
        placesLeft={5}
        quotaLeft={null}
        search={search}
        book={book}
        idempotencyKey="0190f0e0-0000-7000-8000-0000000000aa"
        apply={apply}
      />,
    );
    return { book };
  }

  async function chooseAwa() {
    fireEvent.change(screen.getByLabelText("Chercher une personne de votre structure"), { target: { value: "aw" } });
    fireEvent.click(await screen.findByRole("button", { name: "Ajouter Awa Diallo" }));
  }

  it("says a person with a number on file gets texts, and offers the confirmation and the NON that cancels all", async () => {
    renderForm(true);
    await chooseAwa();
    expect(screen.getByText("Awa Diallo recevra les SMS au numéro de sa fiche.")).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "SMS à la personne" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("checkbox", { name: "Envoyer aussi la confirmation par SMS" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Si la personne répond NON, annuler toute la réservation" }));
    expect(sent().texts).toEqual({ confirmation: true, mainMayCancel: true, guests: [] });
  });

  it("sends nothing about texts when no guest has or is given a number", async () => {
    renderForm(false);
    await chooseAwa();
    expect(screen.queryByRole("group", { name: "SMS à la personne" })).not.toBeInTheDocument();
    expect(sent().texts).toBeUndefined();
  });

  it("offers no texts on an application to a draw, which books nobody yet", async () => {
    renderForm(false, true);
    await chooseAwa();
    expect(screen.queryByRole("checkbox", { name: "Prévenir Awa Diallo par SMS" })).not.toBeInTheDocument();
    expect(sent().texts).toBeUndefined();
  });

  it("takes a number for a companion, for this booking only, with their consent", async () => {
    renderForm(true);
    await chooseAwa();
    fireEvent.click(screen.getByRole("button", { name: "Ajouter un accompagnateur" }));
    fireEvent.change(screen.getAllByLabelText("Prénom").at(-1)!, { target: { value: "Nina" } });
    fireEvent.change(screen.getAllByLabelText("Nom").at(-1)!, { target: { value: "Diallo" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "Prévenir Nina Diallo par SMS" }));
    fireEvent.change(screen.getByLabelText("Portable de Nina Diallo (pour cette sortie seulement)"), { target: { value: "+44 7911 123456" } });
    const consent = screen.getByRole("checkbox", { name: "Nina Diallo est d'accord pour recevoir des SMS sur cette sortie" });
    expect(consent).toBeRequired();
    fireEvent.click(consent);
    expect(sent().texts.guests).toEqual([{ position: 1, number: "+44 7911 123456", consent: true }]);
  });
});

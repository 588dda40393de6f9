/** @jest-environment jsdom */
// The booking form announces, before anything is sent, when places or the quota run short, and offers
// exactly the choices lib/booking allows.
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { BookingForm } from "@/components/offer/booking-form";
import messages from "@/messages/fr";

const PARTNER = "0190f0e0-0000-7000-8000-000000000001";

type Answer = { ok: boolean; message?: string; link?: { href: string; label: string } };

function renderForm({ placesLeft = 5, quotaLeft = null as number | null, answer = { ok: false, message: "Aucune réservation faite." } as Answer } = {}) {
  const search = jest.fn(async () => [{ id: "0190f0e0-0000-7000-8000-00000000000a", firstName: "Zoé", lastName: "Lefèvre" }]);
  const book = jest.fn(async () => answer);
  render(
    <NextIntlClientProvider locale="fr" messages={messages}>
      <BookingForm sessionId="0190f0e0-0000-7000-8000-0000000000ff" partnerId={PARTNER} placesLeft={placesLeft} quotaLeft={quotaLeft} search={search} book={book} idempotencyKey="0190f0e0-0000-7000-8000-0000000000aa" />
    </NextIntlClientProvider>,
  );
  return { search, book };
}

async function choosePerson() {
  fireEvent.change(screen.getByLabelText("Chercher une personne de votre structure"), { target: { value: "zo" } });
  fireEvent.click(await screen.findByRole("button", { name: "Ajouter Zoé Lefèvre" }));
}

describe("the booking form", () => {
  it("finds a person as you type and books them when places are enough", async () => {
    const { search } = renderForm();
    expect(screen.getByRole("button", { name: "Confirmer la réservation" })).toBeDisabled();
    await choosePerson();
    await waitFor(() => expect(search).toHaveBeenCalledWith(PARTNER, "zo"));
    expect(screen.getByText("1 invitation demandée")).toBeInTheDocument();
    expect(screen.queryByText(/pas assez de places/)).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Confirmer la réservation" })).toBeEnabled();
  });

  it("offers to split, waitlist or book nothing when the quota leaves fewer places than the group", async () => {
    renderForm({ placesLeft: 5, quotaLeft: 1 });
    await choosePerson();
    fireEvent.click(screen.getByRole("button", { name: "Ajouter un accompagnateur" }));
    expect(screen.getByText("2 invitations demandées")).toBeInTheDocument();
    expect(screen.getByText(/pas assez de places pour tout le groupe/)).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: /Prendre la place disponible/ })).toBeChecked();
    fireEvent.click(screen.getByRole("radio", { name: "Mettre tout le groupe en liste d'attente" }));
    expect(screen.getByRole("button", { name: "S'inscrire en liste d'attente" })).toBeInTheDocument();
    const payload = JSON.parse((document.querySelector('input[name="booking"]') as HTMLInputElement).value);
    expect(payload).toMatchObject({ ifShort: "WAITLIST", people: [{ firstName: "Zoé" }], companions: [{ kind: "FAMILY_OR_FRIEND" }] });
  });

  it("sends the key drawn when the form was shown, the same at every send (hardening item 8)", async () => {
    renderForm();
    await choosePerson();
    const payload = JSON.parse((document.querySelector('input[name="booking"]') as HTMLInputElement).value);
    expect(payload.idempotencyKey).toBe("0190f0e0-0000-7000-8000-0000000000aa");
  });

  it("links to the booking a person already holds when the server says so (hardening item 7)", async () => {
    const answer = { ok: false, message: "Une personne de la demande a déjà une place pour cette séance (réservation K7QM-3RTX).", link: { href: "/partenaire/reservations/0190f0e0-0000-7000-8000-0000000000bb", label: "Voir la réservation K7QM-3RTX" } };
    const { book } = renderForm({ answer });
    await choosePerson();
    fireEvent.click(screen.getByRole("button", { name: "Confirmer la réservation" }));
    await waitFor(() => expect(book).toHaveBeenCalled());
    expect(await screen.findByRole("link", { name: "Voir la réservation K7QM-3RTX" })).toHaveAttribute("href", "/partenaire/reservations/0190f0e0-0000-7000-8000-0000000000bb");
    expect(screen.getByRole("alert")).toHaveTextContent("a déjà une place pour cette séance");
  });

  it("offers only the waitlist or nothing when no place is left", async () => {
    renderForm({ placesLeft: 0 });
    await choosePerson();
    expect(screen.queryByRole("radio", { name: /Prendre/ })).not.toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "Mettre tout le groupe en liste d'attente" })).toBeChecked();
    expect(screen.getByRole("radio", { name: "Ne rien réserver" })).toBeInTheDocument();
  });
});

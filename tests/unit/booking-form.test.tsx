/** @jest-environment jsdom */
// The booking form announces, before anything is sent, when places or the quota run short, and offers
// exactly the choices lib/booking allows. A booking made sends the browser to its page (the server action
// answers where, rather than rendering that page into its answer: issue 14, item 5).
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { BookingForm, type BookingAnswer } from "@/components/offer/booking-form";
import { NEEDS_NOTE_MAX } from "@/lib/booking/schemas";
import messages from "@/messages/fr";
import { pickMessages } from "@/lib/i18n/client-messages";

const mockPush = jest.fn();
jest.mock("next/navigation", () => ({
  useRouter: () => ({ push: mockPush, replace: jest.fn(), refresh: jest.fn(), prefetch: jest.fn(), back: jest.fn(), forward: jest.fn() }),
}));
beforeEach(() => mockPush.mockClear());

const PARTNER = "0190f0e0-0000-7000-8000-000000000001";

type Answer = BookingAnswer;

function renderForm({
  placesLeft = 5,
  quotaLeft = null as number | null,
  answer = { ok: false, message: "Aucune réservation faite." } as Answer | (() => Promise<Answer>),
  booked = [] as string[],
} = {}) {
  const search = jest.fn(async () => [{ id: "0190f0e0-0000-7000-8000-00000000000a", firstName: "Zoé", lastName: "Lefèvre" }]);
  const book = jest.fn(async () => (typeof answer === "function" ? answer() : answer));
  render(
    <NextIntlClientProvider locale="fr" messages={pickMessages(messages)}>
      <BookingForm
        sessionId="0190f0e0-0000-7000-8000-0000000000ff"
        partnerId={PARTNER}
        placesLeft={placesLeft}
        quotaLeft={quotaLeft}
        search={search}
        book={book}
        idempotencyKey="0190f0e0-0000-7000-8000-0000000000aa"
        booked={booked}
      />
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

  it('goes to the booking\'s page once the server answers where it is, saying "Réservation en cours…" until then', async () => {
    let answer: (value: Answer) => void = () => {};
    const { book } = renderForm({ answer: () => new Promise<Answer>((resolve) => (answer = resolve)) });
    await choosePerson();
    fireEvent.click(screen.getByRole("button", { name: "Confirmer la réservation" }));
    await waitFor(() => expect(book).toHaveBeenCalledTimes(1));
    expect(screen.getByRole("button", { name: "Réservation en cours…" })).toBeDisabled();
    expect(mockPush).not.toHaveBeenCalled();
    const href = "/partenaire/reservations/0190f0e0-0000-7000-8000-0000000000bb?resultat=CONFIRMED";
    await act(async () => answer({ ok: true, outcome: "CONFIRMED", href }));
    expect(mockPush).toHaveBeenCalledTimes(1);
    expect(mockPush).toHaveBeenCalledWith(href);
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("stays on the form with the server's message when nothing was booked, and goes nowhere", async () => {
    const { book } = renderForm({ answer: { ok: false, message: "Aucune réservation faite. Il ne reste plus de place pour cette séance." } });
    await choosePerson();
    fireEvent.click(screen.getByRole("button", { name: "Confirmer la réservation" }));
    await waitFor(() => expect(book).toHaveBeenCalledTimes(1));
    expect(await screen.findByRole("alert")).toHaveTextContent("Aucune réservation faite. Il ne reste plus de place pour cette séance.");
    expect(mockPush).not.toHaveBeenCalled();
    // The person chosen is still there, and the form can be sent again.
    expect(screen.getByText("Zoé Lefèvre")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Confirmer la réservation" })).toBeEnabled();
  });

  it("links to the booking a person already holds when the server says so (hardening item 7)", async () => {
    const answer = {
      ok: false,
      message: "Une personne de la demande a déjà une place pour cette séance (réservation K7QM-3RTX).",
      link: { href: "/partenaire/reservations/0190f0e0-0000-7000-8000-0000000000bb", label: "Voir la réservation K7QM-3RTX" },
    };
    const { book } = renderForm({ answer });
    await choosePerson();
    fireEvent.click(screen.getByRole("button", { name: "Confirmer la réservation" }));
    await waitFor(() => expect(book).toHaveBeenCalled());
    expect(await screen.findByRole("link", { name: "Voir la réservation K7QM-3RTX" })).toHaveAttribute(
      "href",
      "/partenaire/reservations/0190f0e0-0000-7000-8000-0000000000bb",
    );
    expect(screen.getByRole("alert")).toHaveTextContent("a déjà une place pour cette séance");
    expect(mockPush).not.toHaveBeenCalled();
  });

  it('sends the choice it shows after the server refused a "book nothing" request (issue item 4)', async () => {
    const answer = { ok: false, message: "Aucune réservation faite. Le quota de votre structure pour ce lieu est atteint." };
    const { book } = renderForm({ placesLeft: 5, quotaLeft: 0, answer });
    await choosePerson();
    fireEvent.click(screen.getByRole("radio", { name: "Ne rien réserver" }));
    fireEvent.click(screen.getByRole("button", { name: "Confirmer la réservation" }));
    await waitFor(() => expect(book).toHaveBeenCalledTimes(1));
    expect(await screen.findByRole("alert")).toHaveTextContent("Aucune réservation faite.");
    const sent = () => JSON.parse((document.querySelector('input[name="booking"]') as HTMLInputElement).value).ifShort;
    const shown = () => (screen.getAllByRole("radio") as HTMLInputElement[]).filter((radio) => radio.checked).map((radio) => radio.value);
    // What the partner sees chosen is what goes: the refusal leaves "Ne rien réserver" as it was.
    expect(shown()).toEqual([sent()]);
    expect(screen.getByRole("radio", { name: "Ne rien réserver" })).toBeChecked();
    // Then the partner turns to the waitlist: the form says so, and sends it.
    fireEvent.click(screen.getByRole("radio", { name: "Mettre tout le groupe en liste d'attente" }));
    expect(shown()).toEqual(["WAITLIST"]);
    expect(sent()).toBe("WAITLIST");
    fireEvent.click(screen.getByRole("button", { name: "S'inscrire en liste d'attente" }));
    await waitFor(() => expect(book).toHaveBeenCalledTimes(2));
    const calls = book.mock.calls as unknown as [unknown, FormData][];
    expect(JSON.parse(String(calls[1]![1].get("booking"))).ifShort).toBe("WAITLIST");
  });

  it("asks each guest's practical needs, folded away, and sends them with the note only for 'other' (issue item 6)", async () => {
    const { book } = renderForm();
    await choosePerson();
    fireEvent.click(screen.getByRole("button", { name: "Ajouter un accompagnateur" }));
    fireEvent.change(screen.getAllByLabelText("Prénom").at(-1)!, { target: { value: "Paul" } });
    fireEvent.change(screen.getAllByLabelText("Nom").at(-1)!, { target: { value: "Martin" } });
    const payload = () => JSON.parse((document.querySelector('input[name="booking"]') as HTMLInputElement).value);
    expect(payload()).toMatchObject({ people: [{ needs: [] }], companions: [{ needs: [] }] });

    // One fold per guest, named for screen readers by the guest it is for.
    const zoe = screen.getByRole("group", { name: "Besoins pratiques de Zoé Lefèvre" });
    const paul = screen.getByRole("group", { name: "Besoins pratiques de Paul Martin" });
    const zoeFold = zoe.closest("details")!;
    const summary = zoeFold.querySelector("summary")!;
    expect(summary).toHaveTextContent("Besoins pratiques (facultatif) pour Zoé Lefèvre");
    expect(paul.closest("details")!.querySelector("summary")).toHaveTextContent("Besoins pratiques (facultatif) pour Paul Martin");
    expect(zoeFold).not.toHaveAttribute("open");
    fireEvent.click(summary);
    expect(within(zoe).getAllByRole("checkbox")).toHaveLength(8);
    fireEvent.click(within(zoe).getByRole("checkbox", { name: "Place pour fauteuil roulant" }));
    fireEvent.click(within(zoe).getByRole("checkbox", { name: "Autre besoin" }));
    const note = within(zoe).getByRole("textbox", { name: "Précisez l'autre besoin" });
    expect(note).toBeRequired();
    expect(note).toHaveAttribute("maxLength", String(NEEDS_NOTE_MAX));
    expect(within(paul).getByRole("textbox", { name: "Précisez l'autre besoin" })).not.toBeRequired();
    fireEvent.click(within(paul).getByRole("checkbox", { name: "Documents en FALC (facile à lire)" }));

    // "Other" without its few words: the browser stops the form, and nothing is sent.
    fireEvent.click(screen.getByRole("button", { name: "Confirmer la réservation" }));
    expect(book).not.toHaveBeenCalled();

    fireEvent.change(note, { target: { value: "Arrive avec un déambulateur" } });
    expect(summary).toHaveTextContent("2 besoins indiqués");
    expect(payload()).toMatchObject({
      people: [{ firstName: "Zoé", needs: ["WHEELCHAIR_SPACE", "OTHER"], needsNote: "Arrive avec un déambulateur" }],
      companions: [{ firstName: "Paul", needs: ["EASY_READING"] }],
    });
    expect(payload().companions[0]).not.toHaveProperty("needsNote");
    // Unticked, "other" takes its note away with it: what is shown is what is sent.
    fireEvent.click(within(zoe).getByRole("checkbox", { name: "Autre besoin" }));
    expect(payload().people[0]).toEqual(expect.objectContaining({ needs: ["WHEELCHAIR_SPACE"] }));
    expect(payload().people[0]).not.toHaveProperty("needsNote");
    expect(note).not.toBeRequired();
    fireEvent.click(screen.getByRole("button", { name: "Confirmer la réservation" }));
    await waitFor(() => expect(book).toHaveBeenCalledTimes(1));
  });

  it("opens a guest's fold when the browser stops the form on its empty note", async () => {
    const { book } = renderForm();
    await choosePerson();
    const fold = screen.getByRole("group", { name: "Besoins pratiques de Zoé Lefèvre" }).closest("details")!;
    fireEvent.click(within(fold).getByRole("checkbox", { name: "Autre besoin" }));
    fold.open = false;
    fireEvent.click(screen.getByRole("button", { name: "Confirmer la réservation" }));
    expect(fold.open).toBe(true);
    expect(book).not.toHaveBeenCalled();
  });

  it("offers only the waitlist or nothing when no place is left", async () => {
    renderForm({ placesLeft: 0 });
    await choosePerson();
    expect(screen.queryByRole("radio", { name: /Prendre/ })).not.toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "Mettre tout le groupe en liste d'attente" })).toBeChecked();
    expect(screen.getByRole("radio", { name: "Ne rien réserver" })).toBeInTheDocument();
  });
});

describe("where the keyboard goes (issue 13, item 3)", () => {
  it("moves to the new companion's first field, and back to the search after adding a person, saying so", async () => {
    renderForm();
    await choosePerson();
    const search = screen.getByLabelText("Chercher une personne de votre structure");
    await waitFor(() => expect(search).toHaveFocus());
    expect(screen.getByText("Zoé Lefèvre fait partie de la réservation.")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Ajouter un accompagnateur" }));
    const firstNames = screen.getAllByLabelText("Prénom");
    await waitFor(() => expect(firstNames.at(-1)).toHaveFocus());
  });

  it("marks a person already booked or waiting on the session, who cannot be added again (issue 29.12)", async () => {
    renderForm({ booked: ["0190f0e0-0000-7000-8000-00000000000a"] });
    fireEvent.change(screen.getByLabelText("Chercher une personne de votre structure"), { target: { value: "zo" } });
    expect(await screen.findByText("Zoé Lefèvre : déjà inscrite sur cette séance")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Ajouter Zoé Lefèvre" })).not.toBeInTheDocument();
  });

  it("keeps the focus on the message after a refusal (issue 29.12)", async () => {
    const { book } = renderForm();
    await choosePerson();
    fireEvent.click(screen.getByRole("button", { name: "Confirmer la réservation" }));
    await waitFor(() => expect(book).toHaveBeenCalled());
    const alert = await screen.findByRole("alert");
    await waitFor(() => expect(alert).toHaveFocus());
  });
});

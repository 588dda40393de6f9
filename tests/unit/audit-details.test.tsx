/** @jest-environment jsdom */
// An audit entry in words, as the journal and a booking's history show it: the action's label, and its
// details as "key : value" lines with the values in French.
import { render, screen } from "@testing-library/react";
import { actionLabeller, AuditDetails } from "@/components/association/journal/audit-details";

jest.mock("next-intl/server", () => ({
  getLocale: async () => "fr",
  getMessages: async () => jest.requireActual<{ default: Record<string, unknown> }>("@/messages/fr").default,
  getTimeZone: async () => "Europe/Paris",
}));

describe("an audit entry in words", () => {
  it("names the draw's actions and the partner's attendance, and keeps the code of an unknown one", async () => {
    const label = await actionLabeller();
    expect(label("session.draw_set")).toBe("Séance passée en candidatures puis tirage");
    expect(label("session.drawn")).toBe("Tirage au sort fait");
    expect(label("booking.check_in_undone")).toBe("Entrée retirée de la liste (cochée par erreur)");
    expect(label("booking.attendance_recorded")).toBe("Présences notées par la structure");
    expect(label("booking.unheard_of")).toBe("booking.unheard_of");
  });

  it("says what the partner noted after the outing, guests counted from 1 and the mood in French", async () => {
    render(await AuditDetails({ before: null, after: { attended: [0, 1], absent: [2], mood: "LOVED", places: 3 } }));
    expect(screen.getByText("présentes (rang dans la réservation) :").parentElement).toHaveTextContent("présentes (rang dans la réservation) : 1, 2");
    expect(screen.getByText("absentes (rang dans la réservation) :").parentElement).toHaveTextContent("absentes (rang dans la réservation) : 3");
    // Other numbers are numbers.
    expect(screen.getByText("places :").parentElement).toHaveTextContent("places : 3");
    expect(screen.getByText("avis :").parentElement).toHaveTextContent("avis : a adoré");
  });

  it("says when a draw's window opens and closes, and its fingerprint", async () => {
    render(await AuditDetails({ before: null, after: { opensAt: "2027-05-01T08:00:00.000Z", closesAt: "2027-05-10T16:00:00.000Z", fingerprint: "ab12" } }));
    expect(screen.getByText("ouverture :").parentElement).toHaveTextContent("ouverture : 1er mai 2027 à 10 h");
    expect(screen.getByText("clôture :").parentElement).toHaveTextContent("clôture : 10 mai 2027 à 18 h");
    expect(screen.getByText("empreinte :").parentElement).toHaveTextContent("empreinte : ab12");
  });

  it("says a venue's kind in words, before and after", async () => {
    render(await AuditDetails({ before: { venueKind: "THEATRE" }, after: { venueKind: "CONCERT_HALL" } }));
    expect(screen.getByText("type de lieu :").parentElement).toHaveTextContent("type de lieu : Théâtre → Salle de concert");
  });
});

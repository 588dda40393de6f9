/** @jest-environment jsdom */
// Issue 29.7: the first steps on a new structure's home, each said done or to do, a step to do being a link.
import { render, screen } from "@testing-library/react";
import { FirstStepsPanel } from "@/components/partner/first-steps-panel";

jest.mock("next-intl/server", () => ({
  getLocale: async () => "fr",
  getMessages: async () => jest.requireActual<{ default: Record<string, unknown> }>("@/messages/fr").default,
  getTimeZone: async () => "Europe/Paris",
}));

it("ticks what is done and links to what is left", async () => {
  render(await FirstStepsPanel({ steps: { people: true, visitorCode: false, booking: false, done: false } }));
  expect(screen.getByRole("heading", { name: "Pour bien commencer" })).toBeInTheDocument();
  const [people, code, booking] = screen.getAllByRole("listitem");
  expect(people).toHaveTextContent("Fait : Ajouter les personnes que vous accompagnez");
  expect(people!.querySelector("a")).toBeNull();
  expect(code).toHaveTextContent("À faire : Créer le code visiteur");
  expect(screen.getByRole("link", { name: /Créer le code visiteur/ })).toHaveAttribute("href", "#code");
  expect(booking).toHaveTextContent("À faire : Réserver une première sortie");
  expect(screen.getByRole("link", { name: "Réserver une première sortie" })).toHaveAttribute("href", "/offre");
});

/** @jest-environment jsdom */
// Issue 34.4: a card says, with a pictogram and words, that its event needs no French; the easy reading's
// choice turns the filter on and off.
import { render, screen } from "@testing-library/react";
import { FrenchNeedBadge, WithoutFrenchChoice } from "@/components/offer/french-need";

jest.mock("next-intl/server", () => ({
  getLocale: async () => "fr",
  getMessages: async () => jest.requireActual<{ default: Record<string, unknown> }>("@/messages/fr").default,
  getTimeZone: async () => "Europe/Paris",
}));

describe("FrenchNeedBadge", () => {
  it("says it in words beside a pictogram that screen readers skip", async () => {
    const { container } = render(await FrenchNeedBadge({ event: { frenchNeed: "NONE", performedIn: null } }));
    expect(container).toHaveTextContent("Pas besoin de parler français");
    expect(container.querySelector("svg")).toHaveAttribute("aria-hidden", "true");
  });

  it("names the language of a performance in another one, in the reader's language", async () => {
    const { container } = render(await FrenchNeedBadge({ event: { frenchNeed: "OTHER_LANGUAGE", performedIn: "uk" } }));
    expect(container).toHaveTextContent("En ukrainien");
  });

  it("says nothing of an event that needs French", async () => {
    expect(await FrenchNeedBadge({ event: { frenchNeed: "FRENCH", performedIn: null } })).toBeNull();
  });
});

it("offers the outings without French, then all of them again", async () => {
  const href = (on: boolean) => (on ? "/offre?sans-francais=1" : "/offre");
  const { unmount } = render(await WithoutFrenchChoice({ on: false, href }));
  expect(screen.getByRole("link", { name: "Seulement les sorties sans français" })).toHaveAttribute("href", "/offre?sans-francais=1");
  unmount();
  render(await WithoutFrenchChoice({ on: true, href }));
  const all = screen.getByRole("link", { name: "Toutes les sorties, avec ou sans français" });
  expect(all).toHaveAttribute("href", "/offre");
  expect(all).toHaveAttribute("aria-current", "true");
});

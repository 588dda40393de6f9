/** @jest-environment jsdom */
// On a phone the catalog's filters fold behind one button that says how many are chosen and whether the
// fields are shown (a disclosure: aria-expanded, aria-controls).
import { fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { CatalogFiltersToggle } from "@/components/offer/catalog-filters-toggle";
import messages from "@/messages/fr";
import { pickMessages } from "@/lib/i18n/client-messages";

function renderToggle(activeCount: number) {
  render(
    <NextIntlClientProvider locale="fr" messages={pickMessages(messages)}>
      <CatalogFiltersToggle activeCount={activeCount}>
        <label htmlFor="q">Rechercher</label>
        <input id="q" />
      </CatalogFiltersToggle>
    </NextIntlClientProvider>,
  );
  return screen.getByRole("button", { name: /^Filtrer/ });
}

describe("the catalog's filters on a phone", () => {
  it("shows how many filters are chosen, to the eye and to a screen reader", () => {
    const button = renderToggle(3);
    expect(button).toHaveTextContent(/^Filtrer \(3\)/);
    expect(button).toHaveAccessibleName("Filtrer (3 filtres choisis)");
  });

  it("says when none is chosen", () => {
    expect(renderToggle(0)).toHaveAccessibleName("Filtrer (aucun filtre choisi)");
  });

  it("folds the fields until the button opens them, and folds them again", () => {
    const button = renderToggle(1);
    const panel = document.getElementById(button.getAttribute("aria-controls")!)!;
    expect(panel).toContainElement(screen.getByLabelText("Rechercher"));
    // Folded on a phone only: a wider screen always shows the fields and never the button.
    expect(button).toHaveAttribute("aria-expanded", "false");
    expect(button).toHaveClass("md:hidden");
    expect(panel).toHaveClass("max-md:hidden");
    fireEvent.click(button);
    expect(button).toHaveAttribute("aria-expanded", "true");
    expect(panel).not.toHaveClass("max-md:hidden");
    fireEvent.click(button);
    expect(button).toHaveAttribute("aria-expanded", "false");
    expect(panel).toHaveClass("max-md:hidden");
  });
});

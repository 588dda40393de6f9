/** @jest-environment jsdom */
// The pieces every page shares (issue 28.3): each written once. A scrolling table is a named region the
// keyboard reaches; "load or 404" turns the data layer's "not found" into the page that does not exist.
import { fireEvent, render, screen } from "@testing-library/react";
import { EmptyPageNotice } from "@/components/empty-page-notice";
import { PrintButton } from "@/components/print-button";
import { ScrollTable } from "@/components/scroll-table";
import { NotFoundError } from "@/lib/errors";
import { loadOr404 } from "@/lib/http/load-or-404";

const mockNotFound = jest.fn(() => {
  throw new Error("NEXT_NOT_FOUND");
});
jest.mock("next/navigation", () => ({ notFound: () => mockNotFound() }));

describe("ScrollTable", () => {
  it("is a region named by its label, reached with the keyboard", () => {
    render(
      <ScrollTable label="Tableau des invités, défilant">
        <table>
          <tbody>
            <tr>
              <td>Zoé</td>
            </tr>
          </tbody>
        </table>
      </ScrollTable>,
    );
    const region = screen.getByRole("region", { name: "Tableau des invités, défilant" });
    expect(region).toHaveAttribute("tabindex", "0");
    expect(region).toHaveClass("overflow-x-auto");
  });

  it("can be named by a heading and carry an anchor", () => {
    render(
      <>
        <h2 id="titre">Comptes</h2>
        <ScrollTable labelledBy="titre" id="ancre" className="rounded-lg">
          <table />
        </ScrollTable>
      </>,
    );
    const region = screen.getByRole("region", { name: "Comptes" });
    expect(region).toHaveAttribute("id", "ancre");
    expect(region).toHaveClass("rounded-lg");
  });
});

describe("EmptyPageNotice and PrintButton", () => {
  it("says that there is nothing to show", () => {
    render(<EmptyPageNotice>Aucune adhésion.</EmptyPageNotice>);
    expect(screen.getByText("Aucune adhésion.")).toHaveClass("rounded-lg");
  });

  it("prints the page, and is not printed itself", () => {
    const print = jest.spyOn(window, "print").mockImplementation(() => {});
    render(<PrintButton label="Imprimer la liste" />);
    const button = screen.getByRole("button", { name: "Imprimer la liste" });
    expect(button).toHaveClass("print:hidden");
    fireEvent.click(button);
    expect(print).toHaveBeenCalledTimes(1);
  });
});

describe("loadOr404", () => {
  beforeEach(() => mockNotFound.mockClear());

  it("gives what was loaded", async () => {
    await expect(loadOr404(Promise.resolve(42))).resolves.toBe(42);
  });

  it("turns the data layer's 'not found' into the page that does not exist", async () => {
    await expect(loadOr404(Promise.reject(new NotFoundError()))).rejects.toThrow("NEXT_NOT_FOUND");
    expect(mockNotFound).toHaveBeenCalledTimes(1);
  });

  it("lets any other error through", async () => {
    await expect(loadOr404(Promise.reject(new Error("panne")))).rejects.toThrow("panne");
    expect(mockNotFound).not.toHaveBeenCalled();
  });

  it("treats a malformed id as not found only when asked", async () => {
    const malformed = Object.assign(new Error("bad"), { code: "INVALID_INPUT" });
    await expect(loadOr404(Promise.reject(malformed))).rejects.toThrow("bad");
    await expect(loadOr404(Promise.reject(malformed), { malformedToo: true })).rejects.toThrow("NEXT_NOT_FOUND");
  });
});

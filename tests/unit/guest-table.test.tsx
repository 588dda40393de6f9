/** @jest-environment jsdom */
// The venue's guest list drawn from plain rows (components/venue/guest-table.tsx): one row per guest with
// its columns, the same facts folded under the name for a phone, a tick mark for who came, and boxes to
// tick on the session's day.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { GuestTable, type GuestRow } from "@/components/venue/guest-table";
import messages from "@/messages/fr";
import { pickMessages } from "@/lib/i18n/client-messages";

const rows: GuestRow[] = [
  {
    bookingId: "0190f0e0-0000-7000-8000-000000000001",
    position: 1,
    lastName: "Diallo",
    firstName: "Awa",
    number: "K7QM-3RTX",
    partnerName: "CCAS de Lyon",
    partnerPhone: "04 72 00 00 00",
    needs: "fauteuil roulant",
    arrived: true,
  },
  {
    bookingId: "0190f0e0-0000-7000-8000-000000000001",
    position: 2,
    lastName: "Diallo",
    firstName: "Moussa",
    number: "K7QM-3RTX",
    partnerName: "CCAS de Lyon",
    partnerPhone: "04 72 00 00 00",
    needs: "",
    arrived: false,
  },
  {
    bookingId: "0190f0e0-0000-7000-8000-000000000002",
    position: 1,
    lastName: "Martin",
    firstName: "Léa",
    number: "ABCD-EFGH",
    partnerName: "Foyer Soleil",
    partnerPhone: null,
    needs: "",
    arrived: false,
  },
];

function draw(tick?: jest.Mock) {
  render(
    <NextIntlClientProvider locale="fr" messages={pickMessages(messages)}>
      <GuestTable rows={rows} tick={tick} />
    </NextIntlClientProvider>,
  );
  const [header, ...body] = screen.getAllByRole("row");
  return { header: header!, body, cells: (row: number) => within(body[row]!).getAllByRole("cell") };
}

describe("the venue's guest list table", () => {
  it("shows one row per guest, with the number, the structure, its phone and the needs", () => {
    const { header, body, cells: cellsOf } = draw();
    expect(
      within(header)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["Arrivé", "Nom", "Réservation", "Structure", "À prévoir"]);
    expect(body).toHaveLength(3);
    const cells = cellsOf(0);
    expect(cells[1]).toHaveTextContent("Diallo Awa");
    expect(cells[2]).toHaveTextContent("K7QM-3RTX");
    expect(cells[3]).toHaveTextContent("CCAS de Lyon04 72 00 00 00");
    expect(cells[4]).toHaveTextContent("fauteuil roulant");
    // A structure without a phone shows no dangling separator in the folded view.
    expect(cellsOf(2)[1]).toHaveTextContent(/^Martin LéaABCD-EFGH · Foyer Soleil$/);
  });

  it("folds the number, the structure and the needs under the name for a phone", () => {
    const name = draw().cells(0)[1];
    expect(name).toHaveTextContent("Diallo AwaK7QM-3RTX · CCAS de Lyon · 04 72 00 00 00fauteuil roulant");
  });

  it("marks who came when arrivals are not ticked on the list", () => {
    const { cells } = draw();
    expect(cells(0)[0]).toHaveTextContent("arrivé");
    expect(cells(1)[0]).toBeEmptyDOMElement();
    expect(screen.queryByRole("checkbox")).toBeNull();
  });

  it("gives each guest a box to tick on the session's day, sending that guest's place", async () => {
    const tick = jest.fn(async () => ({ ok: true }));
    draw(tick);
    expect(screen.getByRole("checkbox", { name: "Arrivée de Awa Diallo" })).toBeChecked();
    const moussa = screen.getByRole("checkbox", { name: "Arrivée de Moussa Diallo" });
    expect(moussa).not.toBeChecked();
    fireEvent.click(moussa);
    await waitFor(() => expect(screen.getByText("Moussa Diallo : arrivée enregistrée.")).toBeInTheDocument());
    expect(tick).toHaveBeenCalledWith({ bookingId: rows[1]!.bookingId, position: 2, arrived: true });
  });
});

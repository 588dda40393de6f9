/** @jest-environment jsdom */
// After an outing, the partner says who came. Nobody is "venu" until someone says so: no answer is
// chosen in advance, a guest left without one stays unknown, and what was already recorded (by the
// partner, or at the door) shows as it is.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { AttendanceForm } from "@/components/partner/attendance-form";
import messages from "@/messages/fr";
import { pickMessages } from "@/lib/i18n/client-messages";

const BOOKING = "0190f0e0-0000-7000-8000-000000000001";

function renderForm(guests: { position: number; firstName: string; lastName: string; attendance: "ATTENDED" | "NO_SHOW" | null }[]) {
  const record = jest.fn(async () => ({ ok: true, message: "Présences enregistrées. Merci !" }));
  render(
    <NextIntlClientProvider locale="fr" messages={pickMessages(messages)}>
      <AttendanceForm bookingId={BOOKING} guests={guests} mood={null} record={record} />
    </NextIntlClientProvider>,
  );
  return { record };
}

const guestGroup = (name: string) => screen.getByRole("group", { name });

describe("the attendance form", () => {
  it("chooses nothing in advance for a guest not yet recorded", () => {
    renderForm([
      { position: 0, firstName: "Awa", lastName: "Diallo", attendance: null },
      { position: 1, firstName: "Moussa", lastName: "Diallo", attendance: null },
    ]);
    for (const name of ["Awa Diallo", "Moussa Diallo"]) {
      const group = guestGroup(name);
      expect(within(group).getByRole("radio", { name: "venu" })).not.toBeChecked();
      expect(within(group).getByRole("radio", { name: "absent" })).not.toBeChecked();
    }
    expect(screen.queryAllByRole("checkbox")).toHaveLength(0);
  });

  it("shows what was recorded, at the door or before", () => {
    renderForm([
      { position: 0, firstName: "Awa", lastName: "Diallo", attendance: "ATTENDED" },
      { position: 1, firstName: "Moussa", lastName: "Diallo", attendance: "NO_SHOW" },
    ]);
    expect(within(guestGroup("Awa Diallo")).getByRole("radio", { name: "venu" })).toBeChecked();
    expect(within(guestGroup("Moussa Diallo")).getByRole("radio", { name: "absent" })).toBeChecked();
  });

  it("sends only the answers given: a guest without one is left unknown", async () => {
    const { record } = renderForm([
      { position: 0, firstName: "Awa", lastName: "Diallo", attendance: null },
      { position: 1, firstName: "Moussa", lastName: "Diallo", attendance: null },
      { position: 2, firstName: "Fanta", lastName: "Diallo", attendance: null },
    ]);
    fireEvent.click(within(guestGroup("Awa Diallo")).getByRole("radio", { name: "venu" }));
    fireEvent.click(within(guestGroup("Fanta Diallo")).getByRole("radio", { name: "absent" }));
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer" }));
    await waitFor(() => expect(record).toHaveBeenCalledTimes(1));
    const data = (record.mock.calls as unknown as [unknown, FormData][])[0]![1];
    expect(data.get("bookingId")).toBe(BOOKING);
    expect(data.getAll("presence-0")).toEqual(["ATTENDED"]);
    expect(data.getAll("presence-1")).toEqual([]);
    expect(data.getAll("presence-2")).toEqual(["NO_SHOW"]);
    expect(data.getAll("attended")).toEqual([]);
  });
});

/** @jest-environment jsdom */
// Issue 32.2: what a door's device keeps of the day goes with the person who signs out — the list is erased
// before the session ends, whatever page the button is on. fake-indexeddb stands in for the browser's IndexedDB.
import "fake-indexeddb/auto";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { loadSnapshot, saveSnapshot } from "@/lib/venue/door-store";
import type { StoredSnapshot } from "@/lib/venue/door-offline";
import v8 from "node:v8";

// jsdom has no structuredClone, which IndexedDB (here fake-indexeddb) uses to store values; Node's own rules.
globalThis.structuredClone ??= <T,>(value: T): T => v8.deserialize(v8.serialize(value)) as T;

// The session's end itself is next-auth's (a redirect jsdom cannot follow): recorded, with what the device held then.
const heldAtSignOut: (StoredSnapshot | null)[] = [];
jest.mock("next-auth/react", () => ({
  signOut: async () => {
    heldAtSignOut.push(await loadSnapshot({ now: new Date("2026-12-21T18:50:00Z") }));
  },
}));

const snapshot: StoredSnapshot = {
  venueId: "5f0c2a52-6a8e-4c47-9b7e-2f7c3b7f9a10",
  venueName: "Théâtre des Lilas",
  day: "2026-12-21",
  takenAt: "2026-12-21T18:02:00Z",
  expiresAt: "2026-12-21T23:00:00Z",
  keys: {},
  sessions: [{ id: "s1", startsAt: "2026-12-21T19:30:00Z", endsAt: null, eventTitle: "Concert" }],
  bookings: [
    {
      number: "K7QM3RTX",
      sessionId: "s1",
      partnerName: "CHRS L'Escale",
      guests: [{ position: 0, firstName: "Zoé", lastName: "Lefèvre", needs: [], needsNote: null, arrivedAt: null }],
    },
  ],
  revoked: [],
};

it("erases the day's list from the device before signing out", async () => {
  await saveSnapshot(snapshot);
  await expect(loadSnapshot({ now: new Date("2026-12-21T18:50:00Z") })).resolves.toMatchObject({ day: "2026-12-21" });
  render(<SignOutButton label="Se déconnecter" />);
  fireEvent.click(screen.getByRole("button", { name: "Se déconnecter" }));
  await waitFor(() => expect(heldAtSignOut).toHaveLength(1));
  expect(heldAtSignOut[0]).toBeNull();
});

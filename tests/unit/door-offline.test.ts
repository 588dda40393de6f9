// Issue 32.3: the door's answers from the device's snapshot alone, and its store in IndexedDB (erased after
// the day's sessions and on sign-out). fake-indexeddb stands in for the browser's IndexedDB under Jest.
import "fake-indexeddb/auto";
import { randomBytes } from "node:crypto";
import { encodeInvitationCode, encodeLegacyInvitationCode, publishedKeys } from "@/lib/invitation/code";
import { checkOffline, type StoredSnapshot } from "@/lib/venue/door-offline";
import { eraseDoorData, loadSnapshot, markedArrivals, pendingMarks, queueMarks, saveSnapshot, settleMarks } from "@/lib/venue/door-store";
import { parisTime } from "@/lib/time";

const venueId = "5f0c2a52-6a8e-4c47-9b7e-2f7c3b7f9a10";
const startsAt = parisTime("2026-12-21", 20, 30);
const NOW = parisTime("2026-12-21", 19, 50);

beforeAll(() => {
  process.env.INVITATION_SIGNING_KEY = "k".repeat(43);
  process.env.INVITATION_ED25519_KEY = randomBytes(32).toString("base64url");
});

function snapshot(): StoredSnapshot {
  return {
    venueId,
    venueName: "Théâtre des Lilas",
    day: "2026-12-21",
    takenAt: parisTime("2026-12-21", 19, 2).toISOString(),
    expiresAt: parisTime("2026-12-22").toISOString(),
    keys: publishedKeys(),
    sessions: [{ id: "s1", startsAt: startsAt.toISOString(), endsAt: null, eventTitle: "Concert" }],
    bookings: [
      {
        number: "K7QM3RTX",
        sessionId: "s1",
        partnerName: "CHRS L'Escale",
        guests: [
          { position: 0, firstName: "Zoé", lastName: "Lefèvre", needs: ["WHEELCHAIR_SPACE"], needsNote: null, arrivedAt: null },
          { position: 1, firstName: "Jérôme", lastName: "Ndiaye", needs: [], needsNote: null, arrivedAt: parisTime("2026-12-21", 19, 40).toISOString() },
        ],
      },
    ],
    revoked: [
      { number: "ANNULE22", position: null, reason: "CANCELLED", at: parisTime("2026-12-21", 10).toISOString() },
      { number: "K7QM3RTX", position: 2, reason: "WITHDRAWN", at: parisTime("2026-12-21", 11).toISOString() },
    ],
  };
}

const code = (number: string, position: number, day = startsAt, venue = venueId) => encodeInvitationCode({ number, position, venueId: venue, startsAt: day });

describe("the door's answer from the snapshot alone", () => {
  it("says valid with the group's names and needs, and already in for a guest who came", async () => {
    await expect(checkOffline(snapshot(), code("K7QM3RTX", 0))).resolves.toMatchObject({
      result: "VALID",
      number: "K7QM3RTX",
      position: 0,
      eventTitle: "Concert",
      guests: [{ firstName: "Zoé", needs: ["WHEELCHAIR_SPACE"] }, { firstName: "Jérôme" }],
    });
    await expect(checkOffline(snapshot(), code("K7QM3RTX", 1))).resolves.toMatchObject({ result: "ALREADY_IN", arrivedAt: expect.any(String) });
  });

  it("says 'another session' when the door checks one session of the day and the invitation is for another (issue 32.3)", async () => {
    const two = snapshot();
    two.sessions.push({ id: "s2", startsAt: parisTime("2026-12-21", 15).toISOString(), endsAt: null, eventTitle: "Concert" });
    await expect(checkOffline(two, code("K7QM3RTX", 0), { sessionId: "s2" })).resolves.toMatchObject({
      result: "OTHER_SESSION",
      number: "K7QM3RTX",
      eventTitle: "Concert",
      startsAt: startsAt.toISOString(),
    });
    // Typed numbers too; and the session it is for, or every session of the day, lets it in.
    await expect(checkOffline(two, "K7QM-3RTX", { sessionId: "s2" })).resolves.toMatchObject({ result: "OTHER_SESSION" });
    await expect(checkOffline(two, code("K7QM3RTX", 0), { sessionId: "s1" })).resolves.toMatchObject({ result: "VALID" });
    await expect(checkOffline(two, code("K7QM3RTX", 0))).resolves.toMatchObject({ result: "VALID" });
    // A cancelled invitation says cancelled first, whatever its session.
    await expect(checkOffline(two, "ANNULE22", { sessionId: "s2" })).resolves.toMatchObject({ result: "CANCELLED" });
  });

  it("counts the arrivals this device marked", async () => {
    const arrivals = { "K7QM3RTX.0": { at: NOW.toISOString(), otherDevice: false } };
    await expect(checkOffline(snapshot(), code("K7QM3RTX", 0), { arrivals })).resolves.toMatchObject({ result: "ALREADY_IN" });
  });

  it("refuses a forged code, a cancelled booking, a withdrawn guest, another venue's or another day's code", async () => {
    const forged = code("K7QM3RTX", 0).replace("K7QM3RTX", "K7QM3RTY");
    await expect(checkOffline(snapshot(), forged)).resolves.toMatchObject({ result: "FORGED" });
    await expect(checkOffline(snapshot(), code("ANNULE22", 0))).resolves.toMatchObject({ result: "CANCELLED" });
    await expect(checkOffline(snapshot(), "annu-le22")).resolves.toMatchObject({ result: "CANCELLED" });
    await expect(checkOffline(snapshot(), code("K7QM3RTX", 2))).resolves.toMatchObject({ result: "CANCELLED", withdrawn: true });
    await expect(checkOffline(snapshot(), code("K7QM3RTX", 0, startsAt, "0d7e1c1e-3a64-4b3b-8d0e-1d2f5d8c4b21"))).resolves.toMatchObject({
      result: "OTHER_VENUE",
    });
    await expect(checkOffline(snapshot(), code("K7QM3RTX", 0, parisTime("2026-12-22", 20)))).resolves.toMatchObject({
      result: "OTHER_DAY",
      day: "2026-12-22",
    });
  });

  it("lets a typed number and an old code check by their number; a genuine code booked after the snapshot is let in without names", async () => {
    await expect(checkOffline(snapshot(), "k7qm-3rtx")).resolves.toMatchObject({ result: "VALID", position: null });
    await expect(checkOffline(snapshot(), encodeLegacyInvitationCode({ number: "K7QM3RTX", position: 0 }))).resolves.toMatchObject({
      result: "VALID",
      position: 0,
    });
    await expect(checkOffline(snapshot(), "ZZZZZZZZ")).resolves.toMatchObject({ result: "UNKNOWN" });
    await expect(checkOffline(snapshot(), code("NEUF2345", 0))).resolves.toMatchObject({ result: "NOT_ON_LIST", number: "NEUF2345", position: 0 });
  });
});

describe("the device's store", () => {
  it("keeps the snapshot and the queued marks, and erases them after the day or on demand", async () => {
    await saveSnapshot(snapshot());
    await expect(loadSnapshot({ now: NOW })).resolves.toMatchObject({ venueId, day: "2026-12-21" });
    await queueMarks([
      { id: "00000000-0000-4000-8000-000000000001", number: "K7QM3RTX", position: 0, at: NOW.toISOString(), venueId, snapshotAt: snapshot().takenAt },
      { id: "00000000-0000-4000-8000-000000000002", number: "K7QM3RTX", position: 1, at: NOW.toISOString(), venueId, snapshotAt: snapshot().takenAt },
    ]);
    expect((await pendingMarks()).map((m) => m.position)).toEqual([0, 1]);
    expect(Object.keys(await markedArrivals())).toEqual(["K7QM3RTX.0", "K7QM3RTX.1"]);
    await settleMarks([{ id: "00000000-0000-4000-8000-000000000002", outcome: "ALREADY_IN", arrivedAt: NOW.toISOString(), otherDevice: true }]);
    expect((await pendingMarks()).map((m) => m.position)).toEqual([0]);
    expect((await markedArrivals())["K7QM3RTX.1"]).toMatchObject({ otherDevice: true });
    // After the day's sessions the names are gone; a mark not yet sent (a number and a position, no name)
    // stays until it reaches the server.
    await expect(loadSnapshot({ now: parisTime("2026-12-22", 0, 1) })).resolves.toBeNull();
    await expect(pendingMarks()).resolves.toHaveLength(1);
    await saveSnapshot(snapshot());
    await eraseDoorData();
    await expect(loadSnapshot({ now: NOW })).resolves.toBeNull();
    await expect(markedArrivals()).resolves.toEqual({ "K7QM3RTX.0": expect.anything() });
  });
});

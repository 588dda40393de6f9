// Issue 32.1: the invitation's code is verified by one module, on the server and on a door's device, with
// the public key alone. New codes (Ed25519) carry their venue and day; old codes (HMAC) are read back for a
// check by their number, their signature being the server's business.
import { randomBytes } from "node:crypto";
import { encodeInvitationCode, encodeLegacyInvitationCode, publishedKeys } from "@/lib/invitation/code";
import { verifyInvitationCode } from "@/lib/invitation/verify";
import { parisTime } from "@/lib/time";

const venueId = "5f0c2a52-6a8e-4c47-9b7e-2f7c3b7f9a10";
const otherVenueId = "0d7e1c1e-3a64-4b3b-8d0e-1d2f5d8c4b21";
const startsAt = parisTime("2026-12-21", 20, 30);
const today = "2026-12-21";

beforeAll(() => {
  process.env.INVITATION_SIGNING_KEY = "k".repeat(43);
  process.env.INVITATION_ED25519_KEY = randomBytes(32).toString("base64url");
  delete process.env.INVITATION_ED25519_RETIRED_PUBLIC_KEYS;
});

describe("verifying an invitation's code with the public key", () => {
  it("accepts a new code for this venue and this day, and says whose it is", async () => {
    const code = encodeInvitationCode({ number: "K7QM3RTX", position: 2, venueId, startsAt });
    expect(code.startsWith("CPT2.")).toBe(true);
    await expect(verifyInvitationCode(code, { keys: publishedKeys(), venueIds: [venueId], day: today })).resolves.toEqual({
      valid: true,
      signed: true,
      number: "K7QM3RTX",
      position: 2,
      venueId,
      day: today,
    });
  });

  it("refuses a tampered code: another number, another guest, another day or venue written in", async () => {
    const code = encodeInvitationCode({ number: "K7QM3RTX", position: 0, venueId, startsAt });
    const keys = publishedKeys();
    for (const tampered of [
      code.replace("K7QM3RTX", "K7QM3RTY"),
      code.replace(".0.", ".1."),
      code.replace(".20261221.", ".20261222."),
      // Another end of signature (never the same one: a signature may end in "AA", one in 256).
      code.slice(0, -2) + (code.endsWith("AA") ? "BA" : "AA"),
    ]) {
      await expect(verifyInvitationCode(tampered, { keys, venueIds: [venueId], day: today })).resolves.toMatchObject({ valid: false, reason: "FORGED" });
    }
  });

  it("refuses a code signed with a key the devices were not given", async () => {
    const code = encodeInvitationCode({ number: "K7QM3RTX", position: 0, venueId, startsAt });
    const keys = publishedKeys();
    process.env.INVITATION_ED25519_KEY = randomBytes(32).toString("base64url");
    try {
      const forged = encodeInvitationCode({ number: "K7QM3RTX", position: 0, venueId, startsAt });
      await expect(verifyInvitationCode(forged, { keys, venueIds: [venueId], day: today })).resolves.toMatchObject({ valid: false, reason: "FORGED" });
      // After a rotation the retired public key is still published, so that printed codes keep checking.
      process.env.INVITATION_ED25519_RETIRED_PUBLIC_KEYS = Object.values(keys).join(",");
      await expect(verifyInvitationCode(code, { keys: publishedKeys(), venueIds: [venueId], day: today })).resolves.toMatchObject({ valid: true });
    } finally {
      delete process.env.INVITATION_ED25519_RETIRED_PUBLIC_KEYS;
    }
  });

  it("says a genuine code of another venue is for another venue", async () => {
    const code = encodeInvitationCode({ number: "K7QM3RTX", position: 0, venueId: otherVenueId, startsAt });
    await expect(verifyInvitationCode(code, { keys: publishedKeys(), venueIds: [venueId], day: today })).resolves.toMatchObject({
      valid: false,
      reason: "OTHER_VENUE",
    });
  });

  it("says a genuine code of another day is for another day, and which", async () => {
    const code = encodeInvitationCode({ number: "K7QM3RTX", position: 0, venueId, startsAt: parisTime("2026-12-22", 0, 15) });
    await expect(verifyInvitationCode(code, { keys: publishedKeys(), venueIds: [venueId], day: today })).resolves.toMatchObject({
      valid: false,
      reason: "OTHER_DAY",
      day: "2026-12-22",
    });
  });

  it("reads an old code (HMAC) back for a check by its number, without calling it genuine", async () => {
    const code = encodeLegacyInvitationCode({ number: "K7QM3RTX", position: 1 });
    await expect(verifyInvitationCode(code, { keys: publishedKeys(), venueIds: [venueId], day: today })).resolves.toEqual({
      valid: true,
      signed: false,
      number: "K7QM3RTX",
      position: 1,
    });
  });

  it("refuses what is not a code", async () => {
    await expect(verifyInvitationCode("bonjour", { keys: publishedKeys(), venueIds: [venueId], day: today })).resolves.toEqual({
      valid: false,
      reason: "MALFORMED",
    });
  });
});

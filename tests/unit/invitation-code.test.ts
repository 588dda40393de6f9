// The invitations printed before issue 32 (CPT1, HMAC): what the server signed reads back; anything altered or forged is refused.
import { encodeLegacyInvitationCode as encodeInvitationCode, readInvitationCode } from "@/lib/invitation/code";

beforeAll(() => {
  process.env.INVITATION_SIGNING_KEY = "k".repeat(43);
});

describe("invitation codes", () => {
  it("reads back the number and guest of a code it signed", () => {
    const code = encodeInvitationCode({ number: "K7QM3RTX", position: 2 });
    expect(readInvitationCode(code)).toEqual({ valid: true, number: "K7QM3RTX", position: 2 });
  });

  it("refuses a code whose number or guest was changed", () => {
    const code = encodeInvitationCode({ number: "K7QM3RTX", position: 0 });
    expect(readInvitationCode(code.replace("K7QM3RTX", "K7QM3RTY"))).toEqual({ valid: false, reason: "FORGED" });
    expect(readInvitationCode(code.replace(".0.", ".1."))).toEqual({ valid: false, reason: "FORGED" });
  });

  it("refuses a code signed with another key", () => {
    const code = encodeInvitationCode({ number: "K7QM3RTX", position: 0 });
    process.env.INVITATION_SIGNING_KEY = "z".repeat(43);
    try {
      expect(readInvitationCode(code)).toEqual({ valid: false, reason: "FORGED" });
    } finally {
      process.env.INVITATION_SIGNING_KEY = "k".repeat(43);
    }
  });

  it("tells a malformed text from a forged one", () => {
    expect(readInvitationCode("bonjour")).toEqual({ valid: false, reason: "MALFORMED" });
    expect(readInvitationCode("CPT1.K7QM3RTX.0.")).toEqual({ valid: false, reason: "MALFORMED" });
  });
});

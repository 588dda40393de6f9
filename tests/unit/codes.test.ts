// Issue 29.6: codes that people read aloud and type. A visitor code reads as made-up syllables and two
// digits, has no look-alike characters, and is at least as hard to guess as the 8 random characters it
// replaces (decision 005's arithmetic).
import { CODE_ALPHABET, formatVisitorCode, newVisitorCode, randomCode, VISITOR_CODE_PATTERN } from "@/lib/codes";

describe("visitor codes", () => {
  it("are six consonant-vowel syllables and two digits, without look-alike characters", () => {
    for (let i = 0; i < 500; i++) {
      const code = newVisitorCode();
      expect(code).toMatch(VISITOR_CODE_PATTERN);
      // No 0 nor 1 (read as O and I), no consonant whose sound changes before a vowel or that sounds like another.
      expect(code).not.toMatch(/[01CGSJQXHWY]/);
    }
  });

  it("are no easier to guess than eight characters of the booking alphabet", () => {
    const visitorCodes = 60 ** 6 * 8 ** 2;
    expect(visitorCodes).toBeGreaterThanOrEqual(CODE_ALPHABET.length ** 8);
    // Every choice is drawn: the lowest and highest picks give the first and last letters.
    expect(newVisitorCode(() => 0)).toBe("BABABABABABA22");
    expect(newVisitorCode((max) => max - 1)).toBe("ZUZUZUZUZUZU99");
  });

  it("are shown in three groups; other codes as they are", () => {
    expect(formatVisitorCode("BAKOLITUMERA47")).toBe("BAKOLI-TUMERA-47");
    expect(formatVisitorCode("ESCALE26")).toBe("ESCALE26");
    expect(randomCode(8)).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
  });
});

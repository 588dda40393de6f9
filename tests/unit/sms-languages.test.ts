// Issue 34.1: a person whose referent recorded their language gets their texts in it: the fixed words
// from that language's catalog, the date in words in it (Paris time), "NON" kept as the word to answer
// (lib/sms/answers.ts reads it). A language outside the SMS alphabet is sent in UCS-2, never turned into
// question marks, in three segments at most (two would leave nothing of the address).
import { countSegments } from "@/lib/sms/segments";
import { composeText } from "@/lib/sms/texts";

const facts = {
  firstName: "Amal",
  structure: "Centre social des Trois Cités",
  title: "Le Malade imaginaire",
  startsAt: new Date("2027-01-16T19:30:00Z"),
  venue: "Théâtre municipal",
  address: "12 rue de la République, 86000 Poitiers",
};
const now = new Date("2026-12-21T22:30:00Z");

describe("a text in the person's language", () => {
  it("in Arabic: its words, the date in Arabic, in UCS-2", () => {
    const text = composeText("CONFIRMATION", { ...facts, language: "ar" }, now);
    expect(text.text.split("\n").slice(0, 2)).toEqual(["مرحبًا Amal،", "مكانك محجوز."]);
    expect(text.text).toContain("السبت، 16 يناير 2027 في 20:30");
    expect(text.encoding).toBe("UCS2");
    expect(text.text).not.toContain("?");
    expect(text.segments).toBeLessThanOrEqual(3);
    expect(countSegments(text.text).segments).toBe(text.segments);
  });

  it.each(["ar", "fa-AF", "uk", "ru"])("in %s, every kind in three segments at most, the address readable, signed", (language) => {
    for (const kind of ["CONFIRMATION", "MOVED_UP", "REMINDER", "CANCELLATION", "FREED", "NOTED"] as const) {
      const text = composeText(kind, { ...facts, language }, now);
      expect(text.segments).toBeLessThanOrEqual(3);
      expect(text.encoding).toBe("UCS2");
      if (["CONFIRMATION", "MOVED_UP", "REMINDER"].includes(kind)) expect(text.text).toContain("12 rue de la République");
      expect(text.text.split("\n").at(-1)).toMatch(/^Centre social/);
    }
  });

  it("keeps NON as the answer in Ukrainian", () => {
    expect(composeText("REMINDER", { ...facts, language: "uk" }, now).text).toContain("Не можете прийти? Надішліть NON.");
  });

  it("in English, in the SMS alphabet", () => {
    const text = composeText("CANCELLATION", { ...facts, language: "en" }, now);
    expect(text.text).toMatch(/^Hello Amal,\nYour outing is cancelled\.\nLe Malade imaginaire\nSaturday, 16 January 2027 at 20:30\n/);
  });

  it("in French for a person without one", () => {
    expect(composeText("CONFIRMATION", facts, now).text).toMatch(/^Bonjour Amal,\nTa place est réservée\.\n/);
  });
});

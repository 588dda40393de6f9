// Issue 34.6, decision 023: the invitation's Arabic and Dari words go to the PDF in presentation forms,
// one code point per drawn shape; a reader folds them back to the letters (NFKC).
import { toPresentationForms } from "@/lib/pdf/arabic-forms";
import ar from "@/messages/ar/invitation.json";
import fa from "@/messages/fa-AF/invitation.json";

const hex = (text: string) => Array.from(text, (c) => c.codePointAt(0)!.toString(16));

describe("toPresentationForms", () => {
  it("chooses each letter's form from its neighbours", () => {
    // ك after ا (which never joins the next letter) stands alone; ب between two joiners is medial.
    expect(hex(toPresentationForms("شباك"))).toEqual(["feb7", "fe92", "fe8e", "fed9"]);
    // د never joins the next letter, so ع starts a new group (initial); و closes it (final) and ة after it stands alone.
    expect(hex(toPresentationForms("دعوة"))).toEqual(["fea9", "fecb", "feee", "fe93"]);
    // ة after ج joins it: final.
    expect(hex(toPresentationForms("حجة"))).toEqual(["fea3", "fea0", "fe94"]);
  });

  it("writes lam-alef as its obligatory ligature", () => {
    expect(hex(toPresentationForms("لا"))).toEqual(["fefb"]);
    expect(hex(toPresentationForms("الأماكن")).slice(0, 2)).toEqual(["fe8d", "fef7"]);
  });

  it("uses the Persian letters' own forms and keeps the zero-width non-joiner (Dari)", () => {
    // نمی‌توانید: the ZWNJ ends the word's first part (ی final) and stays in the text.
    expect(hex(toPresentationForms("نمی\u200cتوانید")).slice(0, 4)).toEqual(["fee7", "fee4", "fbfd", "200c"]);
  });

  it("leaves digits, Latin letters and punctuation as they are", () => {
    expect(toPresentationForms("https://exemple.fr/offre/avis 12:30.")).toBe("https://exemple.fr/offre/avis 12:30.");
  });

  it("folds back to the same words for every phrase of the invitation", () => {
    for (const phrase of [...Object.values(ar.invitation.pdf), ...Object.values(fa.invitation.pdf)]) {
      expect(toPresentationForms(phrase).normalize("NFKC")).toBe(phrase.normalize("NFKC"));
    }
  });
});

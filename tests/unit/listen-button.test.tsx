/** @jest-environment jsdom */
// "Écouter" (issue 16): shown only where the browser can speak; reads the card's text in French; a second
// press stops. jsdom has no speech synthesis: the browser's is played here by a recorder with its
// interface (the real one is exercised in Chromium by tests/e2e/visitor.spec.ts).
import { act, fireEvent, render, screen } from "@testing-library/react";
import { ListenButton } from "@/components/easy/listen-button";
import { readsEasy } from "@/lib/catalog/reading-mode";

const labels = { listen: "Écouter", stop: "Arrêter", context: "Le Cid", unavailable: "Ce téléphone ne sait pas lire à voix haute en français." };

class Utterance {
  lang = "";
  rate = 1;
  voice: unknown = null;
  onend: (() => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  constructor(public text: string) {}
}

describe("the Écouter button", () => {
  afterEach(() => {
    delete (window as { speechSynthesis?: unknown }).speechSynthesis;
    delete (globalThis as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance;
  });

  it("is not shown where the browser cannot speak", () => {
    render(<ListenButton text="Le Cid." labels={labels} />);
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("reads the card in French, then stops on a second press", () => {
    const spoken: Utterance[] = [];
    const cancel = jest.fn();
    Object.assign(window, {
      speechSynthesis: { speak: (u: Utterance) => spoken.push(u), cancel, getVoices: () => [{ lang: "en-GB" }, { lang: "fr-FR", name: "Amélie" }] },
    });
    Object.assign(globalThis, { SpeechSynthesisUtterance: Utterance });
    render(<ListenButton text="Théâtre. Le Cid. Gratuit avec ta structure." labels={labels} />);
    const button = screen.getByRole("button", { name: "Écouter — Le Cid" });
    fireEvent.click(button);
    expect(spoken).toHaveLength(1);
    expect(spoken[0]).toMatchObject({ text: "Théâtre. Le Cid. Gratuit avec ta structure.", lang: "fr-FR", voice: { lang: "fr-FR" } });
    expect(button).toHaveAttribute("aria-pressed", "true");
    expect(button).toHaveAccessibleName("Arrêter — Le Cid");
    fireEvent.click(button);
    expect(spoken).toHaveLength(1);
    expect(button).toHaveAttribute("aria-pressed", "false");
    // The end of the reading gives the button back.
    fireEvent.click(button);
    act(() => spoken[1]!.onend!());
    expect(button).toHaveAccessibleName("Écouter — Le Cid");
    expect(cancel).toHaveBeenCalled();
  });
});

describe("the Écouter button where the device cannot read French (issue 29.4)", () => {
  afterEach(() => {
    delete (window as { speechSynthesis?: unknown }).speechSynthesis;
    delete (globalThis as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance;
  });

  it("says so when the device has voices but none in French, and reads nothing with another voice", () => {
    const spoken: Utterance[] = [];
    Object.assign(window, {
      speechSynthesis: { speak: (u: Utterance) => spoken.push(u), cancel: jest.fn(), getVoices: () => [{ lang: "en-US" }, { lang: "de-DE" }] },
    });
    Object.assign(globalThis, { SpeechSynthesisUtterance: Utterance });
    render(<ListenButton text="Le Cid." labels={labels} />);
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
    fireEvent.click(screen.getByRole("button", { name: "Écouter — Le Cid" }));
    expect(spoken).toHaveLength(0);
    expect(screen.getByRole("status")).toHaveTextContent("Ce téléphone ne sait pas lire à voix haute en français.");
  });

  it("says so when the reading fails, but not when it was stopped", () => {
    const spoken: Utterance[] = [];
    Object.assign(window, { speechSynthesis: { speak: (u: Utterance) => spoken.push(u), cancel: jest.fn(), getVoices: () => [] } });
    Object.assign(globalThis, { SpeechSynthesisUtterance: Utterance });
    render(<ListenButton text="Le Cid." labels={labels} />);
    const button = screen.getByRole("button", { name: "Écouter — Le Cid" });
    fireEvent.click(button);
    act(() => spoken[0]!.onerror!({ error: "interrupted" }));
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
    fireEvent.click(button);
    act(() => spoken[1]!.onerror!({ error: "synthesis-failed" }));
    expect(screen.getByRole("status")).toHaveTextContent("ne sait pas lire à voix haute");
    expect(button).toHaveAccessibleName("Écouter — Le Cid");
  });
});

describe("who reads the easy-to-read offer", () => {
  it("is a visitor, unless they chose the classic one; never a structure or a venue", () => {
    const visitor = { kind: "visitor", partnerId: "p" } as const;
    expect(readsEasy(visitor, undefined)).toBe(true);
    expect(readsEasy(visitor, "facile")).toBe(true);
    expect(readsEasy(visitor, "classique")).toBe(false);
    expect(readsEasy({ kind: "user", userId: "u", role: "PARTNER", partnerId: "p" }, undefined)).toBe(false);
    expect(readsEasy({ kind: "anonymous" }, undefined)).toBe(false);
  });
});

describe("the Écouter button in the page's language (issue 34.5)", () => {
  afterEach(() => {
    delete (window as { speechSynthesis?: unknown }).speechSynthesis;
    delete (globalThis as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance;
  });

  const arabic = { listen: "استمع", stop: "توقف", context: "Le Cid", unavailable: "هذا الهاتف لا يستطيع القراءة بصوت عالٍ بالعربية." };

  it("reads an Arabic page with an Arabic voice", () => {
    const spoken: Utterance[] = [];
    Object.assign(window, {
      speechSynthesis: { speak: (u: Utterance) => spoken.push(u), cancel: jest.fn(), getVoices: () => [{ lang: "fr-FR" }, { lang: "ar-SA", name: "Maged" }] },
    });
    Object.assign(globalThis, { SpeechSynthesisUtterance: Utterance });
    render(
      <div lang="ar" dir="rtl">
        <ListenButton text="مسرح. Le Cid." labels={arabic} />
      </div>,
    );
    fireEvent.click(screen.getByRole("button", { name: "استمع — Le Cid" }));
    expect(spoken).toHaveLength(1);
    expect(spoken[0]).toMatchObject({ lang: "ar", voice: { lang: "ar-SA" } });
  });

  it("reads a Dari page with a Persian voice, the nearest a device has", () => {
    const spoken: Utterance[] = [];
    Object.assign(window, { speechSynthesis: { speak: (u: Utterance) => spoken.push(u), cancel: jest.fn(), getVoices: () => [{ lang: "fa-IR" }] } });
    Object.assign(globalThis, { SpeechSynthesisUtterance: Utterance });
    render(
      <div lang="fa-AF" dir="rtl">
        <ListenButton text="تیاتر." labels={{ ...arabic, listen: "گوش کنید" }} />
      </div>,
    );
    fireEvent.click(screen.getByRole("button", { name: "گوش کنید — Le Cid" }));
    expect(spoken[0]).toMatchObject({ lang: "fa-AF", voice: { lang: "fa-IR" } });
  });

  it("says so in Arabic, and reads nothing, when the device has no Arabic voice", () => {
    const spoken: Utterance[] = [];
    Object.assign(window, {
      speechSynthesis: { speak: (u: Utterance) => spoken.push(u), cancel: jest.fn(), getVoices: () => [{ lang: "fr-FR" }, { lang: "en-GB" }] },
    });
    Object.assign(globalThis, { SpeechSynthesisUtterance: Utterance });
    render(
      <div lang="ar" dir="rtl">
        <ListenButton text="مسرح." labels={arabic} />
      </div>,
    );
    fireEvent.click(screen.getByRole("button", { name: "استمع — Le Cid" }));
    expect(spoken).toHaveLength(0);
    expect(screen.getByRole("status")).toHaveTextContent(arabic.unavailable);
  });
});

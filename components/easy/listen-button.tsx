"use client";

// "Écouter": reads a card aloud with the browser's own speech synthesis (nothing sent anywhere, nothing to
// install), in the page's language (issue 34.5: the nearest `lang` around the button, which the person's
// pages set from their chosen language; its voice from lib/i18n/languages.ts). Shown only where the browser can speak; a second press stops the reading. The text
// is the card's, as written for the easy-to-read pages, so what is heard is what is read. Where the device
// has voices but none for the language, or the reading fails, it says so instead of staying silent (issue
// 29.4): a French text read by an English voice is worse than no reading, an Arabic one by a French voice too.
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { IconPlayerStopFilled, IconVolume } from "@tabler/icons-react";
import { languageOf } from "@/lib/i18n/languages";

const canSpeak = () => "speechSynthesis" in window && typeof SpeechSynthesisUtterance !== "undefined";
const never = () => () => {};

export function ListenButton({
  text,
  labels,
  lang,
}: {
  text: string;
  labels: { listen: string; stop: string; context: string; unavailable: string };
  /** The text's language, if not the page's. */
  lang?: string;
}) {
  const button = useRef<HTMLButtonElement>(null);
  // False on the server and in the first render, then what the browser can do: no mismatch at hydration.
  const supported = useSyncExternalStore(never, canSpeak, () => false);
  const [speaking, setSpeaking] = useState(false);
  const [unavailable, setUnavailable] = useState(false);

  // Leaving the page stops its reading.
  useEffect(() => () => window.speechSynthesis?.cancel(), []);

  if (!supported) return null;

  const toggle = () => {
    const synthesis = window.speechSynthesis;
    // One voice at a time on the page: another card's reading stops.
    synthesis.cancel();
    if (speaking) {
      setSpeaking(false);
      return;
    }
    // An empty list may only mean the voices are still loading: the reading is tried, and its error said.
    const voices = synthesis.getVoices();
    const speech = languageOf(lang ?? button.current?.closest("[lang]")?.getAttribute("lang") ?? "fr").speech;
    const language = speech.split("-")[0]!.toLowerCase();
    const voice = voices.find((candidate) => candidate.lang.toLowerCase().startsWith(language));
    if (voices.length > 0 && !voice) {
      setUnavailable(true);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = speech;
    utterance.rate = 0.9;
    if (voice) utterance.voice = voice;
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = (event) => {
      setSpeaking(false);
      // "interrupted" and "canceled" are our own stop, or another card's reading: not a failure.
      const reason = (event as { error?: string } | undefined)?.error;
      if (reason !== "interrupted" && reason !== "canceled") setUnavailable(true);
    };
    setUnavailable(false);
    setSpeaking(true);
    synthesis.speak(utterance);
  };

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button
        ref={button}
        type="button"
        onClick={toggle}
        aria-pressed={speaking}
        className="inline-flex min-h-12 items-center gap-2 rounded-full border-2 border-brand-700 px-5 py-2 text-lg font-semibold text-brand-800 hover:bg-brand-50"
      >
        {speaking ? <IconPlayerStopFilled size={28} aria-hidden="true" /> : <IconVolume size={28} aria-hidden="true" />}
        {speaking ? labels.stop : labels.listen}
        <span className="sr-only"> — {labels.context}</span>
      </button>
      <span role="status" className="text-base">
        {unavailable ? labels.unavailable : null}
      </span>
    </span>
  );
}

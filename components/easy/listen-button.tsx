"use client";

// "Écouter": reads a card aloud with the browser's own speech synthesis (nothing sent anywhere, nothing to
// install), in French. Shown only where the browser can speak; a second press stops the reading. The text
// is the card's, as written for the easy-to-read pages, so what is heard is what is read.
import { useEffect, useState, useSyncExternalStore } from "react";
import { IconPlayerStopFilled, IconVolume } from "@tabler/icons-react";

const canSpeak = () => "speechSynthesis" in window && typeof SpeechSynthesisUtterance !== "undefined";
const never = () => () => {};

export function ListenButton({ text, labels }: { text: string; labels: { listen: string; stop: string; context: string } }) {
  // False on the server and in the first render, then what the browser can do: no mismatch at hydration.
  const supported = useSyncExternalStore(never, canSpeak, () => false);
  const [speaking, setSpeaking] = useState(false);

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
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = "fr-FR";
    utterance.rate = 0.9;
    const voice = synthesis.getVoices().find((candidate) => candidate.lang.toLowerCase().startsWith("fr"));
    if (voice) utterance.voice = voice;
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    setSpeaking(true);
    synthesis.speak(utterance);
  };

  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={speaking}
      className="inline-flex min-h-12 items-center gap-2 rounded-full border-2 border-brand-700 px-5 py-2 text-lg font-semibold text-brand-800 hover:bg-brand-50"
    >
      {speaking ? <IconPlayerStopFilled size={28} aria-hidden="true" /> : <IconVolume size={28} aria-hidden="true" />}
      {speaking ? labels.stop : labels.listen}
      <span className="sr-only"> — {labels.context}</span>
    </button>
  );
}

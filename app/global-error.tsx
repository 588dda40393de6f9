"use client";

// Replaces the root layout when it fails itself, so it cannot rely on the message provider:
// the few words it needs come straight from the catalog, from the one file that holds them. Every page
// loads this component's script: the whole catalog here was 150 kB of JavaScript on each (issue 35.2).
import site from "@/messages/fr/site.json";

const messages = { errors: site.errors };

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="fr">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <h1>{messages.errors.title}</h1>
        <p>{messages.errors.text}</p>
        <button type="button" onClick={reset}>
          {messages.errors.retry}
        </button>
      </body>
    </html>
  );
}

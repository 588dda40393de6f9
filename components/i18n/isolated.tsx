// A run of text with its own direction inside a sentence (issue 34.2, lib/i18n/bidi.ts): a date, a name, a
// venue's words; `ltr` for what is always written left to right whatever the page (a booking number, a
// phone number, an e-mail address), which would otherwise take an Arabic page's direction.
import type { ReactNode } from "react";

export function Isolated({ children, ltr = false }: { children: ReactNode; ltr?: boolean }) {
  return <bdi dir={ltr ? "ltr" : undefined}>{children}</bdi>;
}

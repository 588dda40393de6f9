// How the invitation writes a session's date and time: in French, at the venue's time (Europe/Paris),
// whatever the server's time zone. "samedi 12 décembre 2026 à 20 h 30", "mardi 1er décembre 2026 à 20 h".
// The spaces of the time are non-breaking: "20 h 30" never splits across two lines.
import { format } from "date-fns";
import { fr } from "date-fns/locale";
import { inParis } from "@/lib/time";

export function formatSessionDate(startsAt: Date): string {
  const local = inParis(startsAt);
  const day = format(local, "EEEE do MMMM yyyy", { locale: fr });
  const time = local.getMinutes() === 0 ? format(local, "H'\u00a0h'") : format(local, "H'\u00a0h\u00a0'mm");
  return `${day} à\u00a0${time}`;
}

/** Fills "{name}" placeholders of a catalog string (the PDF has no ICU runtime; it needs none). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

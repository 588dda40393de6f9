// One door to a venue's agenda, whatever its kind (issue 33.1): the events it says are coming, within the
// caps of decision 024 (an agenda over them is refused whole, never cut at an arbitrary date).
import "server-only";
import { RuleViolation } from "@/lib/errors";
import { fetchSourceText } from "./fetch";
import { readICalendar } from "./ical";
import { readOpenAgenda } from "./openagenda";
import { MAX_SOURCE_DATES, MAX_SOURCE_EVENTS, type SourceEvent } from "./source-events";

export interface SourceAddress {
  kind: "ICAL" | "OPENAGENDA";
  url: string | null;
  agendaUid: string | null;
  apiKey: string | null;
}

export async function readSource(source: SourceAddress, now: Date): Promise<SourceEvent[]> {
  const events =
    source.kind === "ICAL"
      ? readICalendar((await fetchSourceText(source.url ?? "")).body, now)
      : await readOpenAgenda(source.agendaUid ?? "", source.apiKey ?? "", now);
  if (events.length > MAX_SOURCE_EVENTS)
    throw new RuleViolation("SOURCE_TOO_MANY", `L'agenda compte plus de ${MAX_SOURCE_EVENTS} événements : la plateforme n'en importe pas autant à la fois.`, {
      max: MAX_SOURCE_EVENTS,
    });
  const dates = events.reduce((sum, event) => sum + event.dates.length, 0);
  if (dates > MAX_SOURCE_DATES)
    throw new RuleViolation(
      "SOURCE_TOO_MANY_DATES",
      `L'agenda compte plus de ${MAX_SOURCE_DATES} dates à venir : la plateforme n'en importe pas autant à la fois.`,
      {
        max: MAX_SOURCE_DATES,
      },
    );
  return events;
}

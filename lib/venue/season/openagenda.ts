// An OpenAgenda agenda read as a season, through its public API v2 (issue 33.1): GET
// /agendas/{uid}/events?key=…, page after page (the answer's `after` passed back), the events with their
// timings, their title and description in several languages (French first), their status (4 "reporté" and
// 6 "annulé" cancel every timing) and their accessibility codes. A timing has no id of its own: its begin is
// its key, and the plan pairs a timing gone with a timing come on the same event as a move (plan.ts).
import "server-only";
import { z } from "zod";
import { RuleViolation } from "@/lib/errors";
import type { Accessibility } from "@/lib/generated/prisma/enums";
import { fetchSourceText } from "./fetch";
import { HORIZON_DAYS, MAX_SOURCE_EVENTS, endAfter, fit, type SourceEvent } from "./source-events";

/** The API's address; a test or the demo points it at a server of its own. */
const apiBase = () => (process.env.OPENAGENDA_API_URL ?? "https://api.openagenda.com/v2").replace(/\/$/, "");
const PAGE_SIZE = 100;

/** OpenAgenda's accessibility codes, as the platform's flags (decision 024). */
const ACCESSIBILITY: Record<string, Accessibility> = {
  mi: "WHEELCHAIR", // motor impairment
  hi: "HEARING_LOOP", // hearing impairment
  vi: "AUDIO_DESCRIPTION", // visual impairment
  ii: "EASY_READ", // intellectual impairment
  pi: "RELAXED", // psychic impairment
};
/** 4 postponed, 6 cancelled: the dates no longer hold. */
const GONE_STATUSES = new Set([4, 6]);

const multilingual = z.union([z.record(z.string(), z.string().nullable()), z.string(), z.null()]).optional();
const eventSchema = z.object({
  uid: z.union([z.number(), z.string()]),
  title: multilingual,
  description: multilingual,
  longDescription: multilingual,
  status: z.number().nullable().optional(),
  accessibility: z.record(z.string(), z.boolean().nullable()).nullable().optional(),
  // v2: { base, filename, size, variants } (its address is base + filename); older answers give an address.
  image: z
    .union([z.string(), z.object({ base: z.string(), filename: z.string() }).loose(), z.null()])
    .optional()
    .catch(null),
  timings: z.array(z.object({ begin: z.string(), end: z.string().nullable().optional() })).default([]),
});
const pageSchema = z.object({
  events: z.array(z.unknown()),
  after: z
    .array(z.union([z.string(), z.number()]))
    .nullable()
    .optional(),
});

const inFrench = (value: z.infer<typeof multilingual>): string => {
  if (!value) return "";
  if (typeof value === "string") return value;
  return (value.fr ?? Object.values(value).find(Boolean) ?? "") || "";
};

const notAgenda = () =>
  new RuleViolation("SOURCE_NOT_AGENDA", "La réponse d'OpenAgenda n'est pas une liste d'événements : vérifiez l'identifiant de l'agenda.");

function readEvent(raw: unknown, now: Date, horizon: Date): SourceEvent | null {
  const parsed = eventSchema.safeParse(raw);
  if (!parsed.success) throw notAgenda();
  const event = parsed.data;
  const gone = GONE_STATUSES.has(event.status ?? 1);
  const dates = event.timings
    .map((timing) => ({ begin: new Date(timing.begin), end: timing.end ? new Date(timing.end) : null }))
    .filter((timing) => !Number.isNaN(timing.begin.getTime()) && timing.begin >= now && timing.begin <= horizon)
    .map((timing) => ({ key: timing.begin.toISOString(), startsAt: timing.begin, endsAt: endAfter(timing.begin, timing.end), cancelled: gone }));
  if (!dates.length) return null;
  const accessibility = Object.entries(event.accessibility ?? {})
    .filter(([code, on]) => on && ACCESSIBILITY[code])
    .map(([code]) => ACCESSIBILITY[code]!);
  return {
    key: String(event.uid),
    title: fit(inFrench(event.title).trim() || "Sans titre", 160),
    description: fit((inFrench(event.longDescription) || inFrench(event.description)).trim(), 5000),
    accessibility: [...new Set(accessibility)],
    imageUrl: typeof event.image === "string" ? event.image || null : event.image ? event.image.base + event.image.filename : null,
    dates,
  };
}

/** The agenda's events still to come, every page, or a RuleViolation in French. */
export async function readOpenAgenda(agendaUid: string, key: string, now: Date): Promise<SourceEvent[]> {
  const horizon = new Date(now.getTime() + HORIZON_DAYS * 24 * 3600_000);
  const events: SourceEvent[] = [];
  let after: (string | number)[] | null = null;
  let read = 0;
  do {
    const query = new URLSearchParams({ key, size: String(PAGE_SIZE), detailed: "1" });
    query.append("relative[]", "current");
    query.append("relative[]", "upcoming");
    for (const value of after ?? []) query.append("after[]", String(value));
    const { body } = await fetchSourceText(`${apiBase()}/agendas/${encodeURIComponent(agendaUid)}/events?${query}`);
    let page: z.infer<typeof pageSchema>;
    try {
      page = pageSchema.parse(JSON.parse(body));
    } catch {
      throw notAgenda();
    }
    read += page.events.length;
    if (read > MAX_SOURCE_EVENTS)
      throw new RuleViolation("SOURCE_TOO_MANY", `L'agenda compte plus de ${MAX_SOURCE_EVENTS} événements : la plateforme n'en importe pas autant à la fois.`, {
        max: MAX_SOURCE_EVENTS,
      });
    for (const raw of page.events) {
      const event = readEvent(raw, now, horizon);
      if (event) events.push(event);
    }
    after = page.events.length && page.after?.length ? page.after : null;
  } while (after);
  return events;
}

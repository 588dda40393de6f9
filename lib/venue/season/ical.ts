// An iCalendar feed read as a season (RFC 5545, issue 33.1): each VEVENT (by UID) is an event; its dates
// are its instances from now to the horizon, the RRULE expanded, EXDATE left out, a RECURRENCE-ID override
// replacing the instance it names (so a moved instance keeps its stable id: its original start), times read
// in their TZID (Europe/Paris across a clock change). node-ical does the reading and the expansion.
import "server-only";
import ical, { type VEvent } from "node-ical";
import { RuleViolation } from "@/lib/errors";
import { HORIZON_DAYS, endAfter, fit, type SourceDate, type SourceEvent } from "./source-events";

const notCalendar = () => new RuleViolation("SOURCE_NOT_CALENDAR", "Cette adresse ne donne pas un agenda au format iCalendar (.ics).");

const textOf = (value: unknown): string => {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "val" in value) return String((value as { val: unknown }).val ?? "");
  return "";
};

/**
 * RFC 7986's IMAGE (a URI) first, else the first ATTACH whose FMTTYPE says image/…: a plain ATTACH may be
 * any document (a programme in PDF), so it is taken only when it says it is an image.
 */
function imageOf(vevent: VEvent): string | null {
  const record = vevent as unknown as Record<string, unknown>;
  const candidates = [record.image, ...[record.attach ?? []].flat()];
  for (const value of candidates) {
    if (!value || typeof value !== "object" || !("val" in value)) continue;
    const { params, val } = value as { params?: Record<string, string>; val: unknown };
    const isImage = value === record.image ? params?.VALUE?.toUpperCase() !== "BINARY" : /^image\//i.test(params?.FMTTYPE ?? "");
    if (isImage && typeof val === "string" && /^https?:\/\//i.test(val)) return val;
  }
  if (typeof record.image === "string" && /^https?:\/\//i.test(record.image)) return record.image;
  return null;
}

/** The events of an iCalendar text; dates before `now` or past the horizon are left out. */
export function readICalendar(text: string, now: Date): SourceEvent[] {
  if (!/^\s*BEGIN:VCALENDAR/i.test(text)) throw notCalendar();
  let parsed: ReturnType<typeof ical.sync.parseICS>;
  try {
    parsed = ical.sync.parseICS(text);
  } catch {
    throw notCalendar();
  }
  const horizon = new Date(now.getTime() + HORIZON_DAYS * 24 * 3600_000);
  const events: SourceEvent[] = [];
  for (const component of Object.values(parsed)) {
    if (!component || component.type !== "VEVENT" || !component.uid || !component.start) continue;
    const vevent = component as VEvent;
    const dates: SourceDate[] = [];
    const masterCancelled = vevent.status === "CANCELLED";
    if (vevent.rrule) {
      for (const instance of ical.expandRecurringEvent(vevent, { from: now, to: horizon, includeOverrides: true, excludeExdates: true })) {
        // An override names its instance by its original start (RECURRENCE-ID); the others by their own.
        const original = instance.isOverride && instance.event.recurrenceid ? instance.event.recurrenceid : instance.start;
        dates.push({
          key: new Date(original).toISOString(),
          startsAt: new Date(instance.start),
          endsAt: endAfter(new Date(instance.start), instance.end),
          cancelled: masterCancelled || instance.event.status === "CANCELLED",
        });
      }
    } else if (vevent.start >= now && vevent.start <= horizon) {
      dates.push({ key: "single", startsAt: new Date(vevent.start), endsAt: endAfter(vevent.start, vevent.end), cancelled: masterCancelled });
    }
    if (!dates.length) continue;
    events.push({
      key: fit(vevent.uid, 500),
      title: fit(textOf(vevent.summary).trim() || "Sans titre", 160),
      description: fit(textOf(vevent.description).trim(), 5000),
      accessibility: null,
      imageUrl: imageOf(vevent),
      dates,
    });
  }
  return events;
}

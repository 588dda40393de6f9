// What every calendar the platform writes shares (issue 30.2): RFC 5545 text written by ical-generator,
// never by hand; times as Paris wall-clock times with a TZID that a VTIMEZONE of the same file defines,
// so that Outlook, Google Calendar and Apple Calendar keep "20:00 in Paris" across both clock changes;
// and the privacy rule of DESIGN.md: no guest's last name, need or phone number ever leaves for a calendar.
import "server-only";
import { TZDate } from "@date-fns/tz";
import ical, { ICalCalendarMethod, type ICalCalendar } from "ical-generator";
import { createTranslator } from "use-intl/core";
import { sharedCaches } from "@/lib/i18n/shared-caches";
import { TIME_ZONE } from "@/lib/time";
import messages from "@/messages/fr";

export { ICalCalendarMethod };

export const calendarWords = createTranslator({ locale: "fr", messages, namespace: "calendar", ...sharedCaches("fr") });

/**
 * Europe/Paris as RFC 5545 describes a zone: the EU rule in force since 1996 (summer time from the last
 * Sunday of March at 02:00 to the last Sunday of October at 03:00). ical-generator writes a VTIMEZONE
 * only through such a generator (its own comes from a package we do not have); the rule is the zone's
 * data, checked against Node's own time-zone database by tests/integration/calendar.test.ts.
 */
const PARIS_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${TIME_ZONE}`,
  "X-LIC-LOCATION:Europe/Paris",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

/** A calendar whose events are in Paris time; the calendar itself names no zone (DTSTAMP stays in UTC). */
export function newCalendar(name: string, method: ICalCalendarMethod): ICalCalendar {
  return ical({
    prodId: { company: "Culture pour tous", product: "Billetterie solidaire", language: "FR" },
    name,
    method,
    // name null: only the events carry the TZID; the generator adds the VTIMEZONE they refer to.
    timezone: { name: null, generator: (zone) => (zone === TIME_ZONE ? PARIS_VTIMEZONE : null) },
    x: { "X-WR-TIMEZONE": TIME_ZONE },
  });
}

/** The instant as ical-generator's time-zone-aware date: written as Paris wall-clock time with TZID. */
export const parisDateTime = (instant: Date) => new TZDate(instant.getTime(), TIME_ZONE);

/** UIDs name what the event is about by its id only: nothing personal, the same in every file. */
export const uid = (kind: "booking" | "draw" | "activity", id: string) => `${kind}-${id}@billetterie-solidaire`;

/** The association as the organizer of every event it sends (RFC 5546 wants one in PUBLISH and CANCEL). */
export function organizer() {
  const from = process.env.MAIL_FROM ?? "Culture pour tous <ne-pas-repondre@culture-pour-tous.test>";
  const email = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return { name: "Culture pour tous", email };
}

export interface Place {
  name: string;
  addressLine: string;
  postalCode: string;
  city: string;
}

/** LOCATION: the venue's name and address, which calendar clients hand to a map. */
export const location = (venue: Place) => `${venue.name}, ${venue.addressLine}, ${venue.postalCode} ${venue.city}`;

/** The guests as a calendar may name them: first names only, in the booking's order. */
export const firstNames = (guests: { firstName: string }[]) => guests.map((guest) => guest.firstName.trim()).join(", ");

/**
 * SEQUENCE of a booking's event: the session's revision, kept by the database (Session.calendarSequence,
 * bumped on a change of time or place), plus a step for each change of status RFC 5545 asks to count
 * (waiting → confirmed → cancelled). Both only grow, so a later file always carries a higher SEQUENCE.
 */
export function bookingSequence(calendarSequence: number, status: "CONFIRMED" | "WAITLISTED" | "CANCELLED"): number {
  return calendarSequence + { WAITLISTED: 0, CONFIRMED: 1, CANCELLED: 2 }[status];
}

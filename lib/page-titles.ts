// The <title> of the pages that show one thing is named by it: "Réservation K7QM-3RTX · Le Misanthrope",
// "Le Misanthrope, samedi 12 décembre 2026 à 20 h 30". Each title is built from the page's own read (the
// authorized data-layer function the page calls, given the current actor, done once per request through
// React's cache in the page), so the title never knows more than the page shows and the data is read
// once. When that read refuses (nothing by that id, or nothing this actor may see), the title is the
// page's neutral one: a title stays in the browser's history and in the list of tabs, and must not name
// what the actor may not see, nor confirm that it exists. These functions read no data themselves.
import { formatBookingNumber } from "@/lib/booking/number";
import { DomainError } from "@/lib/errors";
import { formatSessionDate } from "@/lib/format/dates";
import type { Messages } from "@/messages/fr";

export type TitleKey = keyof Messages["pageTitles"];
/** The "pageTitles" namespace of the catalog: next-intl's getTranslations("pageTitles") in a page. */
export type TitleTranslator = (key: TitleKey, values?: Record<string, string | number>) => string;
/** The page's read of what it shows, through its authorized loader. */
export type PageRead<T> = () => Promise<T>;

/** The name of what the read gives, or the neutral title when the data layer refuses the read. */
async function named<T>(read: PageRead<T>, name: (thing: T) => string | null, neutral: string): Promise<string> {
  let thing: T;
  try {
    thing = await read();
  } catch (error) {
    // NotFoundError, AccessDeniedError, a malformed id: the page answers 404 (or sends the actor away).
    if (error instanceof DomainError) return neutral;
    throw error;
  }
  return name(thing) ?? neutral;
}

/** A structure's booking (/partenaire/reservations/[bookingId]): "Réservation K7QM-3RTX · <event>". */
export function partnerBookingTitle(read: PageRead<{ number: string; eventTitle: string }>, t: TitleTranslator): Promise<string> {
  return named(read, (booking) => t("booking", { number: formatBookingNumber(booking.number), event: booking.eventTitle }), t("bookingNeutral"));
}

/** Any booking, for the association (/admin/reservations/[id]): the same words as the structure's page. */
export function associationBookingTitle(read: PageRead<{ number: string; session: { event: { title: string } } }>, t: TitleTranslator): Promise<string> {
  return named(read, (booking) => t("booking", { number: formatBookingNumber(booking.number), event: booking.session.event.title }), t("bookingNeutral"));
}

/** An event, on the offer (/offre/[eventId]) or in the venue's space (/lieu/evenements/[eventId]): its title. */
export function eventTitle(read: PageRead<{ title: string }>, t: TitleTranslator): Promise<string> {
  return named(read, (event) => event.title, t("eventNeutral"));
}

/** Attendance and feedback of an event (/lieu/evenements/[eventId]/bilan). */
export function attendanceTitle(read: PageRead<{ title: string }>, t: TitleTranslator): Promise<string> {
  return named(read, (report) => t("attendance", { event: report.title }), t("attendanceNeutral"));
}

/** A session's guest list (/lieu/seances/[sessionId]): "<event>, <date of the session>". */
export function sessionTitle(read: PageRead<{ session: { eventTitle: string; startsAt: Date } }>, t: TitleTranslator): Promise<string> {
  return named(read, ({ session }) => t("session", { event: session.eventTitle, date: formatSessionDate(session.startsAt) }), t("sessionNeutral"));
}

/** The booking form of one session of an event (/offre/[eventId]/reserver/[sessionId]): "Réserver : <event>". */
export function bookFormTitle(read: PageRead<{ title: string; sessions: readonly { id: string }[] }>, sessionId: string, t: TitleTranslator): Promise<string> {
  // A session that is not one of the event's bookable ones: the page answers 404, the title names nothing.
  return named(read, (event) => (event.sessions.some((session) => session.id === sessionId) ? t("book", { event: event.title }) : null), t("bookNeutral"));
}

/** A partner structure's file or a venue's, for the association (/admin/structures/[id], /admin/lieux/[id]): its name. */
export function organisationTitle(read: PageRead<{ name: string }>, neutral: "structureNeutral" | "venueNeutral", t: TitleTranslator): Promise<string> {
  return named(read, (organisation) => organisation.name, t(neutral));
}

// What a venue's agenda says, whatever its kind (issue 33.1): its events, each with the source's stable id,
// and their dates, each with a stable id of its own. Those ids are what a second import matches on, so that
// it changes what changed and nothing else. Pure: shared by both readers and the plan.
import type { Accessibility } from "@/lib/generated/prisma/enums";

export interface SourceDate {
  /** Stable in the source: an iCalendar instance's original start, an OpenAgenda timing's begin. */
  key: string;
  startsAt: Date;
  endsAt: Date | null;
  /** Cancelled or postponed at the source (STATUS:CANCELLED, OpenAgenda "annulé" or "reporté"). */
  cancelled: boolean;
}

export interface SourceEvent {
  /** The iCalendar UID, the OpenAgenda event uid. */
  key: string;
  title: string;
  description: string;
  /** Null when the source says nothing of it (iCalendar): the platform's value stays. */
  accessibility: Accessibility[] | null;
  /** The event's image at the source (OpenAgenda's `image`, iCalendar's IMAGE or image ATTACH), if any. */
  imageUrl: string | null;
  dates: SourceDate[];
}

/** The fields an import writes on an event, and which a venue's own edit then keeps (Event.editedFields). */
export const SOURCE_FIELDS = ["title", "description", "accessibility"] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number];

/** Caps on what one agenda may bring in (decision 024): beyond them it is refused whole, not cut. */
export const MAX_SOURCE_EVENTS = 300;
export const MAX_SOURCE_DATES = 2_000;
/** Dates further ahead than this are not read (a rule repeating forever stops here). */
export const HORIZON_DAYS = 540;

/** Text cut to what the platform's fields accept. */
export const fit = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** An end the platform accepts: after the start (an agenda without one, or with DTEND = DTSTART, gives none). */
export const endAfter = (start: Date, end: Date | null | undefined): Date | null => (end && end.getTime() > start.getTime() ? new Date(end) : null);

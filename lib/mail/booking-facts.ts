// What a mail about a booking says and the calendar file it carries are read from the booking as it stands
// when the mail leaves: the booking, its structure's name, its session, event and venue, and the guests
// still invited, in one statement: the mail's own when it is sent (issue 35.1). Read through Prisma's
// relations it took five queries, and five more for the calendar file: the mails are most of a season's
// jobs, and each statement is a round trip the servers and PostgreSQL pay for.
import "server-only";
import { getPool } from "@/lib/db/client";
import { isUuid, UUID_PATTERN } from "@/lib/validation";

export interface BookingForMail {
  id: string;
  number: string;
  places: number;
  status: "CONFIRMED" | "WAITLISTED" | "CANCELLED";
  partnerId: string;
  cancelReason: string | null;
  cancelNote: string | null;
  partner: { name: string };
  session: {
    startsAt: Date;
    endsAt: Date | null;
    calendarSequence: number;
    cancelNote: string | null;
    event: {
      title: string;
      durationMinutes: number | null;
      venueId: string;
      venue: { name: string; addressLine: string; postalCode: string; city: string };
    };
  };
  /** Those still invited (a guest withdrawn is not), in the booking's order. */
  guests: { firstName: string; lastName: string }[];
}

/**
 * The statement that reads a booking's facts, the booking being `id` (an SQL expression): its columns are
 * named for a row that may also hold its mail's (bookingFromRow). The mail's own read joins it, so that a
 * mail about a booking leaves in two statements, not three (lib/mail/deliver.ts, issue 35.1).
 */
export function bookingForMailSql(id: string): string {
  return `SELECT b."id"::text AS "bookingId", b."number", b."places", b."status"::text AS "bookingStatus", b."partnerId"::text AS "partnerId",
             b."cancelReason"::text AS "cancelReason", b."cancelNote", p."name" AS "partnerName",
             s."startsAt", s."endsAt", s."calendarSequence", s."cancelNote" AS "sessionCancelNote",
             e."title", e."durationMinutes", e."venueId"::text AS "venueId",
             v."name" AS "venueName", v."addressLine", v."postalCode", v."city",
             coalesce((SELECT json_agg(json_build_object('firstName', g."firstName", 'lastName', g."lastName") ORDER BY g."position")
                       FROM "BookingGuest" g WHERE g."bookingId" = b."id" AND g."cancelledAt" IS NULL), '[]'::json) AS "guests"
           FROM "Booking" b
           JOIN "Partner" p ON p."id" = b."partnerId"
           JOIN "Session" s ON s."id" = b."sessionId"
           JOIN "Event" e ON e."id" = s."eventId"
           JOIN "Venue" v ON v."id" = e."venueId"
           WHERE b."id" = ${id}`;
}

/** The mail's `bookingId`, as a uuid when it is one (SQL, over the mail `m`): null otherwise, which reads no booking. */
export const MAIL_BOOKING_ID_SQL = `CASE WHEN m."props"->>'bookingId' ~* '${UUID_PATTERN.source}' THEN (m."props"->>'bookingId')::uuid END`;

/** The booking of a mail, or null when it no longer exists (or the mail names none). */
export async function bookingForMail(bookingId: string): Promise<BookingForMail | null> {
  if (!isUuid(bookingId)) return null;
  // Prepared once per connection: every mail about a booking asks it.
  const { rows } = await getPool().query<BookingRow>({ name: "booking-for-mail", text: bookingForMailSql("$1::uuid"), values: [bookingId] });
  return bookingFromRow(rows[0]);
}

/** bookingForMailSql's columns as pg reads them: all null beside a mail whose booking was not found. */
export interface BookingRow {
  bookingId: string | null;
  number: string;
  places: number;
  bookingStatus: BookingForMail["status"];
  partnerId: string;
  cancelReason: string | null;
  cancelNote: string | null;
  partnerName: string;
  startsAt: Date;
  endsAt: Date | null;
  calendarSequence: number;
  sessionCancelNote: string | null;
  title: string;
  durationMinutes: number | null;
  venueId: string;
  venueName: string;
  addressLine: string;
  postalCode: string;
  city: string;
  guests: BookingForMail["guests"];
}

/** The booking of a row read with bookingForMailSql's columns (alone or beside its mail's), or null when none was found. */
export function bookingFromRow(row: BookingRow | undefined): BookingForMail | null {
  if (!row?.bookingId) return null;
  return {
    id: row.bookingId,
    number: row.number,
    places: row.places,
    status: row.bookingStatus,
    partnerId: row.partnerId,
    cancelReason: row.cancelReason,
    cancelNote: row.cancelNote,
    partner: { name: row.partnerName },
    session: {
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      calendarSequence: row.calendarSequence,
      cancelNote: row.sessionCancelNote,
      event: {
        title: row.title,
        durationMinutes: row.durationMinutes,
        venueId: row.venueId,
        venue: { name: row.venueName, addressLine: row.addressLine, postalCode: row.postalCode, city: row.city },
      },
    },
    guests: row.guests,
  };
}

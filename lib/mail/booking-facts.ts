// What a mail about a booking says and the calendar file it carries are read from the booking as it stands
// when the mail leaves: the booking, its structure's name, its session, event and venue, and the guests
// still invited, in one statement (issue 35.1). Read through Prisma's relations it took five queries, and
// five more for the calendar file: the mails are most of a season's jobs, and each statement is a round
// trip the servers and PostgreSQL pay for.
import "server-only";
import { getPool } from "@/lib/db/client";

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The booking of a mail, or null when it no longer exists (or the mail names none). */
export async function bookingForMail(bookingId: string): Promise<BookingForMail | null> {
  if (!UUID.test(bookingId)) return null;
  const { rows } = await getPool().query({
    // Prepared once per connection: every mail about a booking asks it.
    name: "booking-for-mail",
    text: `SELECT b."id"::text AS "id", b."number", b."places", b."status"::text AS "status", b."partnerId"::text AS "partnerId",
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
           WHERE b."id" = $1::uuid`,
    values: [bookingId],
  });
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    number: row.number,
    places: row.places,
    status: row.status,
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

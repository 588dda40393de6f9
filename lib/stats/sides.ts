// A venue's and a structure's own statistics (issue 15): what became of the invitations a venue offered,
// event by event, with what the people thought of them; what a structure booked and for how many people,
// for its own report to its funders. The same facts and measures as the association's figures
// (figures.ts), computed when asked: one venue's or one structure's bookings are few. No names.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actsForPartner, ensure, managesVenue } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { requireId } from "@/lib/validation";
import { seasonOf, seasonRange } from "@/lib/time";
import { computeFigures, seasonNumber, withData, type FigureRow } from "./figures";

/** The seasons a venue or a structure may look back on: the one under way and the three before. */
export const SIDE_SEASONS_BACK = 4;

/** The season asked in the URL (?saison=2025) if it is one of those, else the one under way. */
export function sideSeason(asked: unknown, now: Date): { season: number; current: number; seasons: number[] } {
  const current = seasonOf(now);
  const seasons = Array.from({ length: SIDE_SEASONS_BACK }, (_, back) => current - back);
  const wanted = Number(Array.isArray(asked) ? asked[0] : asked);
  return { season: seasons.includes(wanted) ? wanted : current, current, seasons };
}

export interface EventFigures {
  eventId: string;
  title: string;
  sessions: number;
  offered: number;
  confirmed: number;
  attended: number;
  noShows: number;
  unused: number;
  feedback: { LOVED: number; LIKED: number; NOT_FOR_ME: number };
}

/** A venue's season: its totals and, event by event, its offer, what was used, and the feedback. */
export async function venueStatistics(
  actor: Actor,
  venueId: string,
  season: number,
  { now = new Date() } = {},
): Promise<{ rows: FigureRow[]; previous: FigureRow | null; events: EventFigures[] }> {
  requireId(venueId, "lieu");
  ensure(managesVenue(actor, venueId), "Vous ne voyez que les statistiques de votre lieu.");
  const range = seasonRange(seasonNumber(season));
  const [rows, before, events] = await Promise.all([
    computeFigures(range, { now, scope: { venueId } }),
    computeFigures(seasonRange(seasonNumber(season) - 1), { now, scope: { venueId } }),
    getPrisma().$queryRaw<EventFigures[]>`
      WITH offer AS (
        SELECT s."eventId", count(*)::int AS sessions, sum(s."capacity")::int AS offered,
               coalesce(sum(greatest(s."capacity" - s."confirmedPlaces", 0)) FILTER (WHERE s."startsAt" < ${now}), 0)::int AS unused
        FROM "Session" s JOIN "Event" e ON e."id" = s."eventId"
        WHERE e."venueId" = ${venueId}::uuid AND e."status" <> 'DRAFT' AND s."status" = 'SCHEDULED'
          AND s."startsAt" >= ${range.from} AND s."startsAt" < ${range.to}
        GROUP BY s."eventId"
      ),
      used AS (
        SELECT f."eventId",
               count(*) FILTER (WHERE b."status" = 'CONFIRMED' AND g."cancelledAt" IS NULL)::int AS confirmed,
               count(*) FILTER (WHERE b."status" = 'CONFIRMED' AND g."cancelledAt" IS NULL AND g."attendance" = 'ATTENDED')::int AS attended,
               count(*) FILTER (WHERE b."status" = 'CONFIRMED' AND g."cancelledAt" IS NULL AND g."attendance" = 'NO_SHOW')::int AS "noShows"
        FROM "BookingFact" f JOIN "Booking" b ON b."id" = f."bookingId" JOIN "BookingGuest" g ON g."bookingId" = b."id"
        WHERE f."venueId" = ${venueId}::uuid AND f."sessionStartsAt" >= ${range.from} AND f."sessionStartsAt" < ${range.to}
        GROUP BY f."eventId"
      ),
      opinions AS (
        SELECT f."eventId", count(*) FILTER (WHERE fb."mood" = 'LOVED')::int AS loved, count(*) FILTER (WHERE fb."mood" = 'LIKED')::int AS liked,
               count(*) FILTER (WHERE fb."mood" = 'NOT_FOR_ME')::int AS "notForMe"
        FROM "BookingFact" f JOIN "BookingFeedback" fb ON fb."bookingId" = f."bookingId"
        WHERE f."venueId" = ${venueId}::uuid AND f."sessionStartsAt" >= ${range.from} AND f."sessionStartsAt" < ${range.to}
        GROUP BY f."eventId"
      )
      SELECT e."id"::text AS "eventId", e."title", coalesce(o.sessions, 0) AS sessions, coalesce(o.offered, 0) AS offered,
             coalesce(u.confirmed, 0) AS confirmed, coalesce(u.attended, 0) AS attended, coalesce(u."noShows", 0) AS "noShows",
             coalesce(o.unused, 0) AS unused,
             json_build_object('LOVED', coalesce(p.loved, 0), 'LIKED', coalesce(p.liked, 0), 'NOT_FOR_ME', coalesce(p."notForMe", 0)) AS feedback
      FROM "Event" e
      LEFT JOIN offer o ON o."eventId" = e."id"
      LEFT JOIN used u ON u."eventId" = e."id"
      LEFT JOIN opinions p ON p."eventId" = e."id"
      WHERE e."venueId" = ${venueId}::uuid AND (o."eventId" IS NOT NULL OR u."eventId" IS NOT NULL)
      ORDER BY e."title", e."id"`,
  ]);
  return { rows, previous: withData(before.find((row) => row.dimension === "total")), events };
}

/** A structure's season: its bookings, the people it took out, attendance, by month, category and venue; and
 * the totals of the season before, to compare. */
export async function partnerStatistics(
  actor: Actor,
  partnerId: string,
  season: number,
  { now = new Date() } = {},
): Promise<{ rows: FigureRow[]; previous: FigureRow | null }> {
  requireId(partnerId, "structure");
  ensure(actsForPartner(actor, partnerId), "Vous ne voyez que les statistiques de votre structure.");
  const asked = seasonNumber(season);
  const [rows, before] = await Promise.all([
    computeFigures(seasonRange(asked), { now, scope: { partnerId } }),
    computeFigures(seasonRange(asked - 1), { now, scope: { partnerId } }),
  ]);
  return { rows, previous: withData(before.find((row) => row.dimension === "total")) };
}

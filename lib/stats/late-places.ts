// One figure of "Des places ce soir" (issue 33.2): the late places released on a season's sessions and those
// booked. Read from the sessions' two counters (latePlaces, lateConfirmedPlaces), which the booking trigger
// keeps: no names, no booking read. The association sees every venue's, a venue its own.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { ensure, isAdmin, managesVenue } from "@/lib/auth/permissions";
import { parse } from "@/lib/validation";
import { getPool } from "@/lib/db/client";
import { seasonRange } from "@/lib/time";

export const latePlacesFigureSchema = z.object({
  season: z.coerce.number().int().min(2000).max(2100),
  venueId: z.uuid().optional(),
});

export interface LatePlacesFigure {
  /** Sessions on which late places were released. */
  sessions: number;
  released: number;
  used: number;
}

export async function latePlacesFigure(actor: Actor, input: unknown): Promise<LatePlacesFigure> {
  const { season, venueId } = parse(latePlacesFigureSchema, input);
  ensure(venueId ? managesVenue(actor, venueId) : isAdmin(actor), "Ces chiffres sont réservés à l'association et au lieu concerné.");
  const range = seasonRange(season);
  const { rows } = await getPool().query<LatePlacesFigure>(LATE_PLACES_SQL, [range.from, range.to, venueId ?? null]);
  return rows[0]!;
}

/**
 * $1, $2: the season's range; $3: a venue or null. Every view of the statistics pages asks it: the
 * sessions with late places are read through their own partial index ("Session_late_idx"), not by
 * reading the season's 50,000 sessions at national scale (issue 35.2).
 */
export const LATE_PLACES_SQL = `SELECT count(*)::int AS "sessions", coalesce(sum(s."latePlaces"), 0)::int AS "released", coalesce(sum(s."lateConfirmedPlaces"), 0)::int AS "used"
     FROM "Session" s JOIN "Event" e ON e."id" = s."eventId"
     WHERE s."latePlaces" > 0 AND s."status" = 'SCHEDULED' AND s."startsAt" >= $1 AND s."startsAt" < $2 AND ($3::uuid IS NULL OR e."venueId" = $3::uuid)`;

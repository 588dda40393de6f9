// How fair the season's draws were (issue 17), on the association's statistics page: how many scarce
// sessions were drawn, how many structures applied, the share of them served at least once, and the Gini
// of the places they hold from those draws (a place given later from the waitlist counts; one cancelled
// since does not).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { seasonRange } from "@/lib/time";
import { gini } from "./gini";

export interface DrawFairness {
  sessions: number;
  applications: number;
  structures: number;
  /** Structures with at least one place from a draw, over those that applied. */
  served: number;
  gini: number;
}

export async function drawFairness(actor: Actor, season: number): Promise<DrawFairness | null> {
  ensure(isAdmin(actor), "Seule l'association voit les statistiques de tous les tirages.");
  const { from, to } = seasonRange(season);
  const rows = await getPrisma().$queryRaw<{ partnerId: string; applications: number; sessions: string[]; places: number }[]>`
    SELECT a."partnerId"::text AS "partnerId", count(*)::int AS "applications", array_agg(a."sessionId"::text) AS "sessions",
           coalesce(sum(b."places") FILTER (WHERE b."status" = 'CONFIRMED'), 0)::int AS "places"
    FROM "Application" a
    JOIN "SessionDraw" d ON d."sessionId" = a."sessionId" AND d."drawnAt" IS NOT NULL AND d."notHeld" IS NULL
    JOIN "Session" s ON s."id" = a."sessionId"
    LEFT JOIN "Booking" b ON b."id" = a."bookingId"
    WHERE s."startsAt" >= ${from} AND s."startsAt" < ${to}
    GROUP BY a."partnerId"`;
  if (!rows.length) return null;
  const places = rows.map((row) => row.places);
  return {
    sessions: new Set(rows.flatMap((row) => row.sessions)).size,
    applications: rows.reduce((sum, row) => sum + row.applications, 0),
    structures: rows.length,
    served: places.filter((count) => count > 0).length / rows.length,
    gini: gini(places),
  };
}

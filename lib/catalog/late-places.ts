// The offer's first block, "Des places ce soir" (issue 33.2): the sessions with late places left that can
// still be booked, soonest closing first, with the places left and when booking closes (the page says the
// time left). Published events of scheduled sessions only, for whoever may browse the offer.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { canBrowseOffer, ensure } from "@/lib/auth/permissions";
import { getPool } from "@/lib/db/client";

export interface LateOffer {
  sessionId: string;
  eventId: string;
  title: string;
  venueName: string;
  startsAt: Date;
  closesAt: Date;
  left: number;
}

export async function lateOffers(actor: Actor, { now = new Date(), sessionId }: { now?: Date; sessionId?: string } = {}): Promise<LateOffer[]> {
  ensure(canBrowseOffer(actor), "Connectez-vous pour voir l'offre.");
  const { rows } = await getPool().query<LateOffer>(
    `SELECT * FROM (
       SELECT s."id"::text AS "sessionId", e."id"::text AS "eventId", e."title", v."name" AS "venueName", s."startsAt",
              s."startsAt" - make_interval(mins => s."lateMarginMinutes") AS "closesAt", s."latePlaces" - s."lateConfirmedPlaces" AS "left"
       FROM "Session" s JOIN "Event" e ON e."id" = s."eventId" JOIN "Venue" v ON v."id" = e."venueId"
       WHERE s."latePlaces" > s."lateConfirmedPlaces" AND s."status" = 'SCHEDULED' AND e."status" = 'PUBLISHED'
         AND ($2::uuid IS NULL OR s."id" = $2::uuid)
     ) o
     WHERE o."closesAt" > $1
     ORDER BY o."closesAt", o."sessionId"
     LIMIT 20`,
    [now, sessionId ?? null],
  );
  return rows;
}

/** "2 h 15", "40 min": the time left until `until`, rounded down to the minute. */
export function timeLeft(until: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((until.getTime() - now.getTime()) / 60_000));
  const hours = Math.floor(minutes / 60);
  if (hours === 0) return `${minutes} min`;
  return minutes % 60 ? `${hours} h ${String(minutes % 60).padStart(2, "0")}` : `${hours} h`;
}

// The alert of late places (issue 33.2): when a venue releases them, each structure that asked for them on
// /mon-compte and whose choices match (the event's category, the venue's area, an hour when it can still
// reach someone, in Paris) hears at once, by mail to its active referents. Only structures whose convention
// covers the session's date: the others could not book. Written in the release's transaction (no release,
// no mail); the mail reads the places left when it leaves.
import "server-only";
import type { Sql } from "@/lib/db/sql";
import { queueMail } from "./index";

export async function queueLatePlacesAlerts(sql: Sql, sessionId: string, now: Date): Promise<number> {
  const users = await sql.query<{ userId: string }>(
    `SELECT u."id"::text AS "userId"
     FROM "Session" s JOIN "Event" e ON e."id" = s."eventId" JOIN "Venue" v ON v."id" = e."venueId"
     JOIN "LateAlertChoice" c ON (cardinality(c."categories") = 0 OR e."category" = ANY(c."categories"))
                             AND (cardinality(c."areas") = 0 OR v."area" = ANY(c."areas"))
                             AND extract(hour FROM $2::timestamptz AT TIME ZONE 'Europe/Paris') >= c."fromHour"
                             AND extract(hour FROM $2::timestamptz AT TIME ZONE 'Europe/Paris') < c."untilHour"
     JOIN "User" u ON u."partnerId" = c."partnerId" AND u."role" = 'PARTNER' AND u."active"
     WHERE s."id" = $1::uuid AND partner_convention_valid(c."partnerId", s."startsAt")
     ORDER BY u."id"`,
    [sessionId, now],
  );
  const release = now.toISOString();
  await queueMail(
    sql,
    users.map(({ userId }) => ({ kind: "LATE_PLACES" as const, userId, props: { sessionId }, sourceKey: `late-places:${sessionId}:${release}:${userId}` })),
  );
  return users.length;
}

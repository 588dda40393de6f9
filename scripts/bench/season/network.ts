// The national network the season is played on: db:seed:national's dimensions (prisma/seed/national.ts,
// NATIONAL_SIZES) at `scale`, written with set-based SQL as that seed writes them, but with sessions laid
// out over the season to play and no booking yet: every booking of the season is made by the replay,
// through lib/booking. Ids are stable (random.ts, stableId): the driver names a structure, a person or a
// session by its number, without a list of them in memory. What the venues decide before the season
// (their quota rules, the sessions run as a draw) goes through lib's own functions, as does the
// scheduling of every session's timed jobs.
import type pg from "pg";
import { NATIONAL_SIZES } from "../../../prisma/seed/national";
import { parisTime } from "../../../lib/time";
import { stableIdSql } from "./random";

/** The season's sizes at a scale: the national data set's, and the Cultures du Cœur volume of invitations. */
export function seasonDimensions(scale: number) {
  const partners = Math.max(4, Math.round(NATIONAL_SIZES.Partner * scale));
  const venues = Math.max(2, Math.round(NATIONAL_SIZES.Venue * scale));
  const sessions = Math.max(24, Math.round(NATIONAL_SIZES.Session * scale));
  return {
    partners,
    venues,
    sessions,
    events: Math.max(venues, Math.round(sessions / 4)),
    peoplePerPartner: Math.max(6, Math.round(NATIONAL_SIZES.Person / NATIONAL_SIZES.Partner)),
    /** About 350,000 invitations (places) asked for in a season at scale 1. */
    invitations: Math.max(60, Math.round(350_000 * scale)),
  };
}
export type SeasonDimensions = ReturnType<typeof seasonDimensions>;

/**
 * Shares of the sessions: opened with a burst (hundreds of structures in the same minute at scale 1),
 * run as applications then a draw (the scarce ones), cancelled by their venue; of the events: cancelled;
 * of the venues: with a quota rule.
 */
export const SHARES = { burst: 0.02, draw: 0.05, sessionCancelled: 0.03, eventCancelled: 0.005, quotaVenues: 0.4 } as const;

/**
 * Whether a row (by its id, an SQL expression) has a trait: a number in [0, 1) drawn from the id, the
 * trait and the seed, below the trait's share. The driver asks the same in its queries, so no list of
 * the rows that have it is kept anywhere.
 */
export function hasTraitSql(id: string, trait: "burst" | "draw" | "sessionCancelled" | "eventCancelled", seed: number): string {
  const salt = `:${trait}:${Math.trunc(seed)}`;
  const share = trait === "draw" ? `${SHARES.draw} AND NOT ${hasTraitSql(id, "burst", seed)}` : String(SHARES[trait]);
  return `((('x' || substr(md5(${id}::text || '${salt}'), 1, 8))::bit(32)::bigint::float8 / 4294967296) < ${share})`;
}

/**
 * Writes the network: structures (sector, town, one referent account, a convention covering the season),
 * their people, venues (one manager account each), events and sessions over the season (each opening for
 * bookings at 10:00, 10 to 40 days before it starts), and the association's account. One transaction.
 */
export async function writeNetwork(client: pg.Client, dims: SeasonDimensions, season: number, seed: number): Promise<void> {
  const first = `${season}-09-01`;
  const params = [seed, dims.partners, dims.venues, dims.events, dims.sessions, dims.peoplePerPartner, first, `${season - 1}-09-01`, `${season + 2}-08-31`];
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "User" ("id", "email", "name", "role", "updatedAt")
       VALUES (${stableIdSql("'admin'", "0")}, 'association@saison.test', 'Équipe de l''association', 'ADMIN', now())`,
      [],
    );
    await client.query(
      `INSERT INTO "Partner" ("id", "name", "sector", "city", "area", "updatedAt")
       SELECT ${stableIdSql("'partner'", "i")}, 'Structure ' || i, (ARRAY['SOCIAL','INSERTION','CARE','DISABILITY','MEDICO_SOCIAL'])[1 + i % 5]::"Sector",
              (ARRAY['Lyon','Marseille','Lille','Nantes','Rennes','Toulouse','Grenoble','Montpellier'])[1 + (hashint8extended(i, $1::bigint) & 7)],
              'Quartier ' || (i % 4), now()
       FROM generate_series(0, $2::int - 1) AS i`,
      params.slice(0, 2),
    );
    await client.query(
      `INSERT INTO "Convention" ("id", "partnerId", "signedOn", "validFrom", "validUntil")
       SELECT gen_random_uuid(), ${stableIdSql("'partner'", "i")}, $2::date, $2::date, $3::date FROM generate_series(0, $1::int - 1) AS i`,
      [dims.partners, params[7], params[8]],
    );
    await client.query(
      `INSERT INTO "User" ("id", "email", "name", "role", "partnerId", "updatedAt")
       SELECT ${stableIdSql("'user'", "i")}, 'referent' || i || '@saison.test', 'Référent ' || i, 'PARTNER', ${stableIdSql("'partner'", "i")}, now()
       FROM generate_series(0, $1::int - 1) AS i`,
      [dims.partners],
    );
    // People: first names from a list, last names made of letters from the person's number (unique within
    // a structure: a person is one person).
    await client.query(
      `INSERT INTO "Person" ("id", "partnerId", "firstName", "lastName", "updatedAt")
       SELECT ${stableIdSql("'person'", "i", "j")}, ${stableIdSql("'partner'", "i")},
              (ARRAY['Awa','Karim','Lucie','Mehdi','Nadia','Paul','Sofia','Yann','Inès','Tom','Léa','Omar'])[1 + j % 12],
              'Nom' || translate(j::text, '0123456789', 'abcdefghij'), now()
       FROM generate_series(0, $1::int - 1) AS i, generate_series(0, $2::int - 1) AS j`,
      [dims.partners, dims.peoplePerPartner],
    );
    await client.query(
      `INSERT INTO "Venue" ("id", "slug", "name", "kind", "addressLine", "postalCode", "city", "ticketOfficePhone", "updatedAt")
       SELECT ${stableIdSql("'venue'", "v")}, 'lieu-saison-' || v, 'Lieu ' || v, (ARRAY['THEATRE','CONCERT_HALL','MUSEUM','CINEMA','DANCE'])[1 + v % 5]::"VenueKind",
              v || ' rue de la Saison', '69001', 'Lyon', '04 00 00 00 00', now()
       FROM generate_series(0, $1::int - 1) AS v`,
      [dims.venues],
    );
    await client.query(
      `INSERT INTO "User" ("id", "email", "name", "role", "updatedAt")
       SELECT ${stableIdSql("'venue-user'", "v")}, 'lieu' || v || '@saison.test', 'Billetterie ' || v, 'VENUE', now() FROM generate_series(0, $1::int - 1) AS v;
       `,
      [dims.venues],
    );
    await client.query(
      `INSERT INTO "VenueManager" ("userId", "venueId") SELECT ${stableIdSql("'venue-user'", "v")}, ${stableIdSql("'venue'", "v")} FROM generate_series(0, $1::int - 1) AS v`,
      [dims.venues],
    );
    await client.query(
      `INSERT INTO "Event" ("id", "venueId", "title", "description", "category", "status", "publishedAt", "updatedAt")
       SELECT ${stableIdSql("'event'", "e")}, ${stableIdSql("'venue'", "(e % $2::int)")}, 'Spectacle ' || e, 'Une soirée de la saison.',
              (ARRAY['THEATRE','MUSIC','DANCE','CIRCUS','CINEMA','EXHIBITION'])[1 + e % 6]::"EventCategory", 'PUBLISHED', $3::timestamptz, now()
       FROM generate_series(0, $1::int - 1) AS e`,
      [dims.events, dims.venues, parisTime(params[7] as string)],
    );
    // Sessions from the 8th of September to the 31st of August, at 15:00 or 20:00 in Paris; bookings open at
    // 10:00 10 to 40 days before (not before the season's first day); bursts get more places.
    await client.query(
      `INSERT INTO "Session" ("id", "eventId", "startsAt", "capacity", "bookingOpensAt", "updatedAt")
       SELECT ${stableIdSql("'session'", "k")}, ${stableIdSql("'event'", "(k % $2::int)")}, starts, capacity,
              greatest((((starts AT TIME ZONE 'Europe/Paris')::date - (10 + (hashint8extended(k, $1::bigint + 3) & 1048575) % 31)::int) + time '10:00') AT TIME ZONE 'Europe/Paris',
                       ($4::date + time '10:00') AT TIME ZONE 'Europe/Paris'),
              now()
       FROM generate_series(0, $3::int - 1) AS k,
            LATERAL (SELECT ((($4::date + (7 + (hashint8extended(k, $1::bigint + 1) & 1048575) % 358)::int)
                              + CASE WHEN k % 3 = 0 THEN time '15:00' ELSE time '20:00' END) AT TIME ZONE 'Europe/Paris') AS starts,
                            CASE WHEN ${hasTraitSql(stableIdSql("'session'", "k"), "burst", seed)} THEN (12 + (hashint8extended(k, $1::bigint + 2) & 1048575) % 30)::int
                                 ELSE (2 + (hashint8extended(k, $1::bigint + 2) & 1048575) % 12)::int END AS capacity) AS s`,
      [seed, dims.events, dims.sessions, first],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

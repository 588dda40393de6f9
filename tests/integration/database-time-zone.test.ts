// Dates written by Prisma are the instants meant, whatever the time zone of the database server: its
// pg adapter sends them as UTC text without an offset, so every connection of the app runs in UTC.
import pg from "pg";
import { disconnectPrisma, getPool, getPrisma } from "@/lib/db/client";
import { createSession } from "../factories";

it("keeps a session's instant on a server set to Paris time", async () => {
  const url = process.env.DATABASE_URL!;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const { rows } = await admin.query<{ db: string }>("SELECT current_database() AS db");
  await admin.query(`ALTER DATABASE "${rows[0]!.db}" SET timezone = 'Europe/Paris'`);
  await admin.end();
  await disconnectPrisma(); // new connections take the database's setting

  const startsAt = new Date("2027-07-01T18:00:00.000Z"); // 20:00 in Paris
  const session = await createSession({ startsAt });
  const plain = new pg.Client({ connectionString: url });
  await plain.connect();
  const read = await plain.query<{ startsAt: Date; local: string }>(`SELECT "startsAt", to_char("startsAt", 'HH24:MI') AS local FROM "Session" WHERE id = $1`, [
    session.id,
  ]);
  await plain.end();
  expect(read.rows[0]!.startsAt.toISOString()).toBe(startsAt.toISOString());
  expect(read.rows[0]!.local).toBe("20:00");
  expect((await getPrisma().session.findUniqueOrThrow({ where: { id: session.id } })).startsAt.toISOString()).toBe(startsAt.toISOString());
  expect((await getPool().query(`SELECT "startsAt" FROM "Session" WHERE id = $1`, [session.id])).rows[0].startsAt.toISOString()).toBe(startsAt.toISOString());
});

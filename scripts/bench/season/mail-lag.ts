// Issue 35.2 ("mail keeps up"): how long a booking's confirmation mail takes to leave, in real time. The
// outbox cannot say it: the servers of the replay run on a simulated clock (clock.ts), which stands still
// between moments, so `sentAt` is a simulated instant, and `createdAt` is when the mail was written, not
// when the booking was made. So the replay keeps its own ledger, in real time on both sides (the machine's
// clock, read past the simulated one): each server notes when a request it played came back confirmed
// (the booking committed) and when a send-mail job of its delivered a mail; the lag is read by joining
// both through the outbox's `sourceKey` (booking-confirmed:<booking>:<user>). Written in batches, after
// each batch of operations and each move of the clock, not during an operation's timing.
import type pg from "pg";

export const MAIL_LAG_LEDGER = `
  CREATE TABLE IF NOT EXISTS season_replay_confirmed (booking_id uuid NOT NULL, at timestamptz NOT NULL);
  CREATE TABLE IF NOT EXISTS season_replay_sent (mail_id uuid NOT NULL, at timestamptz NOT NULL)`;

/** The machine's time (ms since 1970), whatever Date answers in this process. */
export const realNow = () => performance.timeOrigin + performance.now();

/** What a server noted since its last flush: bookings confirmed and mails sent, each with its real time. */
export class LagNotes {
  private confirmed: [string, number][] = [];
  private sent: [string, number][] = [];

  confirmedBooking(bookingId: string): void {
    this.confirmed.push([bookingId, realNow()]);
  }

  sentMail(mailId: string): void {
    this.sent.push([mailId, realNow()]);
  }

  async flush(db: Pick<pg.Pool, "query">): Promise<void> {
    const [confirmed, sent] = [this.confirmed, this.sent];
    this.confirmed = [];
    this.sent = [];
    const write = (table: string, column: string, rows: [string, number][]) =>
      rows.length
        ? db.query(`INSERT INTO ${table} (${column}, at) SELECT id, to_timestamp(ms / 1000.0) FROM unnest($1::uuid[], $2::float8[]) AS x(id, ms)`, [
            rows.map(([id]) => id),
            rows.map(([, ms]) => ms),
          ])
        : null;
    await Promise.all([write("season_replay_confirmed", "booking_id", confirmed), write("season_replay_sent", "mail_id", sent)]);
  }
}

/** The confirmation mails' lag (s, real): median and 99th percentile, and how many were measured. */
export async function mailLag(db: Pick<pg.ClientBase, "query">): Promise<{ p50_s: number; p99_s: number; mails: number }> {
  const { rows } = await db.query<{ p50: number | null; p99: number | null; n: number }>(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lag) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY lag) AS p99, count(*)::int AS n
     FROM (SELECT extract(epoch FROM s.at - min(c.at)) AS lag
           FROM "OutboxMail" m
           JOIN season_replay_sent s ON s.mail_id = m."id"
           JOIN season_replay_confirmed c ON c.booking_id::text = split_part(m."sourceKey", ':', 2)
           WHERE m."sourceKey" LIKE 'booking-confirmed:%' AND m."status" = 'SENT'
           GROUP BY m."id", s.at) x`,
  );
  const row = rows[0]!;
  const round = (value: number | null) => (value === null ? 0 : Math.round(Number(value) * 100) / 100);
  return { p50_s: round(row.p50), p99_s: round(row.p99), mails: row.n };
}

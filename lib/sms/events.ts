// Issue 30: which texts the changes to bookings send, and to whom. A text goes to each guest still on the
// booking who has a number with consent: the number typed for this booking, else the person's own (from
// the structure's list). A number that answered STOP gets nothing. Each text is written once, whatever
// the retries of the job that writes it (its sourceKey), with the job that sends it (deliver.ts).
import "server-only";
import { getPrisma } from "@/lib/db/client";
import { addJobsSql, jobSpecSql } from "@/lib/db/queue";
import { prismaSql, type Sql } from "@/lib/db/sql";
import { inParis, nextParisDay, startOfParisDay } from "@/lib/time";
import { numberHash } from "./numbers";
import { composeText, type OutingFacts, type TextKind } from "./texts";

/** Attempts before a text is left FAILED for the association to send again (about four hours). */
export const TEXT_ATTEMPTS = 10;

export interface QueuedText {
  kind: TextKind;
  to: string;
  text: string;
  encoding: string;
  segments: number;
  partnerId: string | null;
  bookingId: string | null;
  guestPosition: number | null;
  sourceKey: string;
}

/** Writes the texts and their sending jobs within the transaction of `sql`. */
export async function queueTexts(sql: Sql, texts: QueuedText[]): Promise<void> {
  if (!texts.length) return;
  const column = <K extends keyof QueuedText>(key: K) => texts.map((text) => text[key]);
  await sql.query(
    `WITH texts AS (
       INSERT INTO "OutboxSms" ("id", "kind", "to", "text", "encoding", "segments", "partnerId", "bookingId", "guestPosition", "sourceKey")
       SELECT gen_random_uuid(), m.kind, m.to, m.text, m.encoding, m.segments, m.partner_id, m.booking_id, m.position, m.source_key
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::uuid[], $7::uuid[], $8::int[], $9::text[])
         AS m(kind, "to", text, encoding, segments, partner_id, booking_id, position, source_key)
       ON CONFLICT ("sourceKey") DO NOTHING
       RETURNING "id"
     )
     SELECT 1 AS queued FROM ${addJobsSql(`SELECT ${jobSpecSql("send-sms", `json_build_object('smsId', t."id")`, { key: `'sms:' || t."id"`, maxAttempts: "$10::int" })} FROM texts t`)}`,
    [
      column("kind"),
      column("to"),
      column("text"),
      column("encoding"),
      column("segments"),
      column("partnerId"),
      column("bookingId"),
      column("guestPosition"),
      column("sourceKey"),
      TEXT_ATTEMPTS,
    ],
  );
}

/** Whether the number answered STOP. */
export async function isStopped(e164: string): Promise<boolean> {
  return (await getPrisma().smsSuppression.count({ where: { numberHash: numberHash(e164) } })) > 0;
}

export interface Recipient {
  position: number;
  number: string;
  facts: OutingFacts;
  partnerId: string;
}

/** The guests of a booking who may get texts, with what the texts say of their outing. */
export async function recipientsOf(bookingId: string, { withdrawn }: { withdrawn?: number } = {}): Promise<Recipient[]> {
  const booking = await getPrisma().booking.findUnique({
    where: { id: bookingId },
    select: {
      partnerId: true,
      partner: { select: { name: true } },
      session: {
        select: { startsAt: true, event: { select: { title: true, venue: { select: { name: true, addressLine: true, postalCode: true, city: true } } } } },
      },
      guests: {
        // A guest withdrawn by their own "NON" still gets its answer (withdrawn: their position).
        where: { anonymizedAt: null, OR: [{ cancelledAt: null }, ...(withdrawn === undefined ? [] : [{ position: withdrawn }])] },
        orderBy: { position: "asc" },
        select: {
          position: true,
          firstName: true,
          mobile: { select: { number: true } },
          person: { select: { language: true, mobile: { select: { number: true } } } },
        },
      },
    },
  });
  if (!booking) return [];
  const { venue } = booking.session.event;
  const recipients: Recipient[] = [];
  for (const guest of booking.guests) {
    const number = guest.mobile?.number ?? guest.person?.mobile?.number;
    if (!number || (await isStopped(number))) continue;
    recipients.push({
      position: guest.position,
      number,
      partnerId: booking.partnerId,
      facts: {
        firstName: guest.firstName,
        structure: booking.partner.name,
        title: booking.session.event.title,
        startsAt: booking.session.startsAt,
        venue: venue.name,
        address: `${venue.addressLine}, ${venue.postalCode} ${venue.city}`,
        // The language the referent recorded for the person (issue 34.1); a companion typed by hand: French.
        language: guest.person?.language ?? null,
      },
    });
  }
  return recipients;
}

/** The texts of `kind` to every recipient of a booking (or to one guest), keyed by `source`. */
export async function textsFor(
  bookingId: string,
  kind: TextKind,
  source: string,
  { only, now = new Date() }: { only?: number; now?: Date } = {},
): Promise<QueuedText[]> {
  return (await recipientsOf(bookingId, { withdrawn: only }))
    .filter((recipient) => only === undefined || recipient.position === only)
    .map((recipient) => ({
      kind,
      to: recipient.number,
      ...composeText(kind, recipient.facts, now),
      partnerId: recipient.partnerId,
      bookingId,
      guestPosition: recipient.position,
      sourceKey: `${source}:${recipient.position}`,
    }));
}

/**
 * The texts that follow a notice to a structure (lib/booking/notify.ts): a move up from the waitlist, a
 * cancellation by the venue or the association, a session cancelled. A booking cancelled because its
 * person answered NON gets no "your outing is cancelled": they had the answer "C'est noté" already.
 */
export async function textsForNotice(notificationId: string): Promise<number> {
  const prisma = getPrisma();
  const notice = await prisma.notification.findUnique({ where: { id: notificationId }, select: { type: true, bookingId: true } });
  if (!notice?.bookingId) return 0;
  let kind: TextKind;
  if (notice.type === "BOOKING_PROMOTED") kind = "MOVED_UP";
  else if (notice.type === "SESSION_CANCELLED") kind = "CANCELLATION";
  else if (notice.type === "BOOKING_CANCELLED") {
    const answered = await prisma.smsAnswer.count({ where: { bookingId: notice.bookingId, outcome: "PLACE_FREED" } });
    if (answered) return 0;
    kind = "CANCELLATION";
  } else return 0;
  const texts = await textsFor(notice.bookingId, kind, `sms:notice:${notificationId}`);
  await queueTexts(prismaSql(prisma), texts);
  return texts.length;
}

/**
 * The reminder the day before, at the hour the association chose (SmsSettings.reminderHour, 18:00 by
 * default): the task runs every hour and acts at that hour, for the sessions of the next Paris day.
 */
export async function remindByText(now = new Date(), { anyHour = false } = {}): Promise<number> {
  const prisma = getPrisma();
  const settings = await prisma.smsSettings.findUnique({ where: { id: 1 } });
  if (!anyHour && inParis(now).getHours() !== (settings?.reminderHour ?? 18)) return 0;
  const from = nextParisDay(startOfParisDay(now));
  const bookings = await prisma.booking.findMany({
    where: { status: "CONFIRMED", session: { status: "SCHEDULED", startsAt: { gte: from, lt: nextParisDay(from) } } },
    select: { id: true },
  });
  let count = 0;
  for (const { id } of bookings) {
    const texts = await textsFor(id, "REMINDER", `sms:reminder:${id}`, { now });
    await queueTexts(prismaSql(prisma), texts);
    count += texts.length;
  }
  return count;
}

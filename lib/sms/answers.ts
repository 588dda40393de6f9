// Issue 30, "a one-word answer". The operator hands people's answers in as deliver_sm on the bind
// (transport.ts). "NON" (and the ways people write it) frees that person's place through the booking
// rules themselves: a companion is withdrawn (lib/booking/withdraw-guest.ts), the main guest's booking
// cancelled (lib/booking/cancel.ts) if the referent allowed it when booking, and the waitlist moves up
// there, in the same transaction, as on every release. The person gets "C'est noté". "STOP" puts the
// number on the suppression list. Anything else is kept for the referent's home. The answer concerns
// the latest text sent to that number about an outing still to come (docs/decisions/015-text-messages.md).
import "server-only";
import type { PDU } from "smpp";
import { systemActor } from "@/lib/auth/actor";
import { cancelBooking } from "@/lib/booking/cancel";
import { withdrawGuest } from "@/lib/booking/withdraw-guest";
import { getPrisma } from "@/lib/db/client";
import { prismaSql } from "@/lib/db/sql";
import { BusyError, DomainError } from "@/lib/errors";
import type { SmsAnswerOutcome } from "@/lib/generated/prisma/enums";
import { queueTexts, textsFor } from "./events";
import { numberHash, toE164 } from "./numbers";
import { onIncoming, smsSession } from "./transport";

export type AnswerWord = "NO" | "STOP" | "OTHER";

const NO = new Set([
  "non",
  "no",
  "nan",
  "non merci",
  "non desole",
  "non desolee",
  "je peux pas",
  "je ne peux pas",
  "peux pas",
  "je viens pas",
  "je ne viens pas",
  "je pourrai pas",
  "je ne pourrai pas",
  "pas possible",
  // The person may get their texts in English, Arabic, Dari, Ukrainian or Russian (issue 34.1, decision 022):
  // their "no" frees the place as the French one does.
  "no thanks",
  "no sorry",
  "لا",
  "لا شكرا",
  "نه",
  "نی",
  "نخیر",
  "ні",
  "ні дякую",
  "ні вибачте",
  "нет",
  "нет спасибо",
  "нет извините",
]);
const STOP = new Set(["stop", "stop sms", "stopsms"]);

/** What a one-word answer says, whatever its case, accents, punctuation and spacing. */
export function readAnswer(text: string): AnswerWord {
  const plain = text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[’']/g, " ")
    // Letters of every script kept (Arabic, Cyrillic), the rest is punctuation and spacing.
    .replace(/[^\p{L} ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (STOP.has(plain)) return "STOP";
  return NO.has(plain) ? "NO" : "OTHER";
}

/** An answer from `from` (as the operator wrote it) saying `text`. */
export async function receiveAnswer(from: string, text: string, now = new Date()): Promise<SmsAnswerOutcome | null> {
  const number = toE164(from, { international: true }) ?? toE164(from);
  if (!number) return null;
  const prisma = getPrisma();
  const word = readAnswer(text);
  if (word === "STOP")
    await prisma.smsSuppression.upsert({ where: { numberHash: numberHash(number) }, create: { numberHash: numberHash(number), createdAt: now }, update: {} });
  const latest = await prisma.outboxSms.findFirst({
    where: { to: number, bookingId: { not: null }, status: { in: ["SENT", "DELIVERED", "KEPT"] } },
    orderBy: { createdAt: "desc" },
    select: { partnerId: true, bookingId: true, guestPosition: true },
  });
  if (!latest?.partnerId || !latest.bookingId) return word === "STOP" ? "STOPPED" : null;
  const answer = await prisma.smsAnswer.create({
    data: {
      partnerId: latest.partnerId,
      bookingId: latest.bookingId,
      guestPosition: latest.guestPosition,
      text: text.slice(0, 300),
      outcome: word === "STOP" ? "STOPPED" : "OTHER",
      receivedAt: now,
    },
  });
  if (word !== "NO" || latest.guestPosition === null) return answer.outcome;

  const outcome = await freePlace(latest.bookingId, latest.guestPosition, answer.id, now);
  await prisma.smsAnswer.update({ where: { id: answer.id }, data: { outcome } });
  if (outcome !== "TOO_LATE") {
    const kind = outcome === "PLACE_FREED" ? "FREED" : "NOTED";
    await queueTexts(prismaSql(prisma), await textsFor(latest.bookingId, kind, `sms:answer:${answer.id}`, { only: latest.guestPosition, now }));
  }
  return outcome;
}

async function freePlace(bookingId: string, position: number, answerId: string, now: Date): Promise<SmsAnswerOutcome> {
  const prisma = getPrisma();
  const booking = await prisma.booking.findUnique({ where: { id: bookingId }, select: { status: true, texts: { select: { mainMayCancel: true } } } });
  if (!booking || booking.status === "CANCELLED") return "TOO_LATE";
  // Recorded as freeing before it does: the cancellation's notice then sends no "your outing is cancelled".
  await prisma.smsAnswer.update({ where: { id: answerId }, data: { outcome: "PLACE_FREED" } });
  try {
    if (position !== 0) {
      await withdrawGuest(systemActor, { bookingId, position }, { now });
      return "PLACE_FREED";
    }
    if (!booking.texts?.mainMayCancel) return "REFERENT_TO_CALL";
    await cancelBooking(systemActor, { bookingId, code: "GUEST_UNAVAILABLE", note: "Réponse « NON » par SMS." }, { now });
    return "PLACE_FREED";
  } catch (error) {
    // The rules refused (the session started, the guest already withdrawn or in): nothing to free.
    if (error instanceof DomainError && !(error instanceof BusyError)) return "TOO_LATE";
    await prisma.smsAnswer.update({ where: { id: answerId }, data: { outcome: "OTHER" } });
    throw error;
  }
}

/** A deliver_sm from the operator: a delivery receipt for one of our texts, or a person's answer. */
export async function receiveFromOperator(pdu: PDU, now = new Date()): Promise<void> {
  const raw = pdu.message_payload ?? pdu.short_message;
  const text = typeof raw === "object" && raw !== null && "message" in raw ? String((raw as { message: unknown }).message) : String(raw ?? "");
  if ((Number(pdu.esm_class) & 0x04) !== 0) {
    await recordReceipt(
      String(pdu.receipted_message_id ?? /id:(\S+)/.exec(text)?.[1] ?? ""),
      /stat:(\w+)/.exec(text)?.[1] ?? String(pdu.message_state ?? ""),
      now,
    );
    return;
  }
  await receiveAnswer(String(pdu.source_addr ?? ""), text, now);
}

/** The operator's receipt: delivered to the phone (DELIVRD, state 2), or not. */
async function recordReceipt(messageId: string, state: string, now: Date): Promise<void> {
  if (!messageId) return;
  const delivered = state === "DELIVRD" || state === "2";
  await getPrisma().outboxSms.updateMany({
    where: { messageId, status: { in: ["SENT", "DELIVERED", "UNDELIVERED"] } },
    data: { status: delivered ? "DELIVERED" : "UNDELIVERED", receipt: state.slice(0, 20), deliveredAt: delivered ? now : null },
  });
}

onIncoming((pdu) => receiveFromOperator(pdu));

/** Binds to the operator now (a server's workers starting, and every hour), so that answers arrive. */
export async function listenForAnswers(): Promise<void> {
  await smsSession().catch(() => null);
}

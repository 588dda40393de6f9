// The people's own feedback (issue 16): after an outing, the person supported, through their structure's
// visitor access, types the short code printed on their invitation (lib/invitation/feedback-code.ts),
// picks one of three faces and may add a few words. The venue and the association read it without any
// name or structure, beside what the referents passed on (BookingFeedback). One answer per invitation:
// a second one replaces the first. The code opens nothing else: it is looked up among the structure's own
// confirmed guests of the last FEEDBACK_DAYS only, and wrong codes are throttled per visitor session, then
// per structure well above one session's share (issue 27.7, docs/decisions/005).
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { canGiveOwnFeedback, ensure } from "@/lib/auth/permissions";
import { forgiveAttempt, takeAttempt } from "@/lib/auth/throttle";
import { visitorSessionKey } from "@/lib/auth/visitor";
import { getPrisma } from "@/lib/db/client";
import { RuleViolation } from "@/lib/errors";
import { feedbackCode, FEEDBACK_CODE_LENGTH, normalizeFeedbackCode } from "@/lib/invitation/feedback-code";
import { parisDaysBefore } from "@/lib/time";
import { Mood } from "@/lib/generated/prisma/enums";
import { optionalText, parse } from "@/lib/validation";

/** How long after the session its guests may still say how it was. */
export const FEEDBACK_DAYS = 30;

/** The three faces, in the order shown. */
export const MOODS = [Mood.LOVED, Mood.LIKED, Mood.NOT_FOR_ME] as const;

export const guestFeedbackSchema = z.object({
  feedbackCode: z
    .string("easy.feedback.errors.code")
    .transform(normalizeFeedbackCode)
    .pipe(z.string().regex(new RegExp(`^[2-9A-HJ-NP-Z]{${FEEDBACK_CODE_LENGTH}}$`), "easy.feedback.errors.code")),
  mood: z.enum(MOODS, "easy.feedback.errors.mood"),
  comment: optionalText(500),
});

/** Records (or replaces) what the person thought of their outing; answers the event's title to thank them. */
export async function giveOwnFeedback(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ eventTitle: string }> {
  ensure(canGiveOwnFeedback(actor), "Seules les personnes accompagnées, avec le code de leur structure, donnent leur avis ici.");
  const data = parse(guestFeedbackSchema, input);
  // Counted before the lookup and forgiven when the code is right: only wrong codes count. Per visitor
  // session first, then for the structure (issue 27.7): a session that has spent its share counts no more
  // against the structure, so one visitor cannot lock the structure's feedback for everyone.
  const attempt = await takeAttempt(
    [
      ["feedback-session", visitorSessionKey(actor)],
      ["feedback-partner", actor.partnerId],
    ],
    now,
  );
  if (!attempt) throw new RuleViolation("FEEDBACK_THROTTLED", "Trop de codes faux : réessayez dans un quart d'heure.");
  const prisma = getPrisma();
  // The structure's invitations of the last days, and of the days to come (to say "after the outing").
  const guests = await prisma.bookingGuest.findMany({
    where: { cancelledAt: null, booking: { partnerId: actor.partnerId, status: "CONFIRMED", sessionStartsAt: { gte: parisDaysBefore(now, FEEDBACK_DAYS) } } },
    select: { id: true, booking: { select: { sessionId: true, session: { select: { startsAt: true, event: { select: { title: true } } } } } } },
  });
  const guest = guests.find((candidate) => feedbackCode(candidate.id) === data.feedbackCode);
  if (!guest) throw new RuleViolation("FEEDBACK_CODE_UNKNOWN", "Ce code ne correspond à aucune sortie de ces derniers jours.");
  await forgiveAttempt(attempt);
  const { session, sessionId } = guest.booking;
  if (session.startsAt > now) throw new RuleViolation("FEEDBACK_TOO_EARLY", "L'avis se donne après la sortie.");
  const values = { mood: data.mood, comment: data.comment ?? null };
  await prisma.guestFeedback.upsert({ where: { guestId: guest.id }, create: { guestId: guest.id, sessionId, ...values }, update: values });
  return { eventTitle: session.event.title };
}

export interface PeopleFeedback {
  moods: Record<(typeof MOODS)[number], number>;
  /** The words people added, in no particular order that could point to someone. */
  comments: { mood: (typeof MOODS)[number]; comment: string }[];
}

/** Sessions' own answers of the people, without anything that says who, for the venue's report (whose
 * loader, lib/venue/attendance.ts, has checked who may read it). */
export async function peopleFeedbackBySession(sessionIds: string[]): Promise<Map<string, PeopleFeedback>> {
  const rows = await getPrisma().guestFeedback.findMany({
    where: { sessionId: { in: sessionIds } },
    select: { sessionId: true, mood: true, comment: true },
    // By mood, then by the words themselves: neither the order of answers nor the structure shows.
    orderBy: [{ mood: "asc" }, { comment: "asc" }],
  });
  const bySession = new Map<string, PeopleFeedback>();
  for (const row of rows) {
    const entry = bySession.get(row.sessionId) ?? { moods: { LOVED: 0, LIKED: 0, NOT_FOR_ME: 0 }, comments: [] };
    entry.moods[row.mood] += 1;
    if (row.comment) entry.comments.push({ mood: row.mood, comment: row.comment });
    bySession.set(row.sessionId, entry);
  }
  return bySession;
}

// "J'aimerais y aller" (issue 16): a person supported, through their structure's visitor access, tells
// their referent they would like to go to an event, with a first name or initials and a message (no
// account, nothing else about them). The structure's referents see the wishes on their home, book one in
// two clicks (the booking form opened from the wish; booking it handles it) or set it aside. A handled
// wish is emptied at once; every wish is erased once its session has started (the job wishes-purge).
// One visitor session sends WISHES_PER_SESSION wishes at most, and a structure's code WISHES_PER_DAY a day
// (Paris days), all its sessions together, well above one session's share (issue 27.7).
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { actsForPartner, canHandleWish, canSendWish, ensure } from "@/lib/auth/permissions";
import { VISITOR_SESSION_MS, visitorSessionKey } from "@/lib/auth/visitor";
import { getPrisma } from "@/lib/db/client";
import { NotFoundError, RuleViolation } from "@/lib/errors";
import { startOfParisDay } from "@/lib/time";
import { isUuid, line, optionalText, requireId, uuid, parse } from "@/lib/validation";

/** One visitor session's wishes (a session lasts VISITOR_SESSION_MS at most): counted first (issue 27.7). */
export const WISHES_PER_SESSION = 5;
/** A structure's wishes a Paris day, all its sessions together: a dozen sessions' worth, so that one visitor
 * never spends the others' share (issue 27.7). */
export const WISHES_PER_DAY = 60;
/** A wish for "date au choix": the event's dates to come the referent chooses from on the wish itself;
 * beyond them, the event's page, whose "Réserver" links carry the wish on (issue 29.14). */
export const WISH_DATES_SHOWN = 6;

export const wishSchema = z.object({
  eventId: uuid(),
  sessionId: z.preprocess((value) => (value === "" || value === null ? undefined : value), uuid().optional()),
  name: line(40),
  message: optionalText(300),
});

/** A visitor's wish for an event (and, if they chose one, a date of it). */
export async function makeWish(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ id: string }> {
  ensure(canSendWish(actor), "Seules les personnes accompagnées, avec le code de leur structure, envoient une envie.");
  const data = parse(wishSchema, input);
  const prisma = getPrisma();
  // The dates still to come of a published event: the wish lives until the one chosen, or the last.
  const sessions = await prisma.session.findMany({
    where: { eventId: data.eventId, status: "SCHEDULED", startsAt: { gt: now }, event: { status: "PUBLISHED" } },
    select: { id: true, startsAt: true },
    orderBy: { startsAt: "asc" },
  });
  if (!sessions.length) throw new NotFoundError("événement");
  const chosen = data.sessionId ? sessions.find((session) => session.id === data.sessionId) : undefined;
  if (data.sessionId && !chosen) throw new NotFoundError("date");
  const expiresAt = (chosen ?? sessions.at(-1)!).startsAt;
  return prisma.$transaction(async (tx) => {
    // One structure's wishes are counted one at a time: two sent together cannot both pass the limit.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`wish:${actor.partnerId}`}))`;
    const visitorSession = visitorSessionKey(actor);
    const mine = await tx.wish.count({
      where: { partnerId: actor.partnerId, visitorSession, createdAt: { gt: new Date(now.getTime() - VISITOR_SESSION_MS) } },
    });
    if (mine >= WISHES_PER_SESSION)
      throw new RuleViolation("WISH_SESSION_LIMIT", `${WISHES_PER_SESSION} envies au plus à la fois.`, { max: WISHES_PER_SESSION });
    const today = await tx.wish.count({ where: { partnerId: actor.partnerId, createdAt: { gte: startOfParisDay(now) } } });
    if (today >= WISHES_PER_DAY)
      throw new RuleViolation("WISH_LIMIT", `${WISHES_PER_DAY} envies par jour au plus pour une structure.`, { max: WISHES_PER_DAY });
    return tx.wish.create({
      data: {
        partnerId: actor.partnerId,
        visitorSession,
        eventId: data.eventId,
        sessionId: chosen?.id ?? null,
        name: data.name,
        message: data.message ?? null,
        createdAt: now,
        expiresAt,
      },
      select: { id: true },
    });
  });
}

export interface WishRow {
  id: string;
  name: string;
  message: string | null;
  createdAt: Date;
  event: { id: string; title: string; venueName: string };
  /** The date wanted, or null: then the referent picks one. */
  session: { id: string; startsAt: Date } | null;
  /** The date the booking form opens on: the one wanted; none for "date au choix", where the referent
   * chooses (issue 29.14: opening the first date unasked booked a date nobody chose). */
  bookSessionId: string | null;
  /** "Date au choix": the event's first dates to come, to choose from; empty when a date was wanted. */
  dates: { id: string; startsAt: Date }[];
  /** More dates than `dates` are to come (the event's page lists them all). */
  moreDates: boolean;
}

/** The structure's wishes still to handle, newest first. */
export async function listWishes(actor: Actor, partnerId: string, { now = new Date(), limit = 50 } = {}): Promise<WishRow[]> {
  requireId(partnerId, "structure");
  ensure(actsForPartner(actor, partnerId), "Vous ne voyez que les envies des personnes de votre structure.");
  const wishes = await getPrisma().wish.findMany({
    where: { partnerId, handledAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      name: true,
      message: true,
      createdAt: true,
      session: { select: { id: true, startsAt: true } },
      event: {
        select: {
          id: true,
          title: true,
          venue: { select: { name: true } },
          sessions: {
            where: { status: "SCHEDULED", startsAt: { gt: now } },
            orderBy: { startsAt: "asc" },
            take: WISH_DATES_SHOWN + 1,
            select: { id: true, startsAt: true },
          },
        },
      },
    },
  });
  return wishes.map(({ event: { sessions, venue, ...event }, ...wish }) => ({
    ...wish,
    event: { ...event, venueName: venue.name },
    bookSessionId: wish.session?.id ?? null,
    dates: wish.session ? [] : sessions.slice(0, WISH_DATES_SHOWN),
    moreDates: !wish.session && sessions.length > WISH_DATES_SHOWN,
  }));
}

/** A wish the actor's structure may handle, or not found (another structure's stays hidden). */
export async function ownWish(actor: Actor, wishId: unknown): Promise<{ id: string; partnerId: string; name: string; message: string | null }> {
  const wish = isUuid(wishId)
    ? await getPrisma().wish.findUnique({ where: { id: wishId }, select: { id: true, partnerId: true, name: true, message: true, handledAt: true } })
    : null;
  if (!wish || wish.handledAt || !canHandleWish(actor, wish.partnerId)) throw new NotFoundError("envie");
  return wish;
}

/** Handled (booked or set aside): no longer shown, its words erased at once. */
export async function handleWish(actor: Actor, wishId: unknown, { now = new Date() } = {}): Promise<void> {
  const wish = await ownWish(actor, wishId);
  await getPrisma().wish.updateMany({ where: { id: wish.id, handledAt: null }, data: { handledAt: now, name: "", message: null } });
}

/** Erases the wishes whose session has started (the job wishes-purge, every hour). */
export async function purgeWishes(now = new Date()): Promise<number> {
  const { count } = await getPrisma().wish.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}

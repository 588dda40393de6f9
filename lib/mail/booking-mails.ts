// The mails that follow what happens to bookings, written by jobs that the changes themselves added (in
// their own transactions): a booking confirmed, a notice to a partner (a booking moved up from the
// waitlist, cancelled by the venue or the association, a session cancelled or moved, a waitlist expired), the
// reminder two days before an outing and the request for attendance the day after. They go to whoever
// made the booking, or, when that account is gone, to every active account of the structure. Each mail
// is written once whatever the retries of its job (its sourceKey).
import "server-only";
import { getPrisma } from "@/lib/db/client";
import { prismaSql } from "@/lib/db/sql";
import type { NotificationType } from "@/lib/generated/prisma/enums";
import type { MailKind } from "./kinds";
import { queueMail, type QueuedMail } from "./index";

/** The mail of each notice; a withdrawn guest is told in the structure's news only. */
const KIND_OF_NOTICE: Record<NotificationType, MailKind | null> = {
  BOOKING_PROMOTED: "BOOKING_PROMOTED",
  BOOKING_CANCELLED: "BOOKING_CANCELLED",
  SESSION_CANCELLED: "SESSION_CANCELLED",
  SESSION_MOVED: "SESSION_MOVED",
  WAITLIST_EXPIRED: "WAITLIST_EXPIRED",
  GUEST_WITHDRAWN: null,
  DRAW_NOT_HELD: "DRAW_NOT_HELD",
};

/** Who hears about a booking: the user who made it, if still active; otherwise the structure's users. */
async function recipients(booking: { partnerId: string; createdById: string | null }): Promise<string[]> {
  const users = await getPrisma().user.findMany({ where: { partnerId: booking.partnerId, role: "PARTNER", active: true }, select: { id: true } });
  const maker = users.find((user) => user.id === booking.createdById);
  return maker ? [maker.id] : users.map((user) => user.id);
}

async function queueFor(bookings: { id: string; partnerId: string; createdById: string | null }[], kind: MailKind, source: (bookingId: string) => string) {
  const mails: QueuedMail[] = [];
  for (const booking of bookings) {
    for (const userId of await recipients(booking))
      mails.push({ kind, userId, props: { bookingId: booking.id }, sourceKey: `${source(booking.id)}:${userId}` });
  }
  await queueMail(prismaSql(getPrisma()), mails);
  return mails.length;
}

const bookingSelect = { id: true, partnerId: true, createdById: true } as const;

export async function mailForNotice(notificationId: string): Promise<number> {
  const notice = await getPrisma().notification.findUnique({
    where: { id: notificationId },
    select: { type: true, partnerId: true, sessionId: true, booking: { select: bookingSelect } },
  });
  const kind = notice ? KIND_OF_NOTICE[notice.type] : null;
  if (!notice || !kind) return 0;
  if (!notice.booking) return notice.sessionId ? mailForApplication(notificationId, notice.partnerId, notice.sessionId) : 0;
  return queueFor([notice.booking], kind, () => `notice:${notificationId}`);
}

/**
 * A notice about an application whose draw will not run (issue 26: the session cancelled, or its bookings
 * closed before the draw): no booking, so the mail says what became of the application, to whoever filed it.
 */
async function mailForApplication(notificationId: string, partnerId: string, sessionId: string): Promise<number> {
  const application = await getPrisma().application.findUnique({ where: { sessionId_partnerId: { sessionId, partnerId } }, select: { createdById: true } });
  if (!application) return 0;
  const mails: QueuedMail[] = (await recipients({ partnerId, createdById: application.createdById })).map((userId) => ({
    kind: "DRAW_NOT_HELD",
    userId,
    props: { sessionId },
    sourceKey: `notice:${notificationId}:${userId}`,
  }));
  await queueMail(prismaSql(getPrisma()), mails);
  return mails.length;
}

export async function mailForBooking(bookingId: string): Promise<number> {
  const booking = await getPrisma().booking.findUnique({
    where: { id: bookingId },
    select: { ...bookingSelect, status: true, drawnFrom: { select: { id: true } } },
  });
  // A booking made by a draw (issue 17) gets the draw's result, confirmed or waiting, in one mail.
  if (booking?.drawnFrom && booking.status !== "CANCELLED") return queueFor([booking], "DRAW_RESULT", (id) => `draw-result:${id}`);
  if (!booking || booking.status !== "CONFIRMED") return 0;
  return queueFor([booking], "BOOKING_CONFIRMED", (id) => `booking-confirmed:${id}`);
}

/** Two days before: the referents of the session's confirmed bookings get the names, time and address. */
export async function remindOuting(sessionId: string): Promise<number> {
  const bookings = await getPrisma().booking.findMany({ where: { sessionId, status: "CONFIRMED", session: { status: "SCHEDULED" } }, select: bookingSelect });
  return queueFor(bookings, "OUTING_REMINDER", (id) => `outing-reminder:${id}`);
}

/** The day after: a request to record who came, and feedback for the venue. */
export async function askAttendance(sessionId: string): Promise<number> {
  const bookings = await getPrisma().booking.findMany({ where: { sessionId, status: "CONFIRMED", session: { status: "SCHEDULED" } }, select: bookingSelect });
  return queueFor(bookings, "ATTENDANCE_REQUEST", (id) => `attendance-request:${id}`);
}

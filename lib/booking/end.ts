// Ending a session's open bookings (all of them when it is cancelled, its waitlist when bookings close),
// audited, with each partner told: shared by the venue's actions (sessions.ts) and the timed rules
// (timed.ts).
import "server-only";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import type { Sql } from "@/lib/db/sql";
import type { NotificationType } from "@/lib/generated/prisma/enums";
import { notifyPartners } from "./notify";

/** Cancels the session's open bookings (or only its waitlist) with a reason, audited and notified. */
export async function endBookings(
  sql: Sql,
  actor: Actor,
  sessionId: string,
  onlyStatus: "WAITLISTED" | undefined,
  reason: "EXPIRED" | "SESSION_CANCELLED",
  notification: NotificationType,
  now: Date,
): Promise<{ id: string; partnerId: string; status: "CONFIRMED" | "WAITLISTED" }[]> {
  const bookings = await sql.query<{ id: string; partnerId: string; status: "CONFIRMED" | "WAITLISTED" }>(
    `UPDATE "Booking" b SET "status" = 'CANCELLED', "cancelledAt" = $3, "cancelReason" = $4::"CancelReason", "cancelledById" = $5::uuid, "updatedAt" = $3
     FROM "Booking" o
     WHERE o."id" = b."id" AND b."sessionId" = $1::uuid AND b."status" = ANY($2::"BookingStatus"[])
     RETURNING b."id"::text AS "id", b."partnerId"::text AS "partnerId", o."status"::text AS "status"`,
    [sessionId, onlyStatus ? [onlyStatus] : ["CONFIRMED", "WAITLISTED"], now, reason, actor.kind === "user" ? actor.userId : null],
    "end-session-bookings",
  );
  if (!bookings.length) return [];
  await notifyPartners(
    sql,
    bookings.map((b) => ({ partnerId: b.partnerId, type: notification, bookingId: b.id, sessionId })),
    now,
  );
  await audit(
    sql,
    actor,
    bookings.map((b) => ({
      action: reason === "EXPIRED" ? "booking.expired" : "booking.cancelled",
      entityType: "Booking" as const,
      entityId: b.id,
      before: { status: b.status },
      after: { status: "CANCELLED", reason },
    })),
    now,
  );
  return bookings;
}

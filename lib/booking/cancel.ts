// Rule 4: a cancelled booking frees its places and its invitation stops checking at the door. The
// person may phone their referent, the association or the venue: all three can cancel.
import "server-only";
import { bookingOwnerWhoMayCancel } from "./owner";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError, RuleViolation } from "@/lib/errors";
import type { BookingStatus, CancelReason } from "@/lib/generated/prisma/enums";
import { notifyPartners } from "./notify";
import { promoteAfterRelease, type Promotion } from "./promotion";
import { cancelBookingSchema } from "./schemas";
import { parse } from "@/lib/validation";
import { lockSession } from "./state";
import { withVenueLockOnPool } from "./transaction";

export interface CancellationResult {
  bookingId: string;
  number: string;
  placesReleased: number;
  promoted: Promotion[];
}

/** The reason code recorded with a cancellation follows from who cancels. */
function reasonFor(actor: Actor): CancelReason {
  if (actor.kind === "user") return actor.role === "PARTNER" ? "PARTNER" : actor.role === "VENUE" ? "VENUE" : "ASSOCIATION";
  return "ASSOCIATION";
}

export async function cancelBooking(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<CancellationResult> {
  const { bookingId, note, code } = parse(cancelBookingSchema, input);
  const owner = await bookingOwnerWhoMayCancel(bookingId, actor);

  // On a pooled connection, as a booking request (transaction.ts): a season cancels one booking in seven,
  // and Prisma's interactive transaction cost the servers more than the cancellation's own statements.
  return withVenueLockOnPool(owner.venueId, async (sql) => {
    const [booking] = await sql.query<{ id: string; number: string; status: BookingStatus; places: number; partnerId: string; sessionId: string }>(
      `SELECT "id"::text AS "id", "number", "status"::text AS "status", "places", "partnerId"::text AS "partnerId", "sessionId"::text AS "sessionId"
       FROM "Booking" WHERE "id" = $1::uuid`,
      [bookingId],
      "cancel-read-booking",
    );
    if (!booking) throw new NotFoundError("réservation");
    const session = (await lockSession(sql, booking.sessionId))!;
    if (booking.status === "CANCELLED") throw new RuleViolation("ALREADY_CANCELLED", "Cette réservation est déjà annulée.");
    if (now >= session.startsAt) throw new RuleViolation("SESSION_STARTED", "La séance a commencé : la réservation ne peut plus être annulée.");

    const reason = reasonFor(actor);
    const updated = await sql.query(
      `UPDATE "Booking" SET "status" = 'CANCELLED', "cancelledAt" = $3, "cancelledById" = $4::uuid, "cancelReason" = $5::"CancelReason",
              "cancelCode" = $6::"CancelCode", "cancelNote" = $7, "updatedAt" = $3
       WHERE "id" = $1::uuid AND "status" = $2::"BookingStatus" RETURNING 1 AS "cancelled"`,
      [booking.id, booking.status, now, actor.kind === "user" ? actor.userId : null, reason, code ?? null, note || null],
      "cancel-booking",
    );
    if (updated.length !== 1) throw new RuleViolation("ALREADY_CANCELLED", "Cette réservation est déjà annulée.");
    await audit(
      sql,
      actor,
      {
        action: "booking.cancelled",
        entityType: "Booking",
        entityId: booking.id,
        before: { status: booking.status },
        after: { status: "CANCELLED", reason, code: code ?? null, note: note || null },
      },
      now,
    );
    // The partner learns of a cancellation it did not make itself.
    if (reason !== "PARTNER") {
      await notifyPartners(sql, [{ partnerId: booking.partnerId, type: "BOOKING_CANCELLED", bookingId: booking.id, sessionId: session.id }], now);
    }

    const wasConfirmed = booking.status === "CONFIRMED";
    if (wasConfirmed) session.confirmedPlaces -= booking.places;
    else {
      session.waitlistedPlaces -= booking.places;
      session.waitlistedBookings -= 1;
    }
    const promoted = wasConfirmed ? await promoteAfterRelease(sql, session, actor, now, [booking.partnerId]) : [];
    return { bookingId: booking.id, number: booking.number, placesReleased: wasConfirmed ? booking.places : 0, promoted };
  });
}

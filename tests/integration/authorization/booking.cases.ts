// lib/booking in the authorization matrix (see authorization-matrix.test.ts for the format).
import { cancelBooking } from "@/lib/booking/cancel";
import { cancelSession, changeCapacity, closeBookings } from "@/lib/booking/sessions";
import { grantQuotaException, grantQuotaExceptionUntil, setQuotaRule } from "@/lib/booking/quota";
import { requestBooking } from "@/lib/booking/request";
import { withdrawGuest } from "@/lib/booking/withdraw-guest";
import type { MatrixWorld } from "../../factories/matrix";
import type { AuthorizationCase } from "./invitation.cases";

export const bookingCases: AuthorizationCase<MatrixWorld>[] = [
  {
    name: "book for partner A (requestBooking)",
    call: (actor, w) =>
      requestBooking(actor, { sessionId: w.sessionX, partnerId: w.partnerA, guests: [{ firstName: "Awa", lastName: "Diallo", kind: "MAIN" }] }),
    allowed: ["admin", "partnerA"],
  },
  {
    name: "cancel partner A's booking (cancelBooking)",
    call: (actor, w) => cancelBooking(actor, { bookingId: w.bookingId, note: "Empêchée" }),
    allowed: ["admin", "partnerA", "venueX"],
  },
  {
    // The booking's second guest (position 1), a companion.
    name: "withdraw one guest of partner A's booking (withdrawGuest)",
    call: (actor, w) => withdrawGuest(actor, { bookingId: w.bookingId, position: 1 }),
    allowed: ["admin", "partnerA", "venueX"],
  },
  {
    name: "change a session's capacity at venue X (changeCapacity)",
    call: (actor, w) => changeCapacity(actor, { sessionId: w.sessionX, capacity: 12 }),
    allowed: ["admin", "venueX"],
  },
  {
    name: "close a session's bookings at venue X (closeBookings)",
    call: (actor, w) => closeBookings(actor, { sessionId: w.sessionX }),
    allowed: ["admin", "venueX"],
  },
  {
    name: "cancel a session at venue X (cancelSession)",
    call: (actor, w) => cancelSession(actor, { sessionId: w.sessionX, note: "Artiste malade" }),
    allowed: ["admin", "venueX"],
  },
  {
    name: "set venue X's quota rule (setQuotaRule)",
    call: (actor, w) => setQuotaRule(actor, { venueId: w.venueX, rule: { period: "MONTH", maxPlaces: 4, liftDaysBefore: null } }),
    allowed: ["admin", "venueX"],
  },
  {
    name: "grant partner A an exception at venue X (grantQuotaException)",
    call: (actor, w) => grantQuotaException(actor, { venueId: w.venueX, partnerId: w.partnerA, maxPlaces: 8 }),
    allowed: ["admin"],
  },
  {
    name: "grant partner A an exception at venue X from the association's form (grantQuotaExceptionUntil)",
    call: (actor, w) =>
      grantQuotaExceptionUntil(actor, { venueId: w.venueX, partnerId: w.partnerA, maxPlaces: "8", expiresAt: "2030-01-31", reason: "Projet" }),
    allowed: ["admin"],
  },
];

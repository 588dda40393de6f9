// lib/booking: every rule of allocation, quotas, waitlist and cancellation (DESIGN.md, "Rules of
// lib/booking"). Pages and server actions call these functions with the acting user; each parses its
// input, checks the actor's rights, and runs under the locks described in transaction.ts.
export { requestBooking, type BookingRequestResult, type BookedPart } from "./request";
export { cancelBooking, type CancellationResult } from "./cancel";
export { withdrawGuest, withdrawGuestSchema, type WithdrawalResult } from "./withdraw-guest";
export { changeCapacity, closeBookings, reopenBookings, cancelSession } from "./sessions";
export { closeSessionOnTime, liftQuotaOnTime, scheduleAllSessionJobs } from "./timed";
export { setQuotaRule, grantQuotaException, revokeQuotaException, endQuotaExceptionOnTime } from "./quota";
export type { Promotion } from "./promotion";
export { bookingRequestSchema, cancelBookingSchema, changeCapacitySchema, quotaRuleSchema, quotaExceptionSchema, MAX_GUESTS_PER_BOOKING } from "./schemas";
export { formatBookingNumber, normalizeBookingNumber } from "./number";

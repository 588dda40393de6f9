-- DropIndex
DROP INDEX "Booking_partnerId_status_idx";

-- CreateIndex
CREATE INDEX "Booking_partnerId_status_sessionId_idx" ON "Booking"("partnerId", "status", "sessionId");

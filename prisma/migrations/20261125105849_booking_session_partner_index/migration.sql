-- CreateIndex
CREATE INDEX "Booking_sessionId_partnerId_idx" ON "Booking"("sessionId", "partnerId");

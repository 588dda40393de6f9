-- CreateIndex
CREATE INDEX "Booking_requestedAt_id_idx" ON "Booking"("requestedAt" DESC, "id" DESC);

-- CreateTable
CREATE TABLE "GuestFeedback" (
    "guestId" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "mood" "Mood" NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GuestFeedback_pkey" PRIMARY KEY ("guestId")
);

-- CreateIndex
CREATE INDEX "GuestFeedback_sessionId_idx" ON "GuestFeedback"("sessionId");

-- AddForeignKey
ALTER TABLE "GuestFeedback" ADD CONSTRAINT "GuestFeedback_guestId_fkey" FOREIGN KEY ("guestId") REFERENCES "BookingGuest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "Wish" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "sessionId" UUID,
    "name" TEXT NOT NULL,
    "message" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "handledAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Wish_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Wish_partnerId_createdAt_idx" ON "Wish"("partnerId", "createdAt");

-- CreateIndex
CREATE INDEX "Wish_expiresAt_idx" ON "Wish"("expiresAt");

-- AddForeignKey
ALTER TABLE "Wish" ADD CONSTRAINT "Wish_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Wish" ADD CONSTRAINT "Wish_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Wish" ADD CONSTRAINT "Wish_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

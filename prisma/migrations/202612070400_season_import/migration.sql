-- CreateEnum
CREATE TYPE "SeasonSourceKind" AS ENUM ('ICAL', 'OPENAGENDA');

-- AlterEnum
ALTER TYPE "NotificationType" ADD VALUE 'SESSION_MOVED';

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "editedFields" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "sourceId" UUID,
ADD COLUMN     "sourceKey" TEXT;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "sourceCancelledAt" TIMESTAMPTZ(3),
ADD COLUMN     "sourceKey" TEXT;

-- CreateTable
CREATE TABLE "SeasonSource" (
    "id" UUID NOT NULL,
    "venueId" UUID NOT NULL,
    "kind" "SeasonSourceKind" NOT NULL,
    "url" TEXT,
    "agendaUid" TEXT,
    "apiKey" TEXT,
    "lastSyncedAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SeasonSource_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SeasonSource_venueId_key" ON "SeasonSource"("venueId");

-- CreateIndex
CREATE UNIQUE INDEX "Event_sourceId_sourceKey_key" ON "Event"("sourceId", "sourceKey");

-- CreateIndex
CREATE UNIQUE INDEX "Session_eventId_sourceKey_key" ON "Session"("eventId", "sourceKey");

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "SeasonSource"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeasonSource" ADD CONSTRAINT "SeasonSource_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "Venue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

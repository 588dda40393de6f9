-- Issue 32.3: arrivals marked offline on a door's device, sent when the network returns.
-- CreateEnum
CREATE TYPE "DoorMarkOutcome" AS ENUM ('RECORDED', 'ALREADY_IN', 'CANCELLED', 'REFUSED');

-- AlterTable
ALTER TABLE "BookingGuest" ADD COLUMN     "checkedInDevice" TEXT;

-- CreateTable
CREATE TABLE "DoorMark" (
    "id" UUID NOT NULL,
    "guestId" UUID NOT NULL,
    "deviceId" TEXT NOT NULL,
    "markedAt" TIMESTAMPTZ(3) NOT NULL,
    "snapshotAt" TIMESTAMPTZ(3) NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "outcome" "DoorMarkOutcome" NOT NULL,
    "firstArrivalAt" TIMESTAMPTZ(3),
    "otherDevice" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "DoorMark_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DoorMark_guestId_idx" ON "DoorMark"("guestId");

-- AddForeignKey
ALTER TABLE "DoorMark" ADD CONSTRAINT "DoorMark_guestId_fkey" FOREIGN KEY ("guestId") REFERENCES "BookingGuest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

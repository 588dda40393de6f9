-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AccessNeed" ADD VALUE 'EASY_READING';
ALTER TYPE "AccessNeed" ADD VALUE 'OTHER';

-- AlterTable
ALTER TABLE "BookingGuest" ADD COLUMN     "cancelledAt" TIMESTAMPTZ(3),
ADD COLUMN     "cancelledById" UUID,
ADD COLUMN     "needsNote" TEXT;

-- AlterEnum
ALTER TYPE "NotificationType" ADD VALUE 'GUEST_WITHDRAWN';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "guestPosition" INTEGER;

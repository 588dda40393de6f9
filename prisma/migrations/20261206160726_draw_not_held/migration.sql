-- CreateEnum
CREATE TYPE "DrawNotHeld" AS ENUM ('SESSION_CANCELLED', 'BOOKINGS_CLOSED');

-- AlterEnum
ALTER TYPE "NotificationType" ADD VALUE 'DRAW_NOT_HELD';

-- AlterTable
ALTER TABLE "SessionDraw" ADD COLUMN     "notHeld" "DrawNotHeld";

-- CreateEnum
CREATE TYPE "CancelCode" AS ENUM ('GUEST_UNAVAILABLE', 'PARTNER_REQUEST', 'VENUE_REQUEST', 'DUPLICATE', 'OTHER');

-- AlterTable
ALTER TABLE "Booking" ADD COLUMN     "cancelCode" "CancelCode";

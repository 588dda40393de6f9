-- Issue 26.8, decision 006: what the form held when its key was first met, so that the key met again with
-- other guests, counts or choices is refused rather than answered as a repeat.
-- AlterTable
ALTER TABLE "Booking" ADD COLUMN     "idempotencyFingerprint" TEXT;

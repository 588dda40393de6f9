-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('PENDING', 'SENT', 'KEPT', 'DIGEST', 'DIGESTED', 'SKIPPED', 'FAILED');

-- AlterTable
ALTER TABLE "BookingGuest" ADD COLUMN     "anonymizedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "OutboxMail" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "html" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'PLAIN',
ADD COLUMN     "props" JSONB,
ADD COLUMN     "sourceKey" TEXT,
ADD COLUMN     "status" "MailStatus" NOT NULL DEFAULT 'PENDING',
ADD COLUMN     "userId" UUID,
ALTER COLUMN "to" SET DEFAULT '',
ALTER COLUMN "subject" SET DEFAULT '',
ALTER COLUMN "text" SET DEFAULT '';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mailPreferences" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "RetentionRun" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "counts" JSONB NOT NULL,

    CONSTRAINT "RetentionRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RetentionRun_at_idx" ON "RetentionRun"("at");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMail_sourceKey_key" ON "OutboxMail"("sourceKey");

-- CreateIndex
CREATE INDEX "OutboxMail_status_userId_idx" ON "OutboxMail"("status", "userId");

-- Hand-written: mails written before jobs existed were sent (sentAt) or kept in the outbox (the demo).
UPDATE "OutboxMail" SET "status" = CASE WHEN "sentAt" IS NOT NULL THEN 'SENT'::"MailStatus" ELSE 'KEPT'::"MailStatus" END;

-- CreateEnum
CREATE TYPE "SmsStatus" AS ENUM ('PENDING', 'SENT', 'DELIVERED', 'UNDELIVERED', 'KEPT', 'OVER_BUDGET', 'SKIPPED', 'FAILED');

-- CreateEnum
CREATE TYPE "SmsAnswerOutcome" AS ENUM ('PLACE_FREED', 'REFERENT_TO_CALL', 'TOO_LATE', 'STOPPED', 'OTHER');

-- CreateTable
CREATE TABLE "PersonMobile" (
    "personId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT 'OUTINGS',
    "consentAt" TIMESTAMPTZ(3) NOT NULL,
    "consentById" UUID,

    CONSTRAINT "PersonMobile_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "GuestMobile" (
    "guestId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "consentAt" TIMESTAMPTZ(3) NOT NULL,
    "consentById" UUID,

    CONSTRAINT "GuestMobile_pkey" PRIMARY KEY ("guestId")
);

-- CreateTable
CREATE TABLE "BookingTexts" (
    "bookingId" UUID NOT NULL,
    "confirmation" BOOLEAN NOT NULL DEFAULT false,
    "mainMayCancel" BOOLEAN NOT NULL DEFAULT false,
    "chosenById" UUID,
    "chosenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BookingTexts_pkey" PRIMARY KEY ("bookingId")
);

-- CreateTable
CREATE TABLE "OutboxSms" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "partnerId" UUID,
    "bookingId" UUID,
    "guestPosition" INTEGER,
    "to" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "encoding" TEXT NOT NULL,
    "segments" INTEGER NOT NULL,
    "status" "SmsStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "messageId" TEXT,
    "receipt" TEXT,
    "sourceKey" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "deliveredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxSms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmsSuppression" (
    "numberHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsSuppression_pkey" PRIMARY KEY ("numberHash")
);

-- CreateTable
CREATE TABLE "SmsAnswer" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "bookingId" UUID,
    "guestPosition" INTEGER,
    "text" TEXT NOT NULL,
    "outcome" "SmsAnswerOutcome" NOT NULL,
    "readAt" TIMESTAMPTZ(3),
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmsSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "reminderHour" INTEGER NOT NULL DEFAULT 18,
    "monthlyBudget" INTEGER,
    "budgetToldFor" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboxSms_sourceKey_key" ON "OutboxSms"("sourceKey");

-- CreateIndex
CREATE INDEX "OutboxSms_createdAt_idx" ON "OutboxSms"("createdAt");

-- CreateIndex
CREATE INDEX "OutboxSms_status_sentAt_idx" ON "OutboxSms"("status", "sentAt");

-- CreateIndex
CREATE INDEX "OutboxSms_to_createdAt_idx" ON "OutboxSms"("to", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxSms_messageId_idx" ON "OutboxSms"("messageId");

-- CreateIndex
CREATE INDEX "SmsAnswer_partnerId_readAt_receivedAt_idx" ON "SmsAnswer"("partnerId", "readAt", "receivedAt");

-- CreateIndex
CREATE INDEX "SmsAnswer_bookingId_idx" ON "SmsAnswer"("bookingId");

-- AddForeignKey
ALTER TABLE "PersonMobile" ADD CONSTRAINT "PersonMobile_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuestMobile" ADD CONSTRAINT "GuestMobile_guestId_fkey" FOREIGN KEY ("guestId") REFERENCES "BookingGuest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BookingTexts" ADD CONSTRAINT "BookingTexts_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;
INSERT INTO "SmsSettings" ("id") VALUES (1) ON CONFLICT DO NOTHING;

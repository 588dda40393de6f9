-- CreateEnum
CREATE TYPE "ActivityKind" AS ENUM ('MEETING', 'TRAINING', 'WORKSHOP');

-- CreateTable
CREATE TABLE "Activity" (
    "id" UUID NOT NULL,
    "kind" "ActivityKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "durationMinutes" INTEGER,
    "place" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "confirmedPlaces" INTEGER NOT NULL DEFAULT 0,
    "cancelledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityRegistration" (
    "id" UUID NOT NULL,
    "activityId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "requestSeq" BIGSERIAL NOT NULL,
    "status" "BookingStatus" NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT,
    "nameKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),

    CONSTRAINT "ActivityRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Activity_startsAt_idx" ON "Activity"("startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityRegistration_number_key" ON "ActivityRegistration"("number");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityRegistration_requestSeq_key" ON "ActivityRegistration"("requestSeq");

-- CreateIndex
CREATE INDEX "ActivityRegistration_activityId_status_requestSeq_idx" ON "ActivityRegistration"("activityId", "status", "requestSeq");

-- AddForeignKey
ALTER TABLE "ActivityRegistration" ADD CONSTRAINT "ActivityRegistration_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the database's own guard against overfilling an activity, and one registration per name.
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_places_check" CHECK ("capacity" >= 1 AND "confirmedPlaces" >= 0 AND "confirmedPlaces" <= "capacity");
CREATE UNIQUE INDEX "ActivityRegistration_one_per_name" ON "ActivityRegistration" ("activityId", "nameKey") WHERE "status" <> 'CANCELLED';
ALTER TABLE "ActivityRegistration" ADD CONSTRAINT "ActivityRegistration_number_check" CHECK ("number" ~ '^[2-9A-HJ-NP-Z]{8}$');

-- The association's back office (issue 11): the partnership's steps as a history, conventions with a
-- validity, memberships per season. Written by hand in this order so that existing data is carried over
-- before the old columns go.

-- CreateEnum
CREATE TYPE "OnboardingStepKind" AS ENUM ('REQUEST_RECEIVED', 'MEETING_PLANNED', 'MEETING_HELD', 'CONVENTION_SIGNED', 'ACCOUNT_CREATED', 'TRAINED');
CREATE TYPE "MembershipStatus" AS ENUM ('INVITED', 'JOINING', 'DECLINED', 'MEMBER');

-- CreateTable
CREATE TABLE "OnboardingStep" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "kind" "OnboardingStepKind" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "byUserId" UUID,
    "note" TEXT,
    "data" JSONB,

    CONSTRAINT "OnboardingStep_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Convention" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "signedOn" DATE NOT NULL,
    "validFrom" DATE NOT NULL,
    "validUntil" DATE NOT NULL,
    "reference" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Convention_pkey" PRIMARY KEY ("id")
);

-- Hand-written: the steps and conventions of existing structures, from the columns they replace. A
-- convention signed before had no end date: it is taken as valid three years from its signature.
INSERT INTO "OnboardingStep" ("id", "partnerId", "kind", "at")
SELECT gen_random_uuid(), p."id", 'REQUEST_RECEIVED', p."createdAt" FROM "Partner" p;
INSERT INTO "OnboardingStep" ("id", "partnerId", "kind", "at")
SELECT gen_random_uuid(), p."id", 'CONVENTION_SIGNED', greatest(p."conventionSignedAt"::timestamptz, p."createdAt")
FROM "Partner" p WHERE p."conventionSignedAt" IS NOT NULL;
INSERT INTO "OnboardingStep" ("id", "partnerId", "kind", "at")
SELECT gen_random_uuid(), p."id", 'ACCOUNT_CREATED', greatest(p."conventionSignedAt"::timestamptz, p."createdAt") + interval '1 day'
FROM "Partner" p WHERE p."onboardingStatus" IN ('ACCOUNT_CREATED', 'TRAINED');
INSERT INTO "OnboardingStep" ("id", "partnerId", "kind", "at", "data")
SELECT gen_random_uuid(), p."id", 'TRAINED', coalesce(p."trainedAt", p."createdAt" + interval '2 days'), jsonb_build_object('trainedOn', to_char(coalesce(p."trainedAt", p."createdAt"), 'YYYY-MM-DD'))
FROM "Partner" p WHERE p."onboardingStatus" = 'TRAINED';
INSERT INTO "Convention" ("id", "partnerId", "signedOn", "validFrom", "validUntil")
SELECT gen_random_uuid(), p."id", p."conventionSignedAt", p."conventionSignedAt", (p."conventionSignedAt" + interval '3 years' - interval '1 day')::date
FROM "Partner" p WHERE p."conventionSignedAt" IS NOT NULL;

-- AlterTable: memberships by season (a membership of year Y is taken as the season starting in Y).
ALTER TABLE "Membership"
ADD COLUMN     "answeredAt" TIMESTAMPTZ(3),
ADD COLUMN     "invitedAt" TIMESTAMPTZ(3),
ADD COLUMN     "joinedOn" DATE,
ADD COLUMN     "paymentMeans" TEXT,
ADD COLUMN     "receiptNumber" TEXT,
ADD COLUMN     "remindedAt" TIMESTAMPTZ(3),
ADD COLUMN     "season" INTEGER,
ADD COLUMN     "status" "MembershipStatus" NOT NULL DEFAULT 'INVITED',
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3);
UPDATE "Membership" SET "season" = "year", "updatedAt" = "createdAt",
  "status" = CASE WHEN "paidAt" IS NOT NULL THEN 'MEMBER'::"MembershipStatus" ELSE 'INVITED'::"MembershipStatus" END,
  "joinedOn" = "paidAt";
ALTER TABLE "Membership" ALTER COLUMN "season" SET NOT NULL, ALTER COLUMN "updatedAt" SET NOT NULL;
DROP INDEX "Membership_partnerId_year_key";
ALTER TABLE "Membership" DROP COLUMN "paidAt", DROP COLUMN "year";

-- AlterTable
ALTER TABLE "Partner" DROP COLUMN "conventionSignedAt",
DROP COLUMN "onboardingStatus",
DROP COLUMN "trainedAt",
ADD COLUMN     "area" TEXT,
ADD COLUMN     "notes" TEXT;

DROP INDEX "PartnershipRequest_status_createdAt_idx";
ALTER TABLE "PartnershipRequest" DROP COLUMN "status",
DROP COLUMN "updatedAt",
ADD COLUMN     "contactRole" TEXT;

-- DropEnum
DROP TYPE "OnboardingStatus";
DROP TYPE "RequestStatus";

-- CreateIndex
CREATE INDEX "OnboardingStep_partnerId_at_idx" ON "OnboardingStep"("partnerId", "at");
CREATE INDEX "OnboardingStep_kind_at_idx" ON "OnboardingStep"("kind", "at");
CREATE INDEX "Convention_partnerId_validUntil_idx" ON "Convention"("partnerId", "validUntil");
CREATE INDEX "Convention_validUntil_idx" ON "Convention"("validUntil");
CREATE INDEX "Membership_season_status_idx" ON "Membership"("season", "status");
CREATE UNIQUE INDEX "Membership_partnerId_season_key" ON "Membership"("partnerId", "season");
CREATE INDEX "PartnershipRequest_createdAt_idx" ON "PartnershipRequest"("createdAt");

-- AddForeignKey
ALTER TABLE "OnboardingStep" ADD CONSTRAINT "OnboardingStep_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OnboardingStep" ADD CONSTRAINT "OnboardingStep_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Convention" ADD CONSTRAINT "Convention_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the one definition of "this structure may book for a session at this moment": a
-- convention valid on the session's date in France (DESIGN.md: membership is never a condition). Used by
-- lib/booking's locked read and by the pages (lib/association/conventions.ts).
CREATE FUNCTION partner_convention_valid(partner_id uuid, at timestamptz) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT EXISTS (
    SELECT 1 FROM "Convention" c
    WHERE c."partnerId" = partner_id
      AND c."validFrom" <= (at AT TIME ZONE 'Europe/Paris')::date
      AND c."validUntil" >= (at AT TIME ZONE 'Europe/Paris')::date)
$$;

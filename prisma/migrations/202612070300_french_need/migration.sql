-- CreateEnum
CREATE TYPE "FrenchNeed" AS ENUM ('FRENCH', 'NONE', 'SURTITLED', 'OTHER_LANGUAGE');

-- AlterTable
ALTER TABLE "BookingFact" ADD COLUMN     "frenchNeed" "FrenchNeed" NOT NULL DEFAULT 'FRENCH';

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "frenchNeed" "FrenchNeed" NOT NULL DEFAULT 'FRENCH',
ADD COLUMN     "performedIn" TEXT;

-- Issue 34.4: a language is named only for an event performed in another language.
ALTER TABLE "Event" ADD CONSTRAINT "Event_performedIn_language"
  CHECK (("frenchNeed" = 'OTHER_LANGUAGE') = ("performedIn" IS NOT NULL));

-- A booking's facts also keep the event's need of French as it is when the booking is made.
CREATE OR REPLACE FUNCTION booking_fact_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "BookingFact" ("bookingId", "season", "month", "sessionStartsAt", "sessionId", "eventId", "category", "frenchNeed",
                             "venueId", "partnerId", "sector", "partnerCity", "partnerArea")
  SELECT NEW."id", season_of(s."startsAt"), date_trunc('month', s."startsAt" AT TIME ZONE 'Europe/Paris')::date, s."startsAt",
         s."id", e."id", e."category", e."frenchNeed", e."venueId", p."id", p."sector", p."city", p."area"
  FROM "Session" s JOIN "Event" e ON e."id" = s."eventId", "Partner" p
  WHERE s."id" = NEW."sessionId" AND p."id" = NEW."partnerId"
  ON CONFLICT ("bookingId") DO NOTHING;
  RETURN NULL;
END
$$;

-- AlterTable
ALTER TABLE "BookingGuest" ADD COLUMN     "personKey" UUID NOT NULL DEFAULT gen_random_uuid();

-- CreateTable
CREATE TABLE "BookingFact" (
    "bookingId" UUID NOT NULL,
    "season" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "sessionStartsAt" TIMESTAMPTZ(3) NOT NULL,
    "sessionId" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "category" "EventCategory" NOT NULL,
    "venueId" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "sector" "Sector" NOT NULL,
    "partnerCity" TEXT,
    "partnerArea" TEXT,

    CONSTRAINT "BookingFact_pkey" PRIMARY KEY ("bookingId")
);

-- CreateTable
CREATE TABLE "StatsFigure" (
    "season" INTEGER NOT NULL,
    "dimension" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "offered" INTEGER,
    "requested" INTEGER NOT NULL,
    "confirmed" INTEGER NOT NULL,
    "attended" INTEGER NOT NULL,
    "noShows" INTEGER NOT NULL,
    "cancelledByPartner" INTEGER NOT NULL,
    "cancelledByVenue" INTEGER NOT NULL,
    "cancelledByAssociation" INTEGER NOT NULL,
    "sessionCancelled" INTEGER NOT NULL,
    "expired" INTEGER NOT NULL,
    "withdrawn" INTEGER NOT NULL,
    "promotions" INTEGER NOT NULL,
    "unused" INTEGER,
    "people" INTEGER NOT NULL,
    "structures" INTEGER NOT NULL,
    "companions" INTEGER NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StatsFigure_pkey" PRIMARY KEY ("season","dimension","key")
);

-- CreateIndex
CREATE INDEX "BookingFact_season_idx" ON "BookingFact"("season");

-- CreateIndex
CREATE INDEX "BookingFact_sessionStartsAt_idx" ON "BookingFact"("sessionStartsAt");

-- CreateIndex
CREATE INDEX "BookingFact_partnerId_season_idx" ON "BookingFact"("partnerId", "season");

-- CreateIndex
CREATE INDEX "BookingFact_venueId_season_idx" ON "BookingFact"("venueId", "season");

-- AddForeignKey
ALTER TABLE "BookingFact" ADD CONSTRAINT "BookingFact_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (issue 15, decision 011): statistics read what a booking was about when it was made, and
-- who its guests were as keys, so that later edits and the retention policy leave past figures unchanged.

-- The season of an instant, as lib/time.ts seasonOf: 1 September – 31 August at Paris time, named by the
-- year it starts.
CREATE FUNCTION season_of(at timestamptz) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT extract(year FROM at AT TIME ZONE 'Europe/Paris')::int - CASE WHEN extract(month FROM at AT TIME ZONE 'Europe/Paris') < 9 THEN 1 ELSE 0 END
$$;

-- A guest's statistics key: the person's id when booked from the list (the same person on two bookings
-- counts once), else the key drawn by the column's default.
UPDATE "BookingGuest" SET "personKey" = "personId" WHERE "personId" IS NOT NULL;

CREATE FUNCTION booking_guest_person_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."personId" IS NOT NULL THEN NEW."personKey" := NEW."personId"; END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "BookingGuest_person_key"
  BEFORE INSERT ON "BookingGuest"
  FOR EACH ROW EXECUTE FUNCTION booking_guest_person_key();

-- A booking's facts, read from its session, event, venue and structure as they are when it is made.
CREATE FUNCTION booking_fact_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "BookingFact" ("bookingId", "season", "month", "sessionStartsAt", "sessionId", "eventId", "category", "venueId",
                             "partnerId", "sector", "partnerCity", "partnerArea")
  SELECT NEW."id", season_of(s."startsAt"), date_trunc('month', s."startsAt" AT TIME ZONE 'Europe/Paris')::date, s."startsAt",
         s."id", e."id", e."category", e."venueId", p."id", p."sector", p."city", p."area"
  FROM "Session" s JOIN "Event" e ON e."id" = s."eventId", "Partner" p
  WHERE s."id" = NEW."sessionId" AND p."id" = NEW."partnerId"
  ON CONFLICT ("bookingId") DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Booking_fact_record"
  AFTER INSERT ON "Booking"
  FOR EACH ROW EXECUTE FUNCTION booking_fact_record();

-- The bookings made before: their facts as things stand now (the best that can be known of them).
INSERT INTO "BookingFact" ("bookingId", "season", "month", "sessionStartsAt", "sessionId", "eventId", "category", "venueId",
                           "partnerId", "sector", "partnerCity", "partnerArea")
SELECT b."id", season_of(s."startsAt"), date_trunc('month', s."startsAt" AT TIME ZONE 'Europe/Paris')::date, s."startsAt",
       s."id", e."id", e."category", e."venueId", p."id", p."sector", p."city", p."area"
FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId" JOIN "Event" e ON e."id" = s."eventId" JOIN "Partner" p ON p."id" = b."partnerId"
ON CONFLICT ("bookingId") DO NOTHING;

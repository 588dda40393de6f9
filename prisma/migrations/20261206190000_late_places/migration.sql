-- AlterTable
ALTER TABLE "Booking" ADD COLUMN     "late" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "lateConfirmedPlaces" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lateMarginMinutes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "latePlaces" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lateReleasedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "LateAlertChoice" (
    "partnerId" UUID NOT NULL,
    "categories" "EventCategory"[],
    "areas" TEXT[],
    "fromHour" INTEGER NOT NULL DEFAULT 9,
    "untilHour" INTEGER NOT NULL DEFAULT 19,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LateAlertChoice_pkey" PRIMARY KEY ("partnerId")
);

-- AddForeignKey
ALTER TABLE "LateAlertChoice" ADD CONSTRAINT "LateAlertChoice_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand (issue 33.2, decision 002): late places are a pool apart from capacity. The booking
-- trigger counts a late booking's confirmed places in "lateConfirmedPlaces", never in "confirmedPlaces",
-- and the CHECK below refuses more late places booked than released, whatever the application does.
ALTER TABLE "Session" ADD CONSTRAINT "Session_latePlaces_check"
    CHECK ("latePlaces" >= 0 AND "lateConfirmedPlaces" >= 0 AND "lateConfirmedPlaces" <= "latePlaces"),
  ADD CONSTRAINT "Session_lateMarginMinutes_check" CHECK ("lateMarginMinutes" BETWEEN 0 AND 1440);

-- No waitlist on late places: first confirmed, first served.
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_late_check" CHECK (NOT "late" OR "status" <> 'WAITLISTED');

ALTER TABLE "LateAlertChoice" ADD CONSTRAINT "LateAlertChoice_hours_check"
    CHECK ("fromHour" BETWEEN 0 AND 23 AND "untilHour" BETWEEN 1 AND 24 AND "fromHour" < "untilHour");

CREATE OR REPLACE FUNCTION booking_places_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_confirmed integer := 0;
  old_late integer := 0;
  old_waiting integer := 0;
  old_waiting_bookings integer := 0;
  new_confirmed integer := 0;
  new_late integer := 0;
  new_waiting integer := 0;
  new_waiting_bookings integer := 0;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    IF OLD."status" = 'CONFIRMED' AND OLD."late" THEN old_late := OLD."places";
    ELSIF OLD."status" = 'CONFIRMED' THEN old_confirmed := OLD."places";
    ELSIF OLD."status" = 'WAITLISTED' THEN old_waiting := OLD."places"; old_waiting_bookings := 1;
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF NEW."status" = 'CONFIRMED' AND NEW."late" THEN new_late := NEW."places";
    ELSIF NEW."status" = 'CONFIRMED' THEN new_confirmed := NEW."places";
    ELSIF NEW."status" = 'WAITLISTED' THEN new_waiting := NEW."places"; new_waiting_bookings := 1;
    END IF;
  END IF;

  IF TG_OP = 'UPDATE' AND OLD."sessionId" <> NEW."sessionId" THEN
    UPDATE "Session" SET "confirmedPlaces" = "confirmedPlaces" - old_confirmed,
                         "lateConfirmedPlaces" = "lateConfirmedPlaces" - old_late,
                         "waitlistedPlaces" = "waitlistedPlaces" - old_waiting,
                         "waitlistedBookings" = "waitlistedBookings" - old_waiting_bookings
      WHERE "id" = OLD."sessionId";
    UPDATE "Session" SET "confirmedPlaces" = "confirmedPlaces" + new_confirmed,
                         "lateConfirmedPlaces" = "lateConfirmedPlaces" + new_late,
                         "waitlistedPlaces" = "waitlistedPlaces" + new_waiting,
                         "waitlistedBookings" = "waitlistedBookings" + new_waiting_bookings
      WHERE "id" = NEW."sessionId";
  ELSIF new_confirmed <> old_confirmed OR new_late <> old_late OR new_waiting <> old_waiting OR new_waiting_bookings <> old_waiting_bookings THEN
    UPDATE "Session" SET "confirmedPlaces" = "confirmedPlaces" + new_confirmed - old_confirmed,
                         "lateConfirmedPlaces" = "lateConfirmedPlaces" + new_late - old_late,
                         "waitlistedPlaces" = "waitlistedPlaces" + new_waiting - old_waiting,
                         "waitlistedBookings" = "waitlistedBookings" + new_waiting_bookings - old_waiting_bookings
      WHERE "id" = CASE WHEN TG_OP = 'DELETE' THEN OLD."sessionId" ELSE NEW."sessionId" END;
  END IF;
  RETURN NULL;
END;
$$;

DROP TRIGGER "Booking_places_sync" ON "Booking";
CREATE TRIGGER "Booking_places_sync"
  AFTER INSERT OR DELETE OR UPDATE OF "status", "places", "sessionId", "late" ON "Booking"
  FOR EACH ROW EXECUTE FUNCTION booking_places_sync();

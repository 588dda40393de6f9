-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "waitlistedBookings" INTEGER NOT NULL DEFAULT 0;

-- Written by hand: the waitlist's length, kept by the same trigger as the places, so that a booking
-- request tells its waitlist position and the catalog shows the waitlist without counting bookings.
ALTER TABLE "Session" ADD CONSTRAINT "Session_waitlistedBookings_check"
  CHECK ("waitlistedBookings" >= 0 AND "waitlistedBookings" <= "waitlistedPlaces");

UPDATE "Session" s SET "waitlistedBookings" = (
  SELECT count(*) FROM "Booking" b WHERE b."sessionId" = s."id" AND b."status" = 'WAITLISTED');

CREATE OR REPLACE FUNCTION booking_places_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_confirmed integer := 0;
  old_waiting integer := 0;
  old_waiting_bookings integer := 0;
  new_confirmed integer := 0;
  new_waiting integer := 0;
  new_waiting_bookings integer := 0;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    IF OLD."status" = 'CONFIRMED' THEN old_confirmed := OLD."places";
    ELSIF OLD."status" = 'WAITLISTED' THEN old_waiting := OLD."places"; old_waiting_bookings := 1;
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF NEW."status" = 'CONFIRMED' THEN new_confirmed := NEW."places";
    ELSIF NEW."status" = 'WAITLISTED' THEN new_waiting := NEW."places"; new_waiting_bookings := 1;
    END IF;
  END IF;

  IF TG_OP = 'UPDATE' AND OLD."sessionId" <> NEW."sessionId" THEN
    UPDATE "Session" SET "confirmedPlaces" = "confirmedPlaces" - old_confirmed,
                         "waitlistedPlaces" = "waitlistedPlaces" - old_waiting,
                         "waitlistedBookings" = "waitlistedBookings" - old_waiting_bookings
      WHERE "id" = OLD."sessionId";
    UPDATE "Session" SET "confirmedPlaces" = "confirmedPlaces" + new_confirmed,
                         "waitlistedPlaces" = "waitlistedPlaces" + new_waiting,
                         "waitlistedBookings" = "waitlistedBookings" + new_waiting_bookings
      WHERE "id" = NEW."sessionId";
  ELSIF new_confirmed <> old_confirmed OR new_waiting <> old_waiting OR new_waiting_bookings <> old_waiting_bookings THEN
    UPDATE "Session" SET "confirmedPlaces" = "confirmedPlaces" + new_confirmed - old_confirmed,
                         "waitlistedPlaces" = "waitlistedPlaces" + new_waiting - old_waiting,
                         "waitlistedBookings" = "waitlistedBookings" + new_waiting_bookings - old_waiting_bookings
      WHERE "id" = CASE WHEN TG_OP = 'DELETE' THEN OLD."sessionId" ELSE NEW."sessionId" END;
  END IF;
  RETURN NULL;
END;
$$;

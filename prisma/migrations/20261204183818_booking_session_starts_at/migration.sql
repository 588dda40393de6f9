-- DropIndex
DROP INDEX "Booking_partnerId_status_sessionId_idx";

-- AlterTable
ALTER TABLE "Booking" ADD COLUMN     "sessionStartsAt" TIMESTAMPTZ(3);

-- Hand-written: the session's start copied onto its bookings, and kept so by the database whatever
-- writes them (lib/booking's raw statements, Prisma, the seeds): a structure's "Mes réservations" tabs
-- are then read in date order from the index below, a page at a time, instead of joining and sorting
-- every session the structure ever booked (issue 14, decision 010).
UPDATE "Booking" b SET "sessionStartsAt" = s."startsAt" FROM "Session" s WHERE s."id" = b."sessionId";

CREATE FUNCTION booking_session_starts_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."sessionStartsAt" := (SELECT s."startsAt" FROM "Session" s WHERE s."id" = NEW."sessionId");
  RETURN NEW;
END
$$;

CREATE TRIGGER "Booking_session_starts_at"
  BEFORE INSERT OR UPDATE OF "sessionId", "sessionStartsAt" ON "Booking"
  FOR EACH ROW EXECUTE FUNCTION booking_session_starts_at();

CREATE FUNCTION session_starts_at_to_bookings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Booking" SET "sessionStartsAt" = NEW."startsAt" WHERE "sessionId" = NEW."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Session_starts_at_to_bookings"
  AFTER UPDATE OF "startsAt" ON "Session"
  FOR EACH ROW WHEN (OLD."startsAt" IS DISTINCT FROM NEW."startsAt")
  EXECUTE FUNCTION session_starts_at_to_bookings();

-- CreateIndex
CREATE INDEX "Booking_partnerId_status_sessionStartsAt_sessionId_idx" ON "Booking"("partnerId", "status", "sessionStartsAt", "sessionId");

-- AlterTable
ALTER TABLE "ActivityRegistration" ADD COLUMN     "userId" UUID;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "calendarSequence" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "sealedToken" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarFeed_userId_idx" ON "CalendarFeed"("userId");

-- CreateIndex
CREATE INDEX "ActivityRegistration_userId_idx" ON "ActivityRegistration"("userId");

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityRegistration" ADD CONSTRAINT "ActivityRegistration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: one active calendar feed per user; renewing revokes the old one first (lib/calendar/feed-token.ts).
CREATE UNIQUE INDEX "CalendarFeed_one_active_per_user" ON "CalendarFeed"("userId") WHERE "revokedAt" IS NULL;

-- Hand-written: a calendar event's SEQUENCE must grow when its time or place changes (RFC 5545, 3.8.7.4),
-- so that calendars replace the event they hold under the same UID instead of keeping the old one. The
-- database bumps the session's counter whatever writes the change (a page, the association, a script):
-- a change of the session's start or end, or of its venue's name or address.
CREATE FUNCTION session_calendar_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."calendarSequence" := OLD."calendarSequence" + 1;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Session_calendar_sequence"
  BEFORE UPDATE OF "startsAt", "endsAt" ON "Session"
  FOR EACH ROW WHEN (OLD."startsAt" IS DISTINCT FROM NEW."startsAt" OR OLD."endsAt" IS DISTINCT FROM NEW."endsAt")
  EXECUTE FUNCTION session_calendar_sequence();

CREATE FUNCTION venue_calendar_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Session" s SET "calendarSequence" = s."calendarSequence" + 1
  FROM "Event" e WHERE e."id" = s."eventId" AND e."venueId" = NEW."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Venue_calendar_sequence"
  AFTER UPDATE OF "name", "addressLine", "postalCode", "city" ON "Venue"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."addressLine" IS DISTINCT FROM NEW."addressLine"
    OR OLD."postalCode" IS DISTINCT FROM NEW."postalCode" OR OLD."city" IS DISTINCT FROM NEW."city")
  EXECUTE FUNCTION venue_calendar_sequence();

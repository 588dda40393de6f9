-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'PARTNER', 'VENUE');

-- CreateEnum
CREATE TYPE "VenueKind" AS ENUM ('THEATRE', 'CONCERT_HALL', 'MUSEUM', 'CINEMA', 'DANCE', 'FESTIVAL', 'LIBRARY', 'OTHER');

-- CreateEnum
CREATE TYPE "Accessibility" AS ENUM ('WHEELCHAIR', 'HEARING_LOOP', 'SIGN_LANGUAGE', 'AUDIO_DESCRIPTION', 'RELAXED', 'SURTITLES', 'EASY_READ');

-- CreateEnum
CREATE TYPE "QuotaPeriod" AS ENUM ('SESSION', 'MONTH', 'SEASON');

-- CreateEnum
CREATE TYPE "EventCategory" AS ENUM ('THEATRE', 'MUSIC', 'DANCE', 'OPERA', 'CIRCUS', 'CINEMA', 'EXHIBITION', 'HERITAGE', 'FESTIVAL', 'TALK', 'WORKSHOP', 'YOUNG_AUDIENCE', 'OTHER');

-- CreateEnum
CREATE TYPE "EventStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('SCHEDULED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "Sector" AS ENUM ('SOCIAL', 'INSERTION', 'CARE', 'DISABILITY', 'MEDICO_SOCIAL');

-- CreateEnum
CREATE TYPE "OnboardingStatus" AS ENUM ('REQUEST', 'MEETING', 'CONVENTION_SIGNED', 'ACCOUNT_CREATED', 'TRAINED');

-- CreateEnum
CREATE TYPE "BookingStatus" AS ENUM ('CONFIRMED', 'WAITLISTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "CancelReason" AS ENUM ('PARTNER', 'VENUE', 'ASSOCIATION', 'SESSION_CANCELLED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "GuestKind" AS ENUM ('MAIN', 'FAMILY_OR_FRIEND', 'PROFESSIONAL');

-- CreateEnum
CREATE TYPE "AccessNeed" AS ENUM ('WHEELCHAIR_SPACE', 'HEARING_LOOP', 'SIGN_LANGUAGE', 'AUDIO_DESCRIPTION', 'ASSISTANCE_DOG', 'SEAT_NEAR_EXIT');

-- CreateEnum
CREATE TYPE "Attendance" AS ENUM ('ATTENDED', 'NO_SHOW');

-- CreateEnum
CREATE TYPE "Mood" AS ENUM ('LOVED', 'LIKED', 'NOT_FOR_ME');

-- CreateEnum
CREATE TYPE "NotificationType" AS ENUM ('BOOKING_PROMOTED', 'BOOKING_CANCELLED', 'SESSION_CANCELLED', 'WAITLIST_EXPIRED');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('NEW', 'CONTACTED', 'ACCEPTED', 'DECLINED');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "role" "Role" NOT NULL,
    "partnerId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "lastSignInAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Venue" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "VenueKind" NOT NULL,
    "description" TEXT,
    "addressLine" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "area" TEXT,
    "accessInfo" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "website" TEXT,
    "ticketOfficeName" TEXT,
    "ticketOfficePhone" TEXT NOT NULL,
    "ticketOfficeEmail" TEXT,
    "accessibility" "Accessibility"[],
    "accessibilityNotes" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Venue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VenueManager" (
    "userId" UUID NOT NULL,
    "venueId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VenueManager_pkey" PRIMARY KEY ("userId","venueId")
);

-- CreateTable
CREATE TABLE "QuotaRule" (
    "id" UUID NOT NULL,
    "venueId" UUID NOT NULL,
    "period" "QuotaPeriod" NOT NULL,
    "maxPlaces" INTEGER NOT NULL,
    "liftDaysBefore" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "QuotaRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuotaException" (
    "id" UUID NOT NULL,
    "venueId" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "maxPlaces" INTEGER,
    "reason" TEXT,
    "grantedById" UUID,
    "expiresAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuotaException_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" UUID NOT NULL,
    "venueId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "category" "EventCategory" NOT NULL,
    "minAge" INTEGER,
    "durationMinutes" INTEGER,
    "accessibility" "Accessibility"[],
    "publicPriceCents" INTEGER,
    "ticketUrl" TEXT,
    "imageAlt" TEXT,
    "status" "EventStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventImage" (
    "eventId" UUID NOT NULL,
    "mimeType" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EventImage_pkey" PRIMARY KEY ("eventId")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3),
    "capacity" INTEGER NOT NULL,
    "confirmedPlaces" INTEGER NOT NULL DEFAULT 0,
    "waitlistedPlaces" INTEGER NOT NULL DEFAULT 0,
    "bookingOpensAt" TIMESTAMPTZ(3),
    "bookingClosesAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "status" "SessionStatus" NOT NULL DEFAULT 'SCHEDULED',
    "cancelledAt" TIMESTAMPTZ(3),
    "cancelNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Partner" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "sector" "Sector" NOT NULL,
    "addressLine" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "onboardingStatus" "OnboardingStatus" NOT NULL DEFAULT 'REQUEST',
    "conventionSignedAt" DATE,
    "trainedAt" TIMESTAMPTZ(3),
    "visitorCode" TEXT,
    "visitorCodeRenewedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "amountCents" INTEGER,
    "paidAt" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "notes" TEXT,
    "archivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Booking" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "requestSeq" BIGSERIAL NOT NULL,
    "sessionId" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "createdById" UUID,
    "status" "BookingStatus" NOT NULL,
    "places" INTEGER NOT NULL,
    "splitFromId" UUID,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMPTZ(3),
    "promotedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "cancelledById" UUID,
    "cancelReason" "CancelReason",
    "cancelNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Booking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BookingGuest" (
    "id" UUID NOT NULL,
    "bookingId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "GuestKind" NOT NULL,
    "personId" UUID,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "needs" "AccessNeed"[],
    "attendance" "Attendance",
    "checkedInAt" TIMESTAMPTZ(3),

    CONSTRAINT "BookingGuest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BookingFeedback" (
    "bookingId" UUID NOT NULL,
    "mood" "Mood" NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BookingFeedback_pkey" PRIMARY KEY ("bookingId")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "type" "NotificationType" NOT NULL,
    "bookingId" UUID,
    "sessionId" UUID,
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" UUID,
    "actorKind" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnershipRequest" (
    "id" UUID NOT NULL,
    "structureName" TEXT NOT NULL,
    "sector" "Sector" NOT NULL,
    "contactName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "city" TEXT,
    "message" TEXT,
    "status" "RequestStatus" NOT NULL DEFAULT 'NEW',
    "partnerId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PartnershipRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_partnerId_idx" ON "User"("partnerId");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE UNIQUE INDEX "Venue_slug_key" ON "Venue"("slug");

-- CreateIndex
CREATE INDEX "Venue_city_area_idx" ON "Venue"("city", "area");

-- CreateIndex
CREATE INDEX "VenueManager_venueId_idx" ON "VenueManager"("venueId");

-- CreateIndex
CREATE UNIQUE INDEX "QuotaRule_venueId_key" ON "QuotaRule"("venueId");

-- CreateIndex
CREATE INDEX "QuotaException_partnerId_idx" ON "QuotaException"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "QuotaException_venueId_partnerId_key" ON "QuotaException"("venueId", "partnerId");

-- CreateIndex
CREATE INDEX "Event_venueId_status_idx" ON "Event"("venueId", "status");

-- CreateIndex
CREATE INDEX "Event_status_category_idx" ON "Event"("status", "category");

-- CreateIndex
CREATE INDEX "Event_accessibility_idx" ON "Event" USING GIN ("accessibility");

-- CreateIndex
CREATE INDEX "Session_startsAt_idx" ON "Session"("startsAt");

-- CreateIndex
CREATE INDEX "Session_eventId_startsAt_idx" ON "Session"("eventId", "startsAt");

-- CreateIndex
CREATE INDEX "Session_status_startsAt_idx" ON "Session"("status", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Partner_visitorCode_key" ON "Partner"("visitorCode");

-- CreateIndex
CREATE INDEX "Partner_name_idx" ON "Partner"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_partnerId_year_key" ON "Membership"("partnerId", "year");

-- CreateIndex
CREATE INDEX "Person_partnerId_lastName_firstName_idx" ON "Person"("partnerId", "lastName", "firstName");

-- CreateIndex
CREATE UNIQUE INDEX "Booking_number_key" ON "Booking"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Booking_requestSeq_key" ON "Booking"("requestSeq");

-- CreateIndex
CREATE UNIQUE INDEX "Booking_splitFromId_key" ON "Booking"("splitFromId");

-- CreateIndex
CREATE INDEX "Booking_sessionId_status_requestSeq_idx" ON "Booking"("sessionId", "status", "requestSeq");

-- CreateIndex
CREATE INDEX "Booking_partnerId_status_idx" ON "Booking"("partnerId", "status");

-- CreateIndex
CREATE INDEX "Booking_createdAt_idx" ON "Booking"("createdAt");

-- CreateIndex
CREATE INDEX "BookingGuest_personId_idx" ON "BookingGuest"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "BookingGuest_bookingId_position_key" ON "BookingGuest"("bookingId", "position");

-- CreateIndex
CREATE INDEX "Notification_partnerId_readAt_createdAt_idx" ON "Notification"("partnerId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_actorUserId_idx" ON "AuditLog"("actorUserId");

-- CreateIndex
CREATE INDEX "PartnershipRequest_status_createdAt_idx" ON "PartnershipRequest"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VenueManager" ADD CONSTRAINT "VenueManager_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VenueManager" ADD CONSTRAINT "VenueManager_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "Venue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuotaRule" ADD CONSTRAINT "QuotaRule_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "Venue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuotaException" ADD CONSTRAINT "QuotaException_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "Venue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuotaException" ADD CONSTRAINT "QuotaException_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuotaException" ADD CONSTRAINT "QuotaException_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "Venue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventImage" ADD CONSTRAINT "EventImage_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_splitFromId_fkey" FOREIGN KEY ("splitFromId") REFERENCES "Booking"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_cancelledById_fkey" FOREIGN KEY ("cancelledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BookingGuest" ADD CONSTRAINT "BookingGuest_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BookingGuest" ADD CONSTRAINT "BookingGuest_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BookingFeedback" ADD CONSTRAINT "BookingFeedback_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnershipRequest" ADD CONSTRAINT "PartnershipRequest_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: rules Prisma's schema language cannot express. The database refuses what the
-- application must never do, as a second safety net beneath lib/booking.

ALTER TABLE "User" ADD CONSTRAINT "User_partner_role_check"
    CHECK (("role" = 'PARTNER') = ("partnerId" IS NOT NULL)),
  ADD CONSTRAINT "User_email_lowercase_check" CHECK ("email" = lower("email"));

ALTER TABLE "QuotaRule" ADD CONSTRAINT "QuotaRule_maxPlaces_check" CHECK ("maxPlaces" > 0),
  ADD CONSTRAINT "QuotaRule_liftDaysBefore_check" CHECK ("liftDaysBefore" IS NULL OR "liftDaysBefore" >= 0);

ALTER TABLE "QuotaException" ADD CONSTRAINT "QuotaException_maxPlaces_check"
    CHECK ("maxPlaces" IS NULL OR "maxPlaces" >= 0);

ALTER TABLE "Event" ADD CONSTRAINT "Event_minAge_check" CHECK ("minAge" IS NULL OR "minAge" BETWEEN 0 AND 99),
  ADD CONSTRAINT "Event_durationMinutes_check" CHECK ("durationMinutes" IS NULL OR "durationMinutes" > 0),
  ADD CONSTRAINT "Event_publicPriceCents_check" CHECK ("publicPriceCents" IS NULL OR "publicPriceCents" >= 0);

ALTER TABLE "Session" ADD CONSTRAINT "Session_capacity_check" CHECK ("capacity" >= 0),
  -- Never more confirmed places than invitations offered, whatever the application does.
  ADD CONSTRAINT "Session_confirmedPlaces_check" CHECK ("confirmedPlaces" >= 0 AND "confirmedPlaces" <= "capacity"),
  ADD CONSTRAINT "Session_waitlistedPlaces_check" CHECK ("waitlistedPlaces" >= 0),
  ADD CONSTRAINT "Session_endsAt_check" CHECK ("endsAt" IS NULL OR "endsAt" > "startsAt"),
  ADD CONSTRAINT "Session_bookingClosesAt_check" CHECK ("bookingClosesAt" IS NULL OR "bookingClosesAt" <= "startsAt"),
  ADD CONSTRAINT "Session_bookingWindow_check"
    CHECK ("bookingOpensAt" IS NULL OR "bookingOpensAt" < COALESCE("bookingClosesAt", "startsAt"));

ALTER TABLE "Membership" ADD CONSTRAINT "Membership_year_check" CHECK ("year" BETWEEN 2000 AND 2100),
  ADD CONSTRAINT "Membership_amountCents_check" CHECK ("amountCents" IS NULL OR "amountCents" >= 0);

ALTER TABLE "Booking" ADD CONSTRAINT "Booking_places_check" CHECK ("places" > 0),
  -- Eight characters read aloud or typed at the door: no 0/O, no 1/I.
  ADD CONSTRAINT "Booking_number_check" CHECK ("number" ~ '^[2-9A-HJ-NP-Z]{8}$'),
  ADD CONSTRAINT "Booking_cancelled_check"
    CHECK (("status" = 'CANCELLED') = ("cancelledAt" IS NOT NULL AND "cancelReason" IS NOT NULL)),
  ADD CONSTRAINT "Booking_confirmedAt_check" CHECK ("status" <> 'CONFIRMED' OR "confirmedAt" IS NOT NULL);

ALTER TABLE "BookingGuest" ADD CONSTRAINT "BookingGuest_position_check" CHECK ("position" >= 0),
  ADD CONSTRAINT "BookingGuest_main_check" CHECK (("position" = 0) = ("kind" = 'MAIN'));

-- A session's place counters follow its bookings here, in the database, in the same transaction as
-- the booking change. The UPDATE locks the session row, so concurrent changes queue behind each other,
-- and Session_confirmedPlaces_check then refuses any confirmation beyond capacity.
CREATE FUNCTION booking_places_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_confirmed integer := 0;
  old_waiting integer := 0;
  new_confirmed integer := 0;
  new_waiting integer := 0;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    IF OLD."status" = 'CONFIRMED' THEN old_confirmed := OLD."places";
    ELSIF OLD."status" = 'WAITLISTED' THEN old_waiting := OLD."places";
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF NEW."status" = 'CONFIRMED' THEN new_confirmed := NEW."places";
    ELSIF NEW."status" = 'WAITLISTED' THEN new_waiting := NEW."places";
    END IF;
  END IF;

  IF TG_OP = 'UPDATE' AND OLD."sessionId" <> NEW."sessionId" THEN
    UPDATE "Session" SET "confirmedPlaces" = "confirmedPlaces" - old_confirmed,
                         "waitlistedPlaces" = "waitlistedPlaces" - old_waiting
      WHERE "id" = OLD."sessionId";
    UPDATE "Session" SET "confirmedPlaces" = "confirmedPlaces" + new_confirmed,
                         "waitlistedPlaces" = "waitlistedPlaces" + new_waiting
      WHERE "id" = NEW."sessionId";
  ELSIF new_confirmed <> old_confirmed OR new_waiting <> old_waiting THEN
    UPDATE "Session" SET "confirmedPlaces" = "confirmedPlaces" + new_confirmed - old_confirmed,
                         "waitlistedPlaces" = "waitlistedPlaces" + new_waiting - old_waiting
      WHERE "id" = CASE WHEN TG_OP = 'DELETE' THEN OLD."sessionId" ELSE NEW."sessionId" END;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Booking_places_sync"
  AFTER INSERT OR DELETE OR UPDATE OF "status", "places", "sessionId" ON "Booking"
  FOR EACH ROW EXECUTE FUNCTION booking_places_sync();
